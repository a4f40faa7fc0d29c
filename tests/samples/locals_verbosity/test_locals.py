import asyncio

import pytest


def check(items, mapping, text):
    wide = {f"key{index:02d}": "x" * 10 for index in range(12)}
    assert len(items) == len(mapping) + len(wide) + len(text)


def test_values_in_frames():
    items = list(range(20))
    scope = {"zeta": 1, "alpha": [1, 2, 3]}
    check(items, scope, "y" * 300)


@pytest.mark.asyncio
async def test_async_locals():
    await asyncio.sleep(0)
    order = {"second": 2, "first": 1}
    long_text = "z" * 250
    assert order == long_text
