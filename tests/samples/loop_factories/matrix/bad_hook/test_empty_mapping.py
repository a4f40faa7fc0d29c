import pytest


@pytest.mark.asyncio
async def test_not_collected():
    pass


def test_sync_not_collected_either():
    pass
