"""asyncio's frames in a failure's traceback: the loop running the test is left out, as pytest-asyncio's
is under pytest, but the asyncio code a test calls into (``wait_for``, ``asyncio.run``) is listed, and
the crash placed there, as pytest lists it."""

import asyncio

import pytest


async def fail():
    raise ValueError("raised in a coroutine")


async def test_wait_for_times_out():
    await asyncio.wait_for(asyncio.get_running_loop().create_future(), 0.01)


async def test_awaits_a_failed_task():
    await asyncio.ensure_future(fail())


def test_sync_test_runs_its_own_loop():
    asyncio.run(fail())


@pytest.fixture
async def times_out():
    await asyncio.wait_for(asyncio.get_running_loop().create_future(), 0.01)
    yield


async def test_fixture_times_out(times_out):
    pass
