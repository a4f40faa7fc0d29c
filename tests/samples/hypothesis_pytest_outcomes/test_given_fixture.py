import pytest
from hypothesis import given
from hypothesis import strategies as st


# hypothesis refuses @given on a fixture (an InvalidArgument while the module imports).
@given(st.integers())
@pytest.fixture
def number(value):
    return value


def test_never_collected():
    pass
