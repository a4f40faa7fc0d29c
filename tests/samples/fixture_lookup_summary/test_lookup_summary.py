"""The short summary's message for fixture lookup errors, and for a test's own pytest.fail text."""

import pytest


def test_requests_unknown_fixture(no_such_fixture):
    pass


@pytest.fixture
def asks_at_run_time(request):
    return request.getfixturevalue("no_such_fixture")


def test_fixture_looks_up_unknown_fixture(asks_at_run_time):
    pass


def test_looks_up_unknown_fixture(request):
    request.getfixturevalue("no_such_fixture")


@pytest.mark.asyncio
async def test_async_test_looks_up_unknown_fixture(request):
    request.getfixturevalue("no_such_fixture")


def test_fail_without_traceback_and_an_e_line():
    pytest.fail("the first line\nE   a line of the test's own", pytrace=False)


def test_passes():
    pass
