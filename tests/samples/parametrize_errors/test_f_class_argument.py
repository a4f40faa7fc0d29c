import pytest


class TestIndirect:
    @pytest.mark.parametrize("x", [1], indirect=["x"])
    def test_takes_no_fixture_x(self):
        pass


class TestAfter:
    def test_runs(self):
        pass
