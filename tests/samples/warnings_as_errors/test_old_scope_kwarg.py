"""pytest-asyncio deprecates mark.asyncio(scope=...): its warning fails this module's collection."""

import pytest


@pytest.mark.asyncio(scope="module")
async def test_never_runs():
    pass
