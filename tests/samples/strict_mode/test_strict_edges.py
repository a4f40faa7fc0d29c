"""Corners of strict mode and of async tests that end unusually."""

import asyncio

import pytest
import pytest_asyncio


def test_event_loop_fixture_was_removed_in_pytest_asyncio_1(event_loop):
    pass


class TestUnmarkedAsyncMethods:
    async def test_unmarked_async_method_fails(self):
        pass


@pytest.mark.asyncio
class TestClassLevelMark:
    async def test_class_mark_covers_async_methods(self):
        await asyncio.sleep(0)


@pytest.mark.asyncio
async def test_cancelled_error_in_test_is_a_failure():
    raise asyncio.CancelledError()


@pytest.mark.asyncio
async def test_timeout_error_in_test_is_a_failure():
    await asyncio.wait_for(asyncio.sleep(1), timeout=0.001)


@pytest.mark.asyncio
async def test_leaving_a_pending_task_behind_passes():
    asyncio.get_running_loop().create_task(asyncio.sleep(10))


@pytest.mark.asyncio
async def test_exception_inside_gathered_task_fails():
    async def boom():
        raise ValueError("from a task")

    await asyncio.gather(boom())


def test_sync_test_can_run_its_own_loop():
    assert asyncio.run(asyncio.sleep(0, result="done")) == "done"


@pytest_asyncio.fixture
async def async_teardown_fails():
    yield
    raise RuntimeError("async teardown exploded")


@pytest.mark.asyncio
async def test_async_fixture_teardown_error(async_teardown_fails):
    pass


@pytest.fixture
def sync_on_top_of_async(answer_async):
    return answer_async + 1


@pytest_asyncio.fixture
async def answer_async():
    return 41


def test_sync_fixture_may_depend_on_async_fixture(sync_on_top_of_async):
    assert sync_on_top_of_async == 42
