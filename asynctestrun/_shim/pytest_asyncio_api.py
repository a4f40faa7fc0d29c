"""The module object test code gets for ``import pytest_asyncio`` inside a run."""

from __future__ import annotations

from typing import Any

from .._declare.fixtures import asyncio_fixture as fixture

__version__ = "1.5.0"


def is_async_test(item: Any) -> bool:
    """True for a test the runner drives on an event loop (pytest-asyncio's ``is_async_test``)."""
    import inspect

    function = getattr(item, "function", None)
    if function is None or not inspect.iscoroutinefunction(function):
        return False
    config = getattr(item, "config", None)
    if config is None:
        return item.get_closest_marker("asyncio") is not None
    # Without pytest-asyncio's plugin (its options are gone then) no test is one of its items. The mode
    # in effect is the run's (the option holds only what the command line said).
    if not hasattr(config.option, "asyncio_mode"):
        return False
    mode = getattr(getattr(config, "config", None), "asyncio_mode", None) or config.getoption("asyncio_mode")
    return mode == "auto" or item.get_closest_marker("asyncio") is not None


__all__ = ["fixture", "is_async_test"]
