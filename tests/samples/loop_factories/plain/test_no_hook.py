import pytest


@pytest.mark.asyncio(loop_factories=["a"])
async def test_mark_without_any_hook():
    pass
