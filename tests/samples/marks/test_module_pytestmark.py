import asyncio

import pytest

SEEN = []


@pytest.fixture
def module_marker():
    SEEN.append("module_marker")


pytestmark = [pytest.mark.asyncio, pytest.mark.usefixtures("module_marker")]


async def test_module_asyncio_mark_applies_to_async_tests():
    await asyncio.sleep(0)
    assert SEEN == ["module_marker"]


async def test_module_usefixtures_applies_to_every_test():
    assert SEEN == ["module_marker", "module_marker"]


def test_sync_test_under_module_asyncio_mark():
    assert len(SEEN) == 3
