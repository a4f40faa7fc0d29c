import asyncio

import pytest


@pytest.mark.asyncio
async def test_level_given_without_a_value(request):
    await asyncio.sleep(0)
    assert request.config.getoption("level") == "high"
