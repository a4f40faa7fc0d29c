import pytest


@pytest.mark.asyncio
async def test_async_in_a_module_the_hook_made():
    pass


def test_sync_in_a_module_the_hook_made():
    pass
