import asyncio

import pytest


@pytest.fixture
async def running_loop():
    return asyncio.get_running_loop()


def run_each_loop_once(request):
    """kopf's check for pending tasks: runs every loop among the test's fixture values."""
    for value in request.node.funcargs.values():
        if isinstance(value, asyncio.AbstractEventLoop):
            value.run_until_complete(asyncio.sleep(0))
