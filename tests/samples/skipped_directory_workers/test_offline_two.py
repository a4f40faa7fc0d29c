import pytest


@pytest.mark.asyncio
async def test_offline_two():
    pass


@pytest.mark.skip(reason="a test skipped on its own")
def test_skipped_alone():
    pass
