import asyncio

import pytest_asyncio
from loops_seen import EVENTS


@pytest_asyncio.fixture(scope="package", loop_scope="package")
async def alpha_resource():
    # Cached for the package alpha (its scope), run on the run's one package loop (its loop scope).
    loop = asyncio.get_running_loop()
    EVENTS.append("setup alpha_resource")
    yield loop
    EVENTS.append("teardown alpha_resource")
    assert asyncio.get_running_loop() is loop
