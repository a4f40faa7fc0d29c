"""Objects bound to one loop: fine when fixture and test share the loop, a failure when they don't."""

import asyncio

import pytest
import pytest_asyncio


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def module_queue():
    queue = asyncio.Queue()
    await queue.put("item")
    yield queue
    # Teardown runs on the fixture's own loop, so the queue still works here.
    await queue.put("teardown")
    assert queue.get_nowait() == "teardown"


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def module_future():
    # Still pending: awaiting it from another loop's task is a RuntimeError.
    return asyncio.get_running_loop().create_future()


@pytest.mark.asyncio(loop_scope="module")
async def test_queue_from_module_loop_fixture_works_in_module_loop_test(module_queue):
    assert await module_queue.get() == "item"


@pytest.mark.asyncio
async def test_future_from_module_loop_cannot_be_awaited_on_function_loop(module_future):
    await module_future


@pytest_asyncio.fixture(scope="session")
async def session_fixture_with_module_default_loop():
    # asyncio_default_fixture_loop_scope = module, narrower than the fixture's own scope.
    return asyncio.get_running_loop()


@pytest.mark.asyncio(loop_scope="module")
async def test_session_fixture_with_narrower_default_loop_scope(session_fixture_with_module_default_loop):
    assert session_fixture_with_module_default_loop is asyncio.get_running_loop()
