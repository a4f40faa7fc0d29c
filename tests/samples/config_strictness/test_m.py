import pytest
@pytest.mark.foo
def test_m():
    pass
