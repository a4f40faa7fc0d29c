import asyncio

import pytest
from loops_seen import LOOPS


@pytest.mark.asyncio(loop_scope="package")
async def test_a_module_outside_any_package_shares_it_too():
    assert asyncio.get_running_loop() is LOOPS["alpha"]
    assert not asyncio.get_running_loop().is_closed()


@pytest.mark.asyncio(loop_scope="session")
async def test_the_session_loop_is_not_the_package_loop():
    assert asyncio.get_running_loop() is LOOPS["session"]
    assert asyncio.get_running_loop() is not LOOPS["alpha"]
