import pytest

pytestmark = pytest.mark.skipif(True, reason="whole module skipped")


def test_skipped_by_module_pytestmark():
    raise AssertionError("must not run")


class TestAlsoSkipped:
    def test_method(self):
        raise AssertionError("must not run")
