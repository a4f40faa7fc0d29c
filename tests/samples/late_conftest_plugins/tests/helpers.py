import pytest


@pytest.fixture
def helper():
    return 1
