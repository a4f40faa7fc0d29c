"""Names of pytest's private modules that plugins import while they load, beyond what ``pytest`` exports.

A plugin whose ``from _pytest.x import name`` fails is not loaded at all (a PluginWarning, and its
fixtures, marks and assertion help are gone), though it uses the name for a detail: pytest-unordered
explains a failed comparison with ``saferepr`` and ``_compare_eq_any`` (pytest-mock's suite checks
its message against ``_compare_eq_iterable``), pytest-split writes a line
with ``create_terminal_writer``, pytest-sugar and pytest-pretty format the run's length, pytest-forked
and pytest-github-actions-annotate-failures read a report's location and representation. Each is
asynctestrun's own equivalent, imported when first called (the shim is installed in every run).
The report representation classes are names only: no report here is one of them, so a plugin's
``isinstance`` check takes its fallback path.
"""

from __future__ import annotations

import enum
import inspect
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO

from .._execute.nodes import CallSpecView
from .pytest_api import _NotProvided

DEFAULT_MAXSIZE = 240


def saferepr(obj: object, maxsize: int | None = DEFAULT_MAXSIZE, use_ascii: bool = False) -> str:
    from .._rewrite.saferepr import safe_repr

    return safe_repr(obj, maxsize, use_ascii=use_ascii)


def saferepr_unlimited(obj: object, use_ascii: bool = True) -> str:
    return saferepr(obj, None, use_ascii)


def _compare_eq_any(
    left: object,
    right: object,
    highlighter: Any,
    verbose: int,
    assertion_text_diff_style: str,
    truncation_budget: Any = None,
) -> Iterator[str]:
    """The detail lines of an ``==`` failure's explanation (without its first line), as pytest 9.2's
    yields them; the highlighter, diff style and budget are pytest's presentation only."""
    from .._rewrite.explain import explain_comparison

    explanation = explain_comparison("==", left, right, verbose) or []
    yield from explanation[1:]


def _compare_eq_iterable(
    left: Iterable[object],
    right: Iterable[object],
    highlighter: Any,
    verbose: int = 0,
    truncation_budget: Any = None,
) -> Iterator[str]:
    """The closing lines of two iterables' ``==`` explanation, as pytest 9.2 yields them (a suite
    checks a failure's message against them); the highlighter and budget are presentation only."""
    from .._rewrite.explain import explain_iterable

    yield from explain_iterable(left, right, verbose)


def format_session_duration(seconds: float) -> str:
    from .._report.terminal import format_session_duration as formatted

    return formatted(seconds)


def create_terminal_writer(config: Any, file: TextIO | None = None) -> Any:
    from .terminal_view import TerminalView

    return TerminalView(config, file if file is not None else sys.stdout)


def safe_getattr(obj: object, name: str, default: object) -> object:
    """``getattr`` that answers ``default`` whatever the attribute's lookup raises."""
    try:
        return getattr(obj, name, default)
    except Exception:
        return default


def getfslineno(obj: object) -> tuple[str | Path, int]:
    """Where ``obj`` (a function or class, possibly wrapped) is defined: its file and 0-based line, or
    ``("", -1)`` when it has no source, as pytest answers."""
    target = inspect.unwrap(obj) if callable(obj) else obj
    try:
        path = inspect.getsourcefile(target) or inspect.getfile(target)  # type: ignore[arg-type]
    except TypeError:
        return "", -1
    try:
        _, lineno = inspect.findsource(target)  # type: ignore[arg-type]
    except (OSError, TypeError):
        return path, -1
    return path, lineno


def evaluate_xfail_marks(item: Any) -> Any:
    """The test's ``xfail`` mark that applies (its condition holds), as reason, run, strict and
    raises, or None: what pytest's skipping plugin keeps under ``xfailed_key`` (pytest-assume calls it)."""
    from .._execute.conditions import xfail_spec

    marks = list(item.iter_markers("xfail"))
    strict = bool(item.config.getini("xfail_strict"))
    return xfail_spec(item._item, marks, item.config, strict)


class Scope(enum.Enum):
    """``_pytest.scope.Scope``: anyio's own pytest plugin imports it at module level, so a conftest
    that imports ``anyio.pytest_plugin`` (anyio's suite names it to blockbuster) failed every test's
    set-up. Members and order as pytest 9.2's, narrowest first."""

    Function = "function"
    Class = "class"
    Module = "module"
    Package = "package"
    Session = "session"

    def next_lower(self) -> Scope:
        index = _SCOPE_ORDER.index(self)
        if index == 0:
            raise ValueError(f"{self} is the lower-most scope")
        return _SCOPE_ORDER[index - 1]

    def next_higher(self) -> Scope:
        index = _SCOPE_ORDER.index(self)
        if index == len(_SCOPE_ORDER) - 1:
            raise ValueError(f"{self} is the upper-most scope")
        return _SCOPE_ORDER[index + 1]

    def __lt__(self, other: Scope) -> bool:
        return _SCOPE_ORDER.index(self) < _SCOPE_ORDER.index(other)

    @classmethod
    def from_user(cls, scope_name: str, descr: str, where: str | None = None) -> Scope:
        """The scope named ``scope_name``; an unknown name fails the caller as pytest's does."""
        from .._declare.outcomes import fail

        try:
            return cls(scope_name)
        except ValueError:
            where_text = f"from {where} " if where else ""
            fail(f"{descr} {where_text}got an unexpected scope value '{scope_name}'", pytrace=False)


_SCOPE_ORDER = tuple(Scope)


class BaseReport(_NotProvided):
    pass


class ExceptionRepr(_NotProvided):
    pass


class ExceptionChainRepr(ExceptionRepr):
    pass


class ReprExceptionInfo(ExceptionRepr):
    pass


class ReprEntry(_NotProvided):
    pass


class ReprFileLocation(_NotProvided):
    pass


class ReprTraceback(_NotProvided):
    pass


# Module -> names it adds to the pytest shim's (``install._MODULE_NAMES``).
MODULE_NAMES: dict[str, dict[str, object]] = {
    "_pytest._io.saferepr": {
        "saferepr": saferepr,
        "saferepr_unlimited": saferepr_unlimited,
        "DEFAULT_MAX_CHARS": DEFAULT_MAXSIZE,
    },
    "_pytest.assertion.util": {"_compare_eq_any": _compare_eq_any},
    "_pytest.assertion._compare_sequence": {"_compare_eq_iterable": _compare_eq_iterable},
    "_pytest.terminal": {"format_session_duration": format_session_duration},
    "_pytest.config": {"create_terminal_writer": create_terminal_writer},
    "_pytest.compat": {"safe_getattr": safe_getattr},
    "_pytest.skipping": {"evaluate_xfail_marks": evaluate_xfail_marks},
    "_pytest._code": {"getfslineno": getfslineno},
    "_pytest._code.source": {"getfslineno": getfslineno},
    "_pytest.reports": {"BaseReport": BaseReport},
    # anyio's pytest plugin imports ``CallSpec`` at module level too (a parametrized item's
    # ``callspec`` is one here as well).
    "_pytest.python": {"CallSpec": CallSpecView},
    "_pytest.scope": {
        "Scope": Scope,
        "HIGH_SCOPES": [scope for scope in Scope if scope is not Scope.Function],
    },
    "_pytest._code.code": {
        "ExceptionRepr": ExceptionRepr,
        "ExceptionChainRepr": ExceptionChainRepr,
        "ReprExceptionInfo": ReprExceptionInfo,
        "ReprEntry": ReprEntry,
        "ReprFileLocation": ReprFileLocation,
        "ReprTraceback": ReprTraceback,
    },
}
