import pytest


# An empty list of ids is no list: every id is generated.
@pytest.mark.parametrize("value", [1, 2], ids=[])
def test_empty_ids(value):
    assert value in (1, 2)


# The one set standing for empty argvalues is counted: one id is right, and it is still NOTSET.
@pytest.mark.parametrize("value", [], ids=["given"])
def test_empty_values(value):
    pass


class TestBadIds:
    # Two sets, three ids: this class fails to collect, none of its tests run.
    @pytest.mark.parametrize("value", [1, 2], ids=["a", "b", "c"])
    def test_bad(self, value):
        pass

    def test_fine_but_in_a_failed_class(self):
        pass


class TestAfter:
    # The rest of the module is collected.
    def test_runs(self):
        pass
