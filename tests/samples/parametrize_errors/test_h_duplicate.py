import pytest


@pytest.mark.parametrize("x", [1])
@pytest.mark.parametrize("x", [2])
def test_parametrized_twice(x):
    pass
