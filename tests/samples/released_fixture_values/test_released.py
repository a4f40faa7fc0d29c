"""A sync fixture hands out a coroutine the test never awaits: released at teardown, it warns."""

import pytest


@pytest.fixture
def unawaited():
    async def inner():
        return True

    return inner()


def test_sync(unawaited):
    assert unawaited is not None


@pytest.mark.asyncio
async def test_async(unawaited):
    assert unawaited is not None


async def test_not_run(unawaited):
    # Strict mode: no plugin runs it, so it fails; its value is still released at its teardown.
    assert unawaited is not None
