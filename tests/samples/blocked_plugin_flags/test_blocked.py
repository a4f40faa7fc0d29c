import pytest


@pytest.mark.asyncio
async def test_runs_without_the_cache_plugin():
    pass
