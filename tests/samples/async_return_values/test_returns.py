import pytest


async def helper():
    return 1


@pytest.mark.asyncio
async def test_async_returns_a_value():
    # pytest-asyncio's wrapper drops what the coroutine returns: no return-not-None warning.
    return 5


@pytest.mark.asyncio
async def test_async_returns_a_coroutine():
    # Dropped unawaited: Python's "coroutine 'helper' was never awaited" warning lands on this test.
    return helper()


def test_sync_returns_a_value():
    return 5


def test_sync_returns_a_coroutine():
    # Never a silent pass: the coroutine was never run.
    return helper()
