"""pytest_asyncio.fixture on sync functions: tied to their loop as pytest-asyncio's async fixtures are."""

import asyncio

import pytest_asyncio
from conftest import run_each_loop_once


@pytest_asyncio.fixture(autouse=True)
def loops_still_open_at_teardown(request):
    # Set up first (autouse), so its loop opens before any other fixture's and closes after its teardown.
    yield
    run_each_loop_once(request)


@pytest_asyncio.fixture
def current_loop():
    return asyncio.get_event_loop()


def test_sync_test_with_an_async_fixture(running_loop):
    assert not running_loop.is_closed()


async def test_async_test_with_an_async_fixture(running_loop):
    assert running_loop is asyncio.get_running_loop()


async def test_the_loop_is_current_while_a_sync_asyncio_fixture_is_set_up(current_loop):
    assert current_loop is asyncio.get_running_loop()
