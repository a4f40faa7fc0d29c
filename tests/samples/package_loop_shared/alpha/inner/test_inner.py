import asyncio

import pytest
from loops_seen import LOOPS

pytestmark = pytest.mark.asyncio(loop_scope="package")


async def test_inner_package_uses_the_outer_packages_fixture(alpha_resource):
    LOOPS["inner"] = asyncio.get_running_loop()
    assert alpha_resource is asyncio.get_running_loop()
