"""pytest 9.1 deprecates asking for a fixture the test did not have yet while it is torn down (an
error here); one of the test's own scope cannot be set up any more at all."""

import pytest


@pytest.fixture(scope="module")
def module_value():
    return 5


@pytest.fixture
def function_value():
    return 6


@pytest.fixture
def asks_late_for_module_fixture(request):
    yield
    assert request.getfixturevalue("module_value") == 5


@pytest.fixture
def asks_early(request, function_value):
    yield
    assert request.getfixturevalue("function_value") == 6


def test_late_request(asks_late_for_module_fixture):
    pass


def test_request_of_an_active_fixture(asks_early):
    pass


def test_inicfg_is_deprecated(pytestconfig):
    assert pytestconfig.inicfg is not None
