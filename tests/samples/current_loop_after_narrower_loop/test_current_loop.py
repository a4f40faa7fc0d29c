import asyncio
import warnings

import pytest


def current_loop():
    """The loop sync code finds with get_event_loop(), or None when there is none."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            return asyncio.get_event_loop()
    except RuntimeError:
        return None


@pytest.fixture(scope="session")
async def session_loop():
    return asyncio.get_running_loop()


@pytest.fixture
def loop_seen_by_sync_fixture():
    return current_loop()


# The session loop was made current when it was made.
async def test_session_loop_is_current(session_loop, loop_seen_by_sync_fixture):
    assert loop_seen_by_sync_fixture is session_loop


# A function-scoped loop is current while it lives, and its end unsets the current loop.
@pytest.mark.asyncio(loop_scope="function")
async def test_on_a_function_loop(session_loop):
    assert current_loop() is asyncio.get_running_loop() is not session_loop


# Running the session loop again does not make it current: sync code finds no loop.
async def test_back_on_the_session_loop(session_loop, loop_seen_by_sync_fixture):
    assert asyncio.get_running_loop() is session_loop
    assert loop_seen_by_sync_fixture is None


def test_sync_code_finds_no_loop():
    assert current_loop() is None


def test_get_event_loop_raises():
    with pytest.raises(RuntimeError, match="no current event loop"):
        asyncio.get_event_loop()
