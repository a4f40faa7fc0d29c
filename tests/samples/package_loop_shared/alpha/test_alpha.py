import asyncio

import pytest
from loops_seen import EVENTS, LOOPS

pytestmark = pytest.mark.asyncio(loop_scope="package")


async def test_alpha_runs_on_the_inner_packages_loop(alpha_resource):
    LOOPS["alpha"] = asyncio.get_running_loop()
    assert alpha_resource is LOOPS["inner"]


async def test_alpha_fixture_set_up_once():
    assert EVENTS == ["setup alpha_resource"]


@pytest.mark.asyncio(loop_scope="session")
async def test_session_loop_is_another_loop(alpha_resource):
    LOOPS["session"] = asyncio.get_running_loop()
    assert alpha_resource is not asyncio.get_running_loop()


@pytest.mark.asyncio
async def test_function_loop_is_another_loop(alpha_resource):
    assert alpha_resource is not asyncio.get_running_loop()
