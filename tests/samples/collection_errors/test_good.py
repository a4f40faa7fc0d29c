import pytest


def test_good_sync_runs():
    pass


@pytest.mark.asyncio
async def test_good_async_runs():
    pass


def test_good_failure_counts():
    assert "good" == "bad"
