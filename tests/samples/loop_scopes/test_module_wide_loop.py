import asyncio

import pytest

pytestmark = pytest.mark.asyncio(loop_scope="module")

SEEN = []


async def test_module_pytestmark_first():
    SEEN.append(asyncio.get_running_loop())


async def test_module_pytestmark_second_shares_loop(loops_seen):
    assert asyncio.get_running_loop() is SEEN[0]
    assert asyncio.get_running_loop() is not loops_seen["session"]


@pytest.mark.asyncio(loop_scope="session")
async def test_session_loop_shared_across_modules(loops_seen):
    assert asyncio.get_running_loop() is loops_seen["session"]
