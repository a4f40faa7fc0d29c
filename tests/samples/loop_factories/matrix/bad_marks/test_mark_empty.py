import pytest


@pytest.mark.asyncio(loop_factories=[])
async def test_empty_list():
    pass
