import pytest


@pytest.mark.parametrize("a,b", [(1,)])
def test_one_value_for_two_names(a, b):
    pass
