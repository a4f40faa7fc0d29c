"""A module's and a class's filterwarnings marks are added after the test's own, so they win (pytest
applies ``iter_markers`` in order, each filter in front of the last): the ``error`` marks on the tests
below lose to the module's ``ignore``, and the class's ``error`` beats its test's ``ignore``."""

import warnings

import pytest
import pytest_asyncio

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest_asyncio.fixture
async def deprecated_in_set_up():
    warnings.warn("deprecated while setting up", DeprecationWarning, stacklevel=1)
    return 1


@pytest.mark.filterwarnings("error::DeprecationWarning")
def test_module_ignore_beats_own_error():
    warnings.warn("deprecated", DeprecationWarning, stacklevel=1)


@pytest.mark.asyncio
@pytest.mark.filterwarnings("error::DeprecationWarning")
async def test_module_ignore_beats_own_error_in_set_up(deprecated_in_set_up):
    assert deprecated_in_set_up == 1


@pytest.mark.filterwarnings("error::RuntimeWarning")
class TestClassMark:
    @pytest.mark.filterwarnings("ignore::RuntimeWarning")
    def test_class_error_beats_own_ignore(self):
        warnings.warn("runtime", RuntimeWarning, stacklevel=1)

    def test_class_error_alone(self):
        warnings.warn("runtime", RuntimeWarning, stacklevel=1)
