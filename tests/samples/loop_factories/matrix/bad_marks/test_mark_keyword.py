import pytest


@pytest.mark.asyncio(loop_factory=["a"])
async def test_misspelt_keyword():
    pass
