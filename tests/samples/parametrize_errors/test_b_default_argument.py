import pytest


@pytest.mark.parametrize("x", [1])
def test_x_has_a_default(x=3):
    pass
