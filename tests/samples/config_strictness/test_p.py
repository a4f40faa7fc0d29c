import pytest
@pytest.mark.parametrize("x", [1, 2], ids=["a", "a"])
def test_p(x):
    pass
