"""What a test or fixture function asks for: its argument names, as pytest computes them."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from types import FunctionType
from typing import Any

from .._model.items import FuncKind


def function_of(func: Callable[..., Any]) -> Callable[..., Any]:
    """The function a ``@classmethod`` (or ``@staticmethod``) holds: ``@pytest.fixture`` over
    ``@classmethod`` is pytest 9's advice for class-scoped fixtures, and pytest reads the function
    once bound to the test's instance. The descriptor itself is no function to ``inspect``."""
    if isinstance(func, classmethod | staticmethod):
        return func.__func__
    return func


def func_kind(func: Callable[..., Any]) -> FuncKind:
    func = function_of(func)
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
    func = function_of(func)
    names = _plain_function_argnames(func)
    if names is None:
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
    if is_method or (cls is not None and not is_staticmethod(cls, attr)):
        names = names[1:]
    if hasattr(func, "__wrapped__"):
        names = names[_mock_patch_count(func) :]
    return names


def _plain_function_argnames(func: Callable[..., Any]) -> tuple[str, ...] | None:
    """What ``inspect.signature`` would give, read straight off the code object, for a plain function
    (no ``__wrapped__``/``__signature__`` to follow); None for anything else. Building a Signature
    object per test and fixture was a tenth of collection time."""
    if type(func) is not FunctionType:
        return None
    attrs = func.__dict__
    if "__wrapped__" in attrs or "__signature__" in attrs:
        return None
    code = func.__code__
    positional = code.co_argcount
    # Defaults belong to the last positional parameters; positional-only ones are never fixtures.
    required = positional - len(func.__defaults__ or ())
    names = list(code.co_varnames[code.co_posonlyargcount : max(required, code.co_posonlyargcount)])
    kwdefaults = func.__kwdefaults__ or {}
    names.extend(
        n for n in code.co_varnames[positional : positional + code.co_kwonlyargcount] if n not in kwdefaults
    )
    return tuple(names)


def is_staticmethod(cls: type, attr: str) -> bool:
    """``inspect.getattr_static(cls, attr)`` is a staticmethod: looked up in the class dicts along the
    MRO, which is all getattr_static does for a class attribute (and a fraction of its cost)."""
    for klass in cls.__mro__:
        if attr in klass.__dict__:
            return isinstance(klass.__dict__[attr], staticmethod)
    return isinstance(inspect.getattr_static(cls, attr, None), staticmethod)


def default_argnames(func: Callable[..., Any]) -> tuple[str, ...]:
    """The arguments with a default value, which are never fixtures: pytest names them when
    ``parametrize`` is given one ("function already takes an argument ... with a default value")."""
    try:
        parameters = inspect.signature(func).parameters
    except (ValueError, TypeError):
        return ()
    return tuple(
        p.name
        for p in parameters.values()
        if p.kind in (inspect.Parameter.POSITIONAL_OR_KEYWORD, inspect.Parameter.KEYWORD_ONLY)
        and p.default is not inspect.Parameter.empty
    )
