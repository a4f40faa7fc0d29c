import pytest


@pytest.mark.anyio
async def test_before_the_exit():
    pass
