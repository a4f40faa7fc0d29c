import pytest


@pytest.mark.asyncio
async def test_async_with_overridden_policy():
    pass


def test_sync_in_the_same_directory():
    pass
