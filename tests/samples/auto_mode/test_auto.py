"""Auto mode: every async test and async fixture runs on a loop, no marks needed."""

import asyncio

import pytest


@pytest.fixture
async def async_value():
    await asyncio.sleep(0)
    return "from async fixture"


@pytest.fixture
async def async_resource():
    yield ["opened"]
    await asyncio.sleep(0)


async def test_unmarked_async_test_runs():
    await asyncio.sleep(0)
    assert asyncio.get_running_loop().is_running()


async def test_plain_fixture_decorator_drives_async_fixtures(async_value, async_resource):
    assert async_value == "from async fixture"
    assert async_resource == ["opened"]


def test_sync_test_still_runs(async_value):
    assert async_value == "from async fixture"


async def test_unmarked_async_failure_is_reported():
    await asyncio.sleep(0)
    assert 1 + 1 == 3


@pytest.mark.asyncio
async def test_explicit_mark_is_harmless_in_auto_mode():
    await asyncio.sleep(0)


class TestAsyncMethods:
    async def test_async_method_runs(self):
        await asyncio.sleep(0)

    @pytest.mark.parametrize("delay", [0, 0.001])
    async def test_parametrized_async_method(self, delay):
        await asyncio.sleep(delay)
