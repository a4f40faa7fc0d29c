import pytest


@pytest.mark.asyncio
async def test_no_hook_here_no_suffix():
    pass
