import asyncio

import pytest


@pytest.mark.asyncio
async def test_runs_when_the_required_plugins_are_loaded():
    await asyncio.sleep(0)
