"""Exceptions that end a test early with a given outcome: skip(), fail(), xfail(), importorskip().

They derive from BaseException (as pytest's do) so a test's ``except Exception`` does not swallow them.
``unittest.SkipTest`` is a skip too wherever it is raised (``skip_of``), as pytest treats it.
"""

from __future__ import annotations

import importlib
import sys
import warnings
from collections.abc import Callable
from types import ModuleType
from typing import Any, NoReturn, TypeVar

_F = TypeVar("_F", bound=Callable[..., Any])


class OutcomeException(BaseException):
    def __init__(self, msg: str | None = None, pytrace: bool = True) -> None:
        super().__init__(msg)
        self.msg = msg
        self.pytrace = pytrace

    def __repr__(self) -> str:
        return self.msg or f"<{type(self).__name__} instance>"

    __str__ = __repr__


class Skipped(OutcomeException):
    # pytest's Skipped and Failed present themselves as builtins, so Python's own formatting
    # (``traceback.format_exception_only``, ``excinfo.exconly()``) names them "Skipped: reason".
    __module__ = "builtins"

    def __init__(
        self, msg: str | None = None, pytrace: bool = True, allow_module_level: bool = False
    ) -> None:
        super().__init__(msg or "", pytrace)
        self.allow_module_level = allow_module_level
        # Set when a fixture raised it: the skip is then reported at the test, not where it was raised.
        self.at_item = False


def skip_of(exc: BaseException) -> Skipped | None:
    """``exc`` as a skip, or None: a Skipped is itself; ``unittest.SkipTest`` (or a subclass of it,
    such as nose's or a library's own) becomes a Skipped with its message, as pytest turns it into a
    skip in a test and in a fixture's set-up or teardown alike. The Skipped keeps SkipTest's traceback,
    so the skip summary names the line that raised it."""
    if isinstance(exc, Skipped):
        return exc
    # Looked up, not imported (6 ms of start-up): nothing raises SkipTest unless unittest is loaded.
    case = sys.modules.get("unittest.case")
    if case is None or not isinstance(exc, case.SkipTest):
        return None
    return Skipped(str(exc)).with_traceback(exc.__traceback__)


class Failed(OutcomeException):
    """Raised by fail() or the runner to fail a test without a Python-level traceback focus."""

    __module__ = "builtins"  # as Skipped's


class XFailed(Failed):
    """Raised by xfail() inside a test."""


class Exit(Exception):
    def __init__(self, msg: str = "unknown reason", returncode: int | None = None) -> None:
        super().__init__(msg)
        self.msg = msg
        self.returncode = returncode


def reported_name(kind: type[BaseException]) -> str:
    """The name pytest's reports give one of these exceptions (a collection error's): pytest's
    ``Skipped`` and ``Failed`` present themselves as builtins, its ``Exit`` and ``XFailed`` by module."""
    if issubclass(kind, (Exit, XFailed)):
        return f"_pytest.outcomes.{kind.__name__}"
    return kind.__name__


def _with_exception(exc_type: type[BaseException]) -> Callable[[_F], _F]:
    """Attaches the exception a helper raises as its ``Exception`` attribute, where suites look for it
    (``pytest.raises(pytest.fail.Exception)``, ``except pytest.skip.Exception``)."""

    def attach(helper: _F) -> _F:
        helper.Exception = exc_type  # type: ignore[attr-defined]
        return helper

    return attach


@_with_exception(Skipped)
def skip(reason: str = "", allow_module_level: bool = False) -> NoReturn:
    # pytest 9's signature: allow_module_level may be positional, and the old msg= is gone (a
    # TypeError, so the test fails instead of skipping). Hidden, as pytest's: a crash location read
    # from the traceback (``excinfo._getreprcrash()``) names the caller.
    __tracebackhide__ = True
    raise Skipped(reason, allow_module_level=allow_module_level)


@_with_exception(Failed)
def fail(reason: str = "", pytrace: bool = True) -> NoReturn:
    # pytest 9 has no msg= any more: passing it is a TypeError.
    __tracebackhide__ = True
    raise Failed(reason, pytrace=pytrace)


@_with_exception(XFailed)
def xfail(reason: str = "") -> NoReturn:
    __tracebackhide__ = True
    raise XFailed(reason)


@_with_exception(XFailed)
def xfail_ignored(reason: str = "") -> None:
    """``pytest.xfail`` under ``--runxfail``: as in pytest it does nothing, and the test runs on."""


@_with_exception(Exit)
def exit(reason: str = "", returncode: int | None = None) -> NoReturn:
    __tracebackhide__ = True
    raise Exit(reason, returncode)


def importorskip(
    modname: str,
    minversion: str | None = None,
    reason: str | None = None,
    *,
    exc_type: type[ImportError] | None = None,
) -> ModuleType:
    # A name that is not a dotted name is a SyntaxError, as in pytest, not a skip.
    compile(modname, "", "eval")
    # Since pytest 9.1 only a missing module skips by default: a module that is there but raises
    # ImportError while importing (a missing dependency of its own) is the test's error.
    skip_on = ModuleNotFoundError if exc_type is None else exc_type
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            module = importlib.import_module(modname)
        except skip_on as exc:
            raise Skipped(reason or f"could not import {modname!r}: {exc}", allow_module_level=True) from None
    if minversion is not None:
        version = getattr(module, "__version__", None)
        if version is None or _version_tuple(str(version)) < _version_tuple(minversion):
            raise Skipped(
                f"module {modname!r} has __version__ {version!r}, required is: {minversion!r}",
                allow_module_level=True,
            )
    return module


def _version_tuple(text: str) -> tuple[int, ...]:
    parts: list[int] = []
    for piece in text.split("."):
        digits = "".join(ch for ch in piece if ch.isdigit())
        if not digits:
            break
        parts.append(int(digits))
    return tuple(parts)
