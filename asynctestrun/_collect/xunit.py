"""xunit-style setup/teardown functions and unittest class set-up, as autouse fixtures.

pytest turns ``setup_module``/``teardown_module``, ``setup_function``/``teardown_function``,
``setup_class``/``teardown_class``, ``setup_method``/``teardown_method`` and unittest's
``setUpClass``/``tearDownClass`` into autouse fixtures of the matching scope; doing the same here gets
their ordering relative to other fixtures (and teardown on failure) from the ordinary machinery.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator
from types import ModuleType
from typing import Any

from .._model.items import FixtureDef, FuncKind, Holder
from .._model.scopes import Scope


def _call_optional_arg(func: Callable[..., Any], arg: object) -> None:
    try:
        params = inspect.signature(func).parameters
    except (TypeError, ValueError):
        params = {}  # type: ignore[assignment]
    if params:
        func(arg)
    else:
        func()


def _first(obj: object, names: tuple[str, ...]) -> Callable[..., Any] | None:
    for name in names:
        func = getattr(obj, name, None)
        if func is not None and callable(func):
            return func  # type: ignore[no-any-return]
    return None


def _fixturedef(name: str, func: Callable[..., Any], holder: Holder, scope: Scope, where: str) -> FixtureDef:
    return FixtureDef(
        name=name,
        func=func,
        holder=holder,
        scope=scope,
        kind=FuncKind.GENERATOR,
        argnames=("request",),
        params=None,
        ids=None,
        autouse=True,
        loop_scope=None,
        asyncio_driven=False,
        location=where,
    )


def module_fixtures(module: ModuleType, holder: Holder, where: str) -> list[FixtureDef]:
    found: list[FixtureDef] = []
    setup = _first(module, ("setUpModule", "setup_module"))
    teardown = _first(module, ("tearDownModule", "teardown_module"))
    if setup is not None or teardown is not None:

        def xunit_module(request: Any) -> Iterator[None]:
            if setup is not None:
                _call_optional_arg(setup, request.module)
            yield
            if teardown is not None:
                _call_optional_arg(teardown, request.module)

        found.append(
            _fixturedef(
                f"_xunit_setup_module_fixture_{module.__name__}", xunit_module, holder, Scope.MODULE, where
            )
        )
    setup_fn = _first(module, ("setup_function",))
    teardown_fn = _first(module, ("teardown_function",))
    if setup_fn is not None or teardown_fn is not None:

        def xunit_function(request: Any) -> Iterator[None]:
            if request.instance is not None:  # methods have their own setup_method
                yield
                return
            if setup_fn is not None:
                _call_optional_arg(setup_fn, request.function)
            yield
            if teardown_fn is not None:
                _call_optional_arg(teardown_fn, request.function)

        found.append(
            _fixturedef(
                f"_xunit_setup_function_fixture_{module.__name__}",
                xunit_function,
                holder,
                Scope.FUNCTION,
                where,
            )
        )
    return found


def class_fixtures(cls: type, holder: Holder, where: str) -> list[FixtureDef]:
    found: list[FixtureDef] = []
    setup = _first(cls, ("setup_class",))
    teardown = _first(cls, ("teardown_class",))
    if setup is not None or teardown is not None:

        def xunit_class(request: Any) -> Iterator[None]:
            if setup is not None:
                _call_bound(setup, cls)
            yield
            if teardown is not None:
                _call_bound(teardown, cls)

        found.append(
            _fixturedef(
                f"_xunit_setup_class_fixture_{cls.__qualname__}", xunit_class, holder, Scope.CLASS, where
            )
        )
    setup_m = "setup_method" if hasattr(cls, "setup_method") else None
    teardown_m = "teardown_method" if hasattr(cls, "teardown_method") else None
    if setup_m or teardown_m:

        def xunit_method(request: Any) -> Iterator[None]:
            instance = request.instance
            method = getattr(instance, request.function.__name__, request.function)
            if setup_m is not None and instance is not None:
                _call_optional_arg(getattr(instance, setup_m), method)
            yield
            if teardown_m is not None and instance is not None:
                _call_optional_arg(getattr(instance, teardown_m), method)

        found.append(
            _fixturedef(
                f"_xunit_setup_method_fixture_{cls.__qualname__}", xunit_method, holder, Scope.FUNCTION, where
            )
        )
    return found


def _call_bound(func: Callable[..., Any], cls: type) -> None:
    """``setup_class`` may be a plain function taking cls, a classmethod, or take no argument."""
    if inspect.ismethod(func):
        _call_optional_arg(func, cls) if _wants_arg(func) else func()
        return
    _call_optional_arg(func, cls)


def _wants_arg(func: Callable[..., Any]) -> bool:
    try:
        return bool(inspect.signature(func).parameters)
    except (TypeError, ValueError):
        return False


def unittest_class_fixture(cls: type, holder: Holder, where: str) -> FixtureDef:
    def unittest_class(request: Any) -> Iterator[None]:
        if getattr(cls, "__unittest_skip__", False):
            yield
            return
        cls.setUpClass()  # type: ignore[attr-defined]
        try:
            yield
        finally:
            cls.tearDownClass()  # type: ignore[attr-defined]
            do_cleanups = getattr(cls, "doClassCleanups", None)
            if do_cleanups is not None:
                do_cleanups()

    return _fixturedef(
        f"_unittest_setUpClass_fixture_{cls.__qualname__}", unittest_class, holder, Scope.CLASS, where
    )
