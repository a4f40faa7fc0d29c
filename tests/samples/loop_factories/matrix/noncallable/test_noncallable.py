import pytest


@pytest.mark.asyncio
async def test_not_collected():
    pass
