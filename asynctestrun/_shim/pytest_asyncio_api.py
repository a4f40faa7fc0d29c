"""The module object test code gets for ``import pytest_asyncio`` inside a run."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from .._declare.fixtures import FixtureFunction as _FixtureFunction
from .._declare.fixtures import IdsArg as _IdsArg
from .._declare.fixtures import asyncio_fixture as _asyncio_fixture

__version__ = "1.5.0"


def fixture(
    fixture_function: Callable[..., Any] | None = None,
    loop_scope: str | None = None,
    *,
    scope: str | Callable[..., str] = "function",
    params: Iterable[Any] | None = None,
    autouse: bool = False,
    ids: _IdsArg = None,
    name: str | None = None,
) -> _FixtureFunction | Callable[[Callable[..., Any]], _FixtureFunction]:
    """pytest-asyncio's signature: ``loop_scope`` may be given by position, the rest are
    ``pytest.fixture``'s keywords (anything else is a TypeError naming ``fixture()``)."""
    return _asyncio_fixture(  # type: ignore[no-any-return]
        fixture_function,
        scope=scope,
        loop_scope=loop_scope,
        params=params,
        autouse=autouse,
        ids=ids,
        name=name,
    )


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
