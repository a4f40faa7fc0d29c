import _pytest
import _pytest._version
import _pytest.fixtures
import pytest
from hypothesis import given
from hypothesis import strategies as st


# hypothesis's @given reads _pytest.__version__ and _pytest.fixtures.FixtureFunctionDefinition when
# both modules are imported: the module imports only if they are there.
@given(st.integers())
def test_given_with_pytests_modules_imported(number):
    assert isinstance(number, int)


def test_version_attributes():
    assert _pytest.__version__ == pytest.__version__
    assert _pytest.version_tuple == pytest.version_tuple
    assert _pytest._version.version == pytest.__version__
    assert _pytest._version.version_tuple == pytest.version_tuple


@pytest.fixture
def answer():
    return 42


def test_a_fixture_is_a_fixture_function_definition():
    assert isinstance(answer, _pytest.fixtures.FixtureFunctionDefinition)


def test_a_plain_function_is_not():
    assert not isinstance(test_a_plain_function_is_not, _pytest.fixtures.FixtureFunctionDefinition)
