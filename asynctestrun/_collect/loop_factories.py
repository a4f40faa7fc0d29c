"""Loop factories at collection: ``pytest_asyncio_loop_factories``, ``mark.asyncio(loop_factories=...)``
and ``--loop-matrix`` turned into one more parametrization of each async test.

pytest-asyncio 1.4+ asks the hook (conftests and plugins visible to the test, innermost first, the first
answer other than None wins) for ``{name: factory}``. An async test then runs once per factory, the
name being the first part of its id, as if parametrized before anything else::

    hook returns {"a": LoopA, "b": LoopB}

    @pytest.mark.asyncio                            test_x[a-1] test_x[a-2] test_x[b-1] test_x[b-2]
    @pytest.mark.parametrize("x", [1, 2])
    async def test_x(x): ...

    @pytest.mark.asyncio(loop_factories=["b"])      test_y                  (one factory: no id part)
    @pytest.mark.asyncio(loop_factories=["b", "z"]) test_z[b] test_z[z]     (z unknown: skipped)

The parametrization is scoped like the test's loop, so a module-scoped loop is made once per factory
and the module's tests are grouped by factory (``_plan/order.py``); what it means at run time (a new
factory retires the loops of the previous one) is in ``_execute/loop_factories.py``. Sync tests, and
async tests strict mode leaves alone, are not parametrized: their fixtures run on the default loop.

``--loop-matrix asyncio,uvloop`` answers like a hook in an installed plugin: conftest hooks, which are
asked first, can override it per test.

Errors are pytest-asyncio's, and like there they fail the collection of the test's whole module: a hook
answer that is not a non-empty mapping of names to callables, a mark whose ``loop_factories`` is not a
non-empty sequence of strings, and a mark naming factories when no hook exists.
"""

from __future__ import annotations

import inspect
import warnings
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .._declare.marks import HIDDEN_PARAM, ParameterSet
from .._declare.outcomes import Failed
from .._declare.pytest_warnings import PytestCollectionWarning, PytestDeprecationWarning
from .._model.items import FuncKind
from .._model.marks import Mark
from .._model.scopes import SCOPE_NAMES, LoopScope, Scope
from .hooks import HookRegistry
from .parametrize import ParametrizeCall, build_call

if TYPE_CHECKING:
    import asyncio

    from .._config.config import Config
    from .harvest import TestDefinition

# pytest-asyncio's name for the parameter; a test's callspec shows it under this name there too.
FACTORY_ARGNAME = "_asyncio_loop_factory"
HOOK_NAME = "pytest_asyncio_loop_factories"

_BAD_HOOK_RESULT = (
    "pytest_asyncio_loop_factories must return a non-empty mapping of factory names to callables."
)
_BAD_MARK_VALUE = "mark.asyncio 'loop_factories' must be a non-empty sequence of strings."
_BAD_MARK_ARGUMENTS = "mark.asyncio accepts only keyword arguments 'loop_scope' and 'loop_factories'."
_SCOPE_KWARG_DEPRECATED = (
    'The "scope" keyword argument to the asyncio marker has been deprecated. '
    'Please use the "loop_scope" argument instead.\n'
)
_BOTH_SCOPES = (
    'An asyncio pytest marker defines both "scope" and "loop_scope", but it should only use "loop_scope".'
)
_MARK_KEYWORDS = frozenset({"loop_scope", "scope", "loop_factories"})


@dataclass(frozen=True, slots=True)
class BuiltinLoopFactory:
    """A ``--loop-matrix`` entry. Calling it makes a loop; the loop's module is imported only then,
    so collecting with ``--loop-matrix uvloop`` does not pay for importing uvloop."""

    name: str

    def __call__(self) -> asyncio.AbstractEventLoop:
        from .._execute.loops import builtin_factory

        return builtin_factory(self.name)()

    def __repr__(self) -> str:
        return f"<loop factory {self.name}>"


@dataclass(frozen=True, slots=True)
class AsyncioMark:
    """What an async test's ``asyncio`` mark asks for, once validated."""

    loop_scope: LoopScope | None = None
    factory_names: tuple[str, ...] | None = None  # None: every factory the hook gives


@dataclass
class HookItem:
    """The ``item`` the hook receives: enough of pytest's FunctionDefinition to choose factories by
    name, marks or location. The test is not parametrized yet, so there is no callspec."""

    name: str
    nodeid: str
    path: Path
    module: Any
    cls: type | None
    function: Callable[..., Any]
    config: Any
    marks: list[Mark] = field(default_factory=list)
    # The fixtures the test will use (its closure), as pytest's FunctionDefinition lists them.
    fixturenames: list[str] = field(default_factory=list)

    @property
    def obj(self) -> Callable[..., Any]:
        return self.function

    @property
    def originalname(self) -> str:
        return self.name

    def get_closest_marker(self, name: str, default: Mark | None = None) -> Mark | None:
        return next((m for m in self.marks if m.name == name), default)

    def iter_markers(self, name: str | None = None) -> list[Mark]:
        return [m for m in self.marks if name is None or m.name == name]


def asyncio_test_mark(definition: TestDefinition, marks: Sequence[Mark], config: Config) -> Mark | None:
    """The ``asyncio`` mark pytest-asyncio applies to this test (a bare one in auto mode), or None for
    tests it leaves alone: sync tests, and unmarked async tests in strict mode."""
    function = definition.function
    inner = getattr(getattr(function, "hypothesis", None), "inner_test", None)
    if not (definition.kind.is_async or inspect.iscoroutinefunction(inner)):
        return None
    mark = next((m for m in marks if m.name == "asyncio"), None)
    if mark is None and config.asyncio_mode == "auto":
        return Mark("asyncio")
    return mark


def async_generator_message(name: str) -> str:
    """pytest-asyncio's word on an async generator test, its warning's and its xfail's."""
    return f"Tests based on asynchronous generators are not supported. {name} will be ignored."


def parse_asyncio_mark(mark: Mark, nodeid: str) -> AsyncioMark:
    """Validate an async test's ``asyncio`` mark in pytest-asyncio's order; a problem fails collection."""
    if mark.args or set(mark.kwargs) - _MARK_KEYWORDS:
        raise Failed(f"{nodeid}: {_BAD_MARK_ARGUMENTS}", pytrace=False)
    if "scope" in mark.kwargs and "loop_scope" in mark.kwargs:
        raise Failed(f"{nodeid}: {_BOTH_SCOPES}", pytrace=False)
    if "scope" in mark.kwargs:
        # A warning, as in pytest-asyncio: under filterwarnings = error it fails the module's collection.
        warnings.warn(PytestDeprecationWarning(_SCOPE_KWARG_DEPRECATED), stacklevel=2)
    raw_scope = mark.kwargs.get("loop_scope") or mark.kwargs.get("scope")
    loop_scope: LoopScope | None = None
    if raw_scope is not None:
        if raw_scope not in SCOPE_NAMES:
            raise Failed(
                f"{nodeid}: mark.asyncio got an unexpected loop scope value {raw_scope!r}. "
                f"Valid scopes are: {', '.join(SCOPE_NAMES)}.",
                pytrace=False,
            )
        loop_scope = LoopScope(raw_scope)
    names = mark.kwargs.get("loop_factories")
    if names is None:
        return AsyncioMark(loop_scope)
    if (
        isinstance(names, str)
        or not isinstance(names, Sequence)
        or not names
        or not all(isinstance(name, str) and name for name in names)
    ):
        raise Failed(f"{nodeid}: {_BAD_MARK_VALUE}", pytrace=False)
    return AsyncioMark(loop_scope, tuple(names))


def _factories_configured(hooks: HookRegistry, owners: Sequence[object], config: Config) -> bool:
    """Whether any test under these conftests can get loop factories: a hook, or ``--loop-matrix``."""
    return bool(hooks.implementations(HOOK_NAME, (), owners)) or bool(config.loop_matrix)


def hook_factories(
    hooks: HookRegistry,
    owners: Sequence[object],
    config: Config,
    item: HookItem,
) -> dict[str, Callable[[], Any]] | None:
    """The hook's answer for one test (None when nothing implements it), checked as pytest-asyncio does."""
    if not _factories_configured(hooks, owners, config):
        return None
    result = hooks.call_first(HOOK_NAME, owners, config=item.config, item=item)
    if result is None and config.loop_matrix:
        result = {name: BuiltinLoopFactory(name) for name in config.loop_matrix}
    if not isinstance(result, Mapping):
        raise Failed(_BAD_HOOK_RESULT, pytrace=False)
    # A copy: a hook handing out one shared dict may change it later without changing this test.
    factories = dict(result)
    if not factories or not all(
        isinstance(name, str) and name and callable(factory) for name, factory in factories.items()
    ):
        raise Failed(_BAD_HOOK_RESULT, pytrace=False)
    return factories


def factory_call(
    definition: TestDefinition,
    marks: Sequence[Mark],
    nodeid: str,
    *,
    hooks: HookRegistry,
    owners: Sequence[object],
    config: Config,
    plugin_config: Any,
    path: Path,
    fixturenames: Sequence[str] = (),
) -> ParametrizeCall | None:
    """The parametrization by loop factory for one test definition, or None when it gets none.

    Raises Failed (a collection error of the module) for the problems pytest-asyncio reports."""
    mark = asyncio_test_mark(definition, marks, config)
    if mark is None:
        return None
    if definition.kind is FuncKind.ASYNC_GENERATOR:
        # pytest-asyncio's collection warning (``item.warn``): at the test's definition, its file named
        # as in the node id; the test itself has an xfail mark (items.py).
        warnings.warn_explicit(
            PytestCollectionWarning(async_generator_message(definition.name)),
            None,
            nodeid.split("::", 1)[0],
            definition.lineno or 0,
        )
    parsed = parse_asyncio_mark(mark, nodeid)
    if not _factories_configured(hooks, owners, config):
        # The usual case, answered before building the hook's item view for every async test.
        if parsed.factory_names is not None:
            raise Failed(
                f"{nodeid}: mark.asyncio 'loop_factories' requires at least one "
                f"{HOOK_NAME} hook implementation.",
                pytrace=False,
            )
        return None
    item = HookItem(
        name=definition.name,
        nodeid=nodeid,
        path=path,
        module=definition.module,
        cls=definition.cls,
        function=definition.function,
        config=plugin_config,
        marks=list(marks),
        fixturenames=list(fixturenames),
    )
    factories = hook_factories(hooks, owners, config, item)
    assert factories is not None  # _factories_configured was checked above
    names = parsed.factory_names if parsed.factory_names is not None else tuple(factories)
    rows = [_row(name, factories) for name in names]
    loop_scope = parsed.loop_scope or config.default_test_loop_scope
    call = build_call(
        definition.name,
        FACTORY_ARGNAME,
        rows,
        indirect=True,
        # One factory adds no id part (pytest-asyncio hides it): the test keeps its plain name.
        ids=[HIDDEN_PARAM] if len(names) == 1 else list(names),
        scope=Scope(loop_scope.value),
    )
    return call


def _row(name: str, factories: Mapping[str, Callable[[], Any]]) -> ParameterSet:
    if name in factories:
        return ParameterSet((factories[name],))
    reason = f"Loop factory {name!r} is not available. Available factories: {', '.join(factories)}."
    return ParameterSet((None,), (Mark("skip", (), {"reason": reason}),))
