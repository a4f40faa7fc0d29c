"""The same check as a plain pytest fixture: the loop is set up after it, so closed before its teardown."""

import pytest
from conftest import run_each_loop_once


@pytest.fixture(autouse=True)
def loops_closed_at_teardown(request):
    yield
    run_each_loop_once(request)


def test_sync_test_with_an_async_fixture(running_loop):
    assert not running_loop.is_closed()
