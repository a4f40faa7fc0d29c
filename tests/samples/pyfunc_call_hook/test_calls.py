import asyncio

import pytest
import pytest_asyncio


@pytest.fixture
def number():
    return 3


@pytest_asyncio.fixture
async def doubled(number):
    await asyncio.sleep(0)
    return number * 2


async def test_unmarked_async_test_run_by_the_hook(number):
    await asyncio.sleep(0)
    assert number == 3


async def test_unmarked_async_test_failing_in_the_hook():
    await asyncio.sleep(0)
    assert 1 == 2


@pytest.mark.parametrize("value", [1, 2])
async def test_parameters_reach_the_hook(value, number):
    assert value < number


@pytest.mark.asyncio
async def test_marked_test_is_a_sync_function_to_the_hook(doubled):
    assert doubled == 6


@pytest.mark.asyncio
async def test_marked_failing_test(doubled):
    assert doubled == 7


def test_sync_test(number):
    assert number == 3


@pytest.mark.claimed
def test_claimed_sync_test_never_runs():
    raise AssertionError("not called: the hook answered for it")


@pytest.mark.claimed
async def test_claimed_async_test_never_runs():
    raise AssertionError("not called: the hook answered for it")


class TestMethods:
    async def test_unmarked_method(self, number):
        assert number == 3

    @pytest.mark.asyncio
    async def test_marked_method(self, doubled):
        assert doubled == 6
