"""Strict mode: only tests marked with @pytest.mark.asyncio (and pytest_asyncio fixtures) run on a loop."""

import asyncio

import pytest
import pytest_asyncio


@pytest_asyncio.fixture
async def answer():
    await asyncio.sleep(0)
    return 42


@pytest_asyncio.fixture
async def resource():
    await asyncio.sleep(0)
    yield "open"
    await asyncio.sleep(0)


def test_sync_test_passes():
    assert sum([1, 2]) == 3


def test_sync_test_failure_is_reported():
    assert [1, 2] == [1, 3]


@pytest.mark.asyncio
async def test_marked_async_test_runs_on_a_running_loop():
    await asyncio.sleep(0)
    assert asyncio.get_running_loop().is_running()


@pytest.mark.asyncio
async def test_marked_async_test_failure_is_reported():
    await asyncio.sleep(0)
    assert "loop" == "no loop"


@pytest.mark.asyncio
async def test_async_fixtures_are_awaited(answer, resource):
    assert answer == 42
    assert resource == "open"


def test_sync_test_gets_value_of_async_fixture(answer):
    assert answer == 42


async def test_unmarked_async_test_fails_in_strict_mode():
    # Must never count as passed: in strict mode nothing awaits this coroutine.
    pass


def test_sync_test_returning_a_coroutine_fails():
    async def never_awaited():
        return None

    return never_awaited()


@pytest.fixture
async def plain_async_fixture():
    return "never awaited in strict mode"


@pytest.mark.asyncio
async def test_plain_async_fixture_is_an_error_in_strict_mode(plain_async_fixture):
    pass


def test_sync_test_returning_a_value_only_warns():
    return 5
