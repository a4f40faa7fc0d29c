"""The module object test code gets for ``import pytest`` inside a run.

Every public name maps onto asynctestrun's own API; classes that only serve as type annotations in
user code (``pytest.FixtureRequest``, ``pytest.Item``) are the runtime classes that play those roles.
``__version__`` is the pytest version whose behaviour asynctestrun reproduces.
"""

from __future__ import annotations

import enum
import sys
import warnings
from collections.abc import Callable, Iterable
from types import SimpleNamespace
from typing import Any, ClassVar, Literal, TextIO

from .._builtins.capture import CaptureFixture
from .._builtins.logging import LogCaptureFixture
from .._builtins.monkeypatch import MonkeyPatch
from .._builtins.subtests import Subtests
from .._builtins.tmpdir import TempPathFactory
from .._collect.hooks import set_hook_options
from .._config.config import ConfigError
from .._declare.approx import ApproxBase, approx
from .._declare.approx import ApproxDecimalToleranceWarning as PytestApproxDecimalToleranceWarning
from .._declare.fixtures import FixtureFunction as _FixtureFunction
from .._declare.fixtures import IdsArg as _IdsArg
from .._declare.fixtures import fixture as _declare_fixture
from .._declare.marks import HIDDEN_PARAM, MarkDecorator, MarkGenerator, ParameterSet, mark, param
from .._declare.outcomes import (
    Exit,
    Failed,
    OutcomeException,
    Skipped,
    XFailed,
    exit,
    fail,
    importorskip,
    skip,
    xfail,
)
from .._declare.pytest_warnings import (
    PytestAssertRewriteWarning,
    PytestCacheWarning,
    PytestCollectionWarning,
    PytestConfigWarning,
    PytestDeprecationWarning,
    PytestExperimentalApiWarning,
    PytestFDWarning,
    PytestRemovedIn9Warning,
    PytestRemovedIn10Warning,
    PytestReturnNotNoneWarning,
    PytestUnhandledThreadExceptionWarning,
    PytestUnknownMarkWarning,
    PytestUnraisableExceptionWarning,
    PytestWarning,
)
from .._declare.raises import ExceptionInfo, raises
from .._declare.raises_group import RaisesExc, RaisesGroup
from .._declare.warns import WarningsRecorder, deprecated_call, warns
from .._execute import reprs as _reprs
from .._execute.conditions import XFAILED_KEY
from .._execute.fixtures import FixtureLookupError, FixtureRequest
from .._execute.nodes import (
    ClassNode,
    ContainerNode,
    DoctestNode,
    ItemNode,
    ModuleNode,
    PackageNode,
    SessionNode,
)
from .._execute.reports import CallInfo as _CallInfo
from .._execute.reports import TestReport as _TestReport
from .._model.marks import Mark
from .config import OptionGroup, Parser, PluginManager, PytestConfig
from .terminal_view import TerminalView

__version__ = "9.2.0"
version_tuple = (9, 2, 0)


class UsageError(ConfigError):
    """Raised by a plugin or a conftest (from ``pytest_configure``, say): the run ends as a usage error
    (exit 4, ``ERROR: message``), as in pytest."""


class ExitCode(enum.IntEnum):
    OK = 0
    TESTS_FAILED = 1
    INTERRUPTED = 2
    INTERNAL_ERROR = 3
    USAGE_ERROR = 4
    NO_TESTS_COLLECTED = 5


class StashKey:
    __slots__ = ()

    def __class_getitem__(cls, item: Any) -> type[StashKey]:
        return cls


Stash = dict
xfailed_key = XFAILED_KEY  # found as ``_pytest.skipping.xfailed_key``


def _hook_marker(kind: str) -> Any:
    def marker(function: Any = None, **options: Any) -> Any:
        def apply(func: Any) -> Any:
            return set_hook_options(func, options)

        return apply(function) if function is not None else apply

    marker.__name__ = kind
    return marker


hookimpl = _hook_marker("hookimpl")
hookspec = _hook_marker("hookspec")


def register_assert_rewrite(*names: str) -> None:
    from .install import current_rewriter

    rewriter = current_rewriter()
    if rewriter is not None:
        rewriter.mark_rewrite(*names, stacklevel=3)


def fixture(
    fixture_function: Callable[..., Any] | None = None,
    *,
    scope: str | Callable[..., str] = "function",
    params: Iterable[Any] | None = None,
    autouse: bool = False,
    ids: _IdsArg = None,
    name: str | None = None,
) -> _FixtureFunction | Callable[[Callable[..., Any]], _FixtureFunction]:
    """pytest's own signature (and name, for the TypeError's text): ``loop_scope=``, which only
    ``pytest_asyncio.fixture`` takes, fails the module's import as it does under pytest."""
    decorate = _declare_fixture(scope=scope, params=params, autouse=autouse, ids=ids, name=name)
    return decorate(fixture_function) if fixture_function is not None else decorate


def yield_fixture(*args: Any, **kwargs: Any) -> Any:
    """Deprecated in pytest and warned about where it is used (an import error under
    ``filterwarnings = error``); otherwise ``fixture``."""
    warnings.warn(
        PytestRemovedIn10Warning(
            "@pytest.yield_fixture is deprecated.\nUse @pytest.fixture instead; they are the same."
        ),
        stacklevel=2,
    )
    return fixture(*args, **kwargs)


def main(*args: Any, **kwargs: Any) -> int:
    raise UsageError("pytest.main() is not available inside an asynctestrun run")


def set_trace(*args: Any, **kwargs: Any) -> None:
    import pdb

    pdb.Pdb().set_trace()


class _NotProvided:
    """Base of the names pytest exports for what asynctestrun does not provide (doctest items, the
    in-process hook recorder, subtest reports, the terminal reporter). Conftests annotate hooks and
    fixtures with them, so the names must exist for those modules to import; nothing here creates
    instances."""


class SubtestReport(_NotProvided):
    pass


class TerminalReporter(TerminalView):
    """pytest's terminal reporter. Plugins that restyle pytest's report (pytest-pretty, pytest-sugar)
    subclass it and register their instance as "terminalreporter" from ``pytest_configure``. Here
    asynctestrun's own reporter keeps the terminal: the instance is what ``getplugin`` then returns
    (a view that writes lines), and its hook methods are not called (``PluginManager.register``)."""

    def __init__(self, config: Any, file: TextIO | None = None) -> None:
        super().__init__(config, file if file is not None else sys.stdout)


class TestShortLogReport(_NotProvided):
    pass


# _pytest internals that plugins written for custom collection (sybil's pytest integration) subclass
# or annotate with at import time. Without a class here, ``from _pytest._code.code import TerminalRepr``
# would import a shim *submodule* of that name, and ``class X(TerminalRepr)`` then fails with a
# TypeError that aborts the whole run while loading the conftest.
class TerminalRepr(_NotProvided):
    pass


class Traceback(_NotProvided):
    pass


class TerminalWriter(_NotProvided):
    pass


class FuncFixtureInfo(_NotProvided):
    pass


class PrettyPrinter(_NotProvided):
    # inline-snapshot adds its reprs to the dispatch table of pytest's diff printer when it configures.
    _dispatch: ClassVar[dict[object, object]] = {}


def _read_pyc(source: object, pyc: object, trace: object = None) -> None:
    """``_pytest.assertion.rewrite._read_pyc``, which inline-snapshot wraps when it configures. No pytest
    cache of rewritten modules is read here, so the answer is always "no cached code"."""
    return None


ScopeName = Literal["session", "package", "module", "class", "function"]
Approx = ApproxBase


def freeze_includes() -> list[str]:
    return []


console_main = main
cmdline = SimpleNamespace(main=main)

Config = PytestConfig
Item = ItemNode
Function = ItemNode
DoctestItem = DoctestNode
Node = ItemNode
Module = ModuleNode
Class = ClassNode
Package = PackageNode
Session = SessionNode
Collector = ContainerNode
File = ContainerNode
Dir = ContainerNode
Directory = ContainerNode
SubRequest = FixtureRequest
TempdirFactory = TempPathFactory
CallInfo = _CallInfo
TestReport = _TestReport
# ``_pytest._code.code``'s representations, for plugins that build a report's longrepr (pytest-check).
ExceptionChainRepr = _reprs.ExceptionChainRepr
ReprEntry = _reprs.ReprEntry
ReprFileLocation = _reprs.ReprFileLocation
ReprTraceback = _reprs.ReprTraceback
CollectReport = object
Metafunc = object
FixtureDef = object
Cache = object
RecordedHookCall = object
PytestPluginManager = PluginManager

__all__ = [
    "HIDDEN_PARAM",
    "CaptureFixture",
    "Class",
    "Config",
    "ExceptionInfo",
    "Exit",
    "ExitCode",
    "Failed",
    "FixtureLookupError",
    "FixtureRequest",
    "Function",
    "Item",
    "LogCaptureFixture",
    "Mark",
    "MarkDecorator",
    "MarkGenerator",
    "Module",
    "MonkeyPatch",
    "OptionGroup",
    "OutcomeException",
    "ParameterSet",
    "Parser",
    "PytestApproxDecimalToleranceWarning",
    "PytestAssertRewriteWarning",
    "PytestCacheWarning",
    "PytestCollectionWarning",
    "PytestConfigWarning",
    "PytestDeprecationWarning",
    "PytestExperimentalApiWarning",
    "PytestFDWarning",
    "PytestRemovedIn9Warning",
    "PytestRemovedIn10Warning",
    "PytestReturnNotNoneWarning",
    "PytestUnhandledThreadExceptionWarning",
    "PytestUnknownMarkWarning",
    "PytestUnraisableExceptionWarning",
    "PytestWarning",
    "RaisesExc",
    "RaisesGroup",
    "Skipped",
    "Subtests",
    "TempPathFactory",
    "UsageError",
    "WarningsRecorder",
    "XFailed",
    "approx",
    "deprecated_call",
    "exit",
    "fail",
    "fixture",
    "hookimpl",
    "importorskip",
    "mark",
    "param",
    "raises",
    "register_assert_rewrite",
    "skip",
    "warns",
    "xfail",
]


# pytester's classes, imported when first named: most runs never load the pytester plugin.
_PYTESTER_NAMES = frozenset({"HookRecorder", "LineMatcher", "Pytester", "RunResult", "Testdir"})


def __getattr__(name: str) -> Any:
    if name in _PYTESTER_NAMES:
        from .._builtins import pytester

        return getattr(pytester, name)
    raise AttributeError(f"module 'pytest' has no attribute {name!r}")
