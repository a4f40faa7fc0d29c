"""``fixture()`` and ``pytest_asyncio.fixture()``: wrap a function and record how it is to be used.

The wrapper refuses direct calls (as pytest 8.4+ does) and binds like a method when a fixture is
defined in a test class. Nothing is registered anywhere: collection finds wrappers by scanning modules.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, overload

from .outcomes import Failed

IdsArg = Sequence[object | None] | Callable[[Any], object | None] | None


@dataclass(frozen=True, slots=True)
class FixtureSpec:
    """What the decorator was told. Scopes stay strings here; collection validates them and reports
    a bad value against the fixture's location instead of failing at import time."""

    name: str | None
    scope: str | Callable[..., str]
    params: tuple[Any, ...] | None
    ids: IdsArg
    autouse: bool
    loop_scope: str | None
    asyncio_declared: bool  # declared with pytest_asyncio.fixture: driven even in strict mode


class FixtureFunction:
    """What ``@fixture`` returns: the original function plus its FixtureSpec."""

    def __init__(self, func: Callable[..., Any], spec: FixtureSpec, instance: object = None) -> None:
        # ``@fixture`` over ``@staticmethod``: keep the plain function and never bind it to an
        # instance, so its first parameter stays a fixture name (pytest calls it unbound too).
        self.static = isinstance(func, staticmethod)
        if isinstance(func, staticmethod):
            func = func.__func__
        self._asynctestrun_fixture = spec
        self.__wrapped__ = func
        self._instance = instance
        functools.update_wrapper(self, func)

    @property
    def spec(self) -> FixtureSpec:
        return self._asynctestrun_fixture

    @property
    def func(self) -> Callable[..., Any]:
        if self._instance is not None and not self.static:
            return self.__wrapped__.__get__(self._instance)  # type: ignore[no-any-return]
        return self.__wrapped__

    def __get__(self, instance: object, owner: type | None = None) -> FixtureFunction:
        if instance is None or self.static:
            return self
        return FixtureFunction(self.__wrapped__, self.spec, instance)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        name = self.spec.name or self.__wrapped__.__name__
        raise Failed(
            f'Fixture "{name}" called directly. Fixtures are not meant to be called directly,\n'
            "but are created automatically when test functions request them as parameters."
        )

    def __repr__(self) -> str:
        return f"<fixture {self.spec.name or self.__wrapped__.__name__}>"


def _normalize_params(params: Iterable[Any] | None) -> tuple[Any, ...] | None:
    return None if params is None else tuple(params)


@overload
def fixture(fixture_function: Callable[..., Any]) -> FixtureFunction: ...


@overload
def fixture(
    fixture_function: None = None,
    *,
    scope: str | Callable[..., str] = "function",
    params: Iterable[Any] | None = None,
    autouse: bool = False,
    ids: IdsArg = None,
    name: str | None = None,
    loop_scope: str | None = None,
    _asyncio: bool = False,
) -> Callable[[Callable[..., Any]], FixtureFunction]: ...


def fixture(
    fixture_function: Callable[..., Any] | None = None,
    *,
    scope: str | Callable[..., str] = "function",
    params: Iterable[Any] | None = None,
    autouse: bool = False,
    ids: IdsArg = None,
    name: str | None = None,
    loop_scope: str | None = None,
    _asyncio: bool = False,
) -> FixtureFunction | Callable[[Callable[..., Any]], FixtureFunction]:
    """Declare a fixture. Usable bare (``@fixture``) or with arguments (``@fixture(scope="module")``)."""
    spec = FixtureSpec(
        name=name,
        scope=scope,
        params=_normalize_params(params),
        ids=ids if ids is None or callable(ids) else tuple(ids),
        autouse=autouse,
        loop_scope=loop_scope,
        asyncio_declared=_asyncio,
    )

    def decorate(func: Callable[..., Any]) -> FixtureFunction:
        if isinstance(func, FixtureFunction):
            raise ValueError(f"fixture is being applied more than once to the same function {func!r}")
        if hasattr(func, "pytestmark"):
            # pytest 9 makes a mark on a fixture an error; it never had an effect.
            raise Failed(f"Marks cannot be applied to fixtures: {func.__name__!r}")
        return FixtureFunction(func, spec)

    if fixture_function is not None:
        return decorate(fixture_function)
    return decorate


def asyncio_fixture(
    fixture_function: Callable[..., Any] | None = None,
    *,
    scope: str | Callable[..., str] = "function",
    loop_scope: str | None = None,
    params: Iterable[Any] | None = None,
    autouse: bool = False,
    ids: IdsArg = None,
    name: str | None = None,
) -> Any:
    """``pytest_asyncio.fixture``: like ``fixture`` but driven by the runner in strict mode too."""
    decorate = fixture(
        scope=scope,
        params=params,
        autouse=autouse,
        ids=ids,
        name=name,
        loop_scope=loop_scope,
        _asyncio=True,
    )
    return decorate(fixture_function) if fixture_function is not None else decorate


def is_static_fixture(obj: object) -> bool:
    """A fixture that a class holds as a staticmethod (either decorator order): called unbound."""
    if isinstance(obj, staticmethod):
        return isinstance(obj.__func__, FixtureFunction)
    return isinstance(obj, FixtureFunction) and obj.static


def fixture_spec(obj: object) -> FixtureSpec | None:
    try:
        if isinstance(obj, staticmethod):
            # ``@staticmethod`` over ``@fixture``: the fixture is the wrapped function.
            obj = obj.__func__
        spec = getattr(obj, "_asynctestrun_fixture", None)
    except Exception:
        # As pytest's safe_getattr: a module attribute that raises when looked at (``flask.g`` outside
        # an app context forwards even ``__class__``, which isinstance reads) is no fixture, not a
        # collection error.
        return None
    return spec if isinstance(spec, FixtureSpec) else None
