import pytest

from .helper import VALUE  # a relative import in a conftest


@pytest.fixture
def value():
    return VALUE
