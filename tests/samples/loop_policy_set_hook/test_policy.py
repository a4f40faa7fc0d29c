import asyncio

import pytest
import pytest_asyncio


@pytest_asyncio.fixture
async def resource():
    await asyncio.sleep(0)
    yield "resource"
    await asyncio.sleep(0)


@pytest_asyncio.fixture
def loop_of_sync_fixture():
    return asyncio.get_event_loop()


@pytest.mark.asyncio
async def test_awaits_on_its_loop():
    await asyncio.sleep(0)


@pytest.mark.asyncio
async def test_with_async_fixture(resource):
    await asyncio.sleep(0)
    assert resource == "resource"


@pytest.mark.asyncio
async def test_with_sync_asyncio_fixture(loop_of_sync_fixture):
    assert loop_of_sync_fixture is asyncio.get_running_loop()
    await asyncio.sleep(0)


def test_sync_after_async_tests():
    pass


@pytest.mark.asyncio
async def test_fails_on_its_own():
    await asyncio.sleep(0)
    assert False
