"""A session-scoped async fixture lives on a session loop made by the test's factory."""

import pytest
from eventlog import record
from loops import running


@pytest.mark.asyncio
async def test_function_loop_with_session_fixture(request, session_async):
    record(f"run {request.node.name} on {running()} with session_async from {session_async}")


@pytest.mark.asyncio(loop_scope="session")
async def test_session_loop(request, session_async):
    record(f"run {request.node.name} on {running()} with session_async from {session_async}")


def test_sync_with_session_fixture(request, session_async):
    record(f"run {request.node.name} with session_async from {session_async}")
