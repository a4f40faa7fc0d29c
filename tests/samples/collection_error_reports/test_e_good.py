import pytest


@pytest.mark.known
def test_good():
    pass
