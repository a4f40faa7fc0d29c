import pytest

import app


@pytest.mark.asyncio
async def test_used():
    assert app.used() == 1
