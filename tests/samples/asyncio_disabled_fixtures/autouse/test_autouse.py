"""An autouse async fixture: every test of the module fails at set-up, pytest naming it autouse."""

import pytest_asyncio


@pytest_asyncio.fixture(autouse=True)
async def started():
    yield


def test_sync_test_with_autouse_async_fixture():
    pass
