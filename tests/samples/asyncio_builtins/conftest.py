"""Marks the tests pytest-asyncio runs, through pytest_asyncio.is_async_test (its documented recipe)."""

import pytest
import pytest_asyncio


def pytest_collection_modifyitems(items):
    for item in items:
        if pytest_asyncio.is_async_test(item):
            item.add_marker(pytest.mark.is_async)
