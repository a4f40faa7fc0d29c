import pytest

from app import clamp, fetch


def test_clamps_high_values(limit):
    assert clamp(50) == limit


def test_keeps_values_in_range():
    assert clamp(3) == 3


@pytest.mark.asyncio
async def test_fetch_doubles():
    assert await fetch(4) == 8
