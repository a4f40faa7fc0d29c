"""What a test or fixture function asks for: its argument names, as pytest computes them."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

from .._model.items import FuncKind


def func_kind(func: Callable[..., Any]) -> FuncKind:
    if inspect.isasyncgenfunction(func):
        return FuncKind.ASYNC_GENERATOR
    if inspect.iscoroutinefunction(func):
        return FuncKind.COROUTINE
    if inspect.isgeneratorfunction(func):
        return FuncKind.GENERATOR
    return FuncKind.FUNCTION


def _mock_patch_count(func: Callable[..., Any]) -> int:
    """How many leading arguments ``mock.patch`` decorators inject (they are not fixtures)."""
    patchings = getattr(func, "patchings", None)
    if not patchings:
        return 0
    sentinels: list[object] = []
    for modname in ("mock", "unittest.mock"):
        import sys

        module = sys.modules.get(modname)
        if module is not None:
            sentinels.append(module.DEFAULT)
    return len([p for p in patchings if not p.attribute_name and any(p.new is s for s in sentinels)])


def argnames(
    func: Callable[..., Any], *, name: str | None = None, cls: type | None = None, is_method: bool = False
) -> tuple[str, ...]:
    try:
        parameters = inspect.signature(func).parameters
    except (ValueError, TypeError):
        return ()
    names = tuple(
        p.name
        for p in parameters.values()
        if p.kind in (inspect.Parameter.POSITIONAL_OR_KEYWORD, inspect.Parameter.KEYWORD_ONLY)
        and p.default is inspect.Parameter.empty
    )
    attr = name or str(getattr(func, "__name__", ""))
    if is_method or (
        cls is not None and not isinstance(inspect.getattr_static(cls, attr, None), staticmethod)
    ):
        names = names[1:]
    if hasattr(func, "__wrapped__"):
        names = names[_mock_patch_count(func) :]
    return names
