import pytest


def test_top():
    pass


@pytest.mark.asyncio
async def test_top_async():
    pass
