import pytest


@pytest.mark.parametrize("x", [1])
def test_takes_no_x():
    pass
