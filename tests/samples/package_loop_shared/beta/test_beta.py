import asyncio

import pytest
from loops_seen import EVENTS, LOOPS

pytestmark = pytest.mark.asyncio(loop_scope="package")


async def test_alpha_fixture_torn_down_with_its_package():
    assert EVENTS == ["setup alpha_resource", "teardown alpha_resource"]


async def test_another_package_shares_the_loop():
    assert asyncio.get_running_loop() is LOOPS["alpha"]
