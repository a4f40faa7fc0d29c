"""``loop_scope=`` is pytest_asyncio.fixture's argument: pytest.fixture has none, so importing this
module raises TypeError and the whole file is one collection error."""

import pytest


@pytest.fixture(scope="module", loop_scope="module")
async def shared():
    yield 1


async def test_never_collected(shared):
    assert shared == 1
