import asyncio

import pytest


@pytest.mark.asyncio
async def test_loop_with_mock_selector():
    assert isinstance(asyncio.get_running_loop(), asyncio.BaseEventLoop)
    await asyncio.sleep(0)
