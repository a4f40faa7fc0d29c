"""``warns()``, ``deprecated_call()`` and the ``WarningsRecorder`` behind them and the ``recwarn`` fixture.

A recorder catches every warning in its block (``simplefilter("always")``, so the once-per-location
registry cannot hide a repeat). ``warns()`` then checks that at least one warning matches and, as
pytest 8+ does, re-emits the ones that did not match, so an unrelated warning is not silently lost.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable, Iterator
from pprint import pformat
from types import TracebackType
from typing import TYPE_CHECKING, Any, TypeVar, overload

from .outcomes import Exit, Failed

T = TypeVar("T")
WarningTypes = type[Warning] | tuple[type[Warning], ...]

if TYPE_CHECKING:
    # typeshed makes catch_warnings generic over what __enter__ returns; it is not subscriptable at runtime.
    _CatchWarnings = warnings.catch_warnings[list[warnings.WarningMessage]]
else:
    _CatchWarnings = warnings.catch_warnings


class WarningsRecorder(_CatchWarnings):
    """Records warnings raised in its block; ``.list`` holds ``warnings.WarningMessage`` objects."""

    def __init__(self) -> None:
        super().__init__(record=True)
        self._entered = False
        self._list: list[warnings.WarningMessage] = []

    @property
    def list(self) -> list[warnings.WarningMessage]:
        return self._list

    def __getitem__(self, index: int) -> warnings.WarningMessage:
        return self._list[index]

    def __iter__(self) -> Iterator[warnings.WarningMessage]:
        return iter(self._list)

    def __len__(self) -> int:
        return len(self._list)

    def pop(self, cls: type[Warning] = Warning) -> warnings.WarningMessage:
        """Remove and return a recorded warning of category ``cls``.

        An exact category match wins; otherwise the most specific subclass of ``cls`` is taken
        (a later warning replaces the candidate unless it is a subclass of the candidate's category).
        """
        best: int | None = None
        for index, message in enumerate(self._list):
            if message.category is cls:
                return self._list.pop(index)
            if issubclass(message.category, cls) and (
                best is None or not issubclass(message.category, self._list[best].category)
            ):
                best = index
        if best is not None:
            return self._list.pop(best)
        raise AssertionError(f"{cls!r} not found in warning list")

    def clear(self) -> None:
        self._list[:] = []

    def __enter__(self) -> WarningsRecorder:  # type: ignore[override]  # returns self, not the list
        if self._entered:
            raise RuntimeError(f"Cannot enter {self!r} twice")
        recorded = super().__enter__()
        if recorded is None:  # pragma: no cover - record=True always yields a list
            raise RuntimeError("warnings.catch_warnings did not return a record list")
        # Keep the very list catch_warnings appends to, so .list is live inside the block.
        self._list = recorded
        self._entered = True
        warnings.simplefilter("always")
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc_val: BaseException | None,
        exc_tb: TracebackType | None,
    ) -> None:
        if not self._entered:
            raise RuntimeError(f"Cannot exit {self!r} without entering first")
        super().__exit__(exc_type, exc_val, exc_tb)
        # Allow re-entry for the recwarn fixture, which may wrap several phases.
        self._entered = False


class WarningsChecker(WarningsRecorder):
    """The context manager ``warns()`` returns: a recorder that asserts on exit."""

    def __init__(
        self, expected_warning: WarningTypes = Warning, match: str | re.Pattern[str] | None = None
    ) -> None:
        super().__init__()
        expected = expected_warning if isinstance(expected_warning, tuple) else (expected_warning,)
        for item in expected:
            if not (isinstance(item, type) and issubclass(item, Warning)):
                raise TypeError(f"exceptions must be derived from Warning, not {type(item)}")
        self.expected_warning = expected
        self.match_expr = match

    def matches(self, message: warnings.WarningMessage) -> bool:
        if not issubclass(message.category, self.expected_warning):
            return False
        return self.match_expr is None or re.search(self.match_expr, str(message.message)) is not None

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc_val: BaseException | None,
        exc_tb: TracebackType | None,
    ) -> None:
        super().__exit__(exc_type, exc_val, exc_tb)
        __tracebackhide__ = True
        # Control flow (skip(), fail(), Ctrl-C, exit()) must pass through without a "DID NOT WARN".
        if exc_val is not None and (not isinstance(exc_val, Exception) or isinstance(exc_val, Exit)):
            return
        try:
            self._check()
        finally:
            for message in self:
                if not self.matches(message):
                    warnings.warn_explicit(
                        message=message.message,
                        category=message.category,
                        filename=message.filename,
                        lineno=message.lineno,
                        module=message.__module__,
                        source=message.source,
                    )

    def _check(self) -> None:
        __tracebackhide__ = True
        emitted = pformat([message.message for message in self], indent=2)
        if not any(issubclass(message.category, self.expected_warning) for message in self):
            raise Failed(
                f"DID NOT WARN. No warnings of type {self.expected_warning} were emitted.\n"
                f" Emitted warnings: {emitted}."
            )
        if not any(self.matches(message) for message in self):
            raise Failed(
                f"Regex pattern did not match any of the {len(self)} warnings emitted.\n"
                f" Regex: {self.match_expr!r}\n"
                f" Emitted warnings: {emitted}."
            )


@overload
def warns(
    expected_warning: WarningTypes = ..., *, match: str | re.Pattern[str] | None = ...
) -> WarningsChecker: ...


@overload
def warns(expected_warning: WarningTypes, func: Callable[..., T], *args: Any, **kwargs: Any) -> T: ...


def warns(
    expected_warning: WarningTypes = Warning,
    *args: Any,
    match: str | re.Pattern[str] | None = None,
    **kwargs: Any,
) -> WarningsChecker | Any:
    """Assert that a block (or ``func(*args, **kwargs)``) emits a warning of ``expected_warning``.

    ``match`` is searched (``re.search``) in each warning's text; the call form returns ``func``'s result.
    """
    __tracebackhide__ = True
    if not args:
        if kwargs:
            names = ", ".join(sorted(kwargs))
            raise TypeError(
                f"Unexpected keyword arguments passed to warns: {names}\nUse context-manager form instead?"
            )
        return WarningsChecker(expected_warning, match)
    func, *call_args = args
    if not callable(func):
        raise TypeError(f"{func!r} object (type: {type(func)}) must be callable")
    with WarningsChecker(expected_warning, match):
        return func(*call_args, **kwargs)


_DEPRECATION_CATEGORIES: tuple[type[Warning], ...] = (
    DeprecationWarning,
    PendingDeprecationWarning,
    FutureWarning,
)


@overload
def deprecated_call(*, match: str | re.Pattern[str] | None = ...) -> WarningsChecker: ...


@overload
def deprecated_call(func: Callable[..., T], *args: Any, **kwargs: Any) -> T: ...


def deprecated_call(
    func: Callable[..., Any] | None = None, *args: Any, **kwargs: Any
) -> WarningsChecker | Any:
    """``warns()`` for DeprecationWarning, PendingDeprecationWarning and FutureWarning."""
    __tracebackhide__ = True
    if func is not None:
        return warns(_DEPRECATION_CATEGORIES, func, *args, **kwargs)
    return warns(_DEPRECATION_CATEGORIES, *args, **kwargs)
