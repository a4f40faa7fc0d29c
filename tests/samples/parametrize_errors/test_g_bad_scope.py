import pytest


@pytest.mark.parametrize("a", [1], scope="weird")
def test_an_unknown_scope(a):
    pass
