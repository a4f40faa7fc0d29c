"""Tests that wait for every other task of their loop, as cleanup helpers do: under pytest-asyncio the
test's own task is the only one, so nothing the runner keeps on the loop may show up there."""

import asyncio

import pytest


@pytest.fixture
async def resource():
    yield "r"


async def wait_for_the_others():
    while True:
        await asyncio.sleep(0)
        others = asyncio.all_tasks() - {asyncio.current_task()}
        if not others:
            return
        await asyncio.wait(others)


async def test_with_an_async_generator_fixture(resource):
    await wait_for_the_others()
    assert asyncio.all_tasks() == {asyncio.current_task()}


async def test_after_a_background_task_ends():
    asyncio.get_running_loop().create_task(asyncio.sleep(0.01))
    await wait_for_the_others()


@pytest.mark.asyncio(loop_scope="module")
async def test_on_a_module_loop(resource):
    await wait_for_the_others()
    assert asyncio.all_tasks() == {asyncio.current_task()}
