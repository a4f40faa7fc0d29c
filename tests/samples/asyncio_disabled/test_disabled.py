"""Run with ``-p no:asyncio``: pytest-asyncio is off, so nothing runs the async tests and they fail."""

import asyncio

import pytest


@pytest.mark.asyncio
async def test_marked():
    await asyncio.sleep(0)


async def test_unmarked_in_auto_mode():
    await asyncio.sleep(0)


def test_sync():
    pass
