import pytest


def test_sync():
    pass


@pytest.mark.asyncio
async def test_async():
    pass
