import pytest


def test_passes():
    pass


@pytest.mark.asyncio
async def test_async_passes():
    pass
