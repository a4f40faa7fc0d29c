"""From a TestDefinition to TestItems: fixture closure, parametrization, node ids, keywords.

Parametrization is applied in pytest's order, that of its ``pytest_generate_tests`` hook chain: the
module's and class's own implementations first, then the others, the last registered first. pytest's
own two steps are implementations too: the fixtures' ``params`` (registered as the session starts, so
run after the conftests found while collecting and before the initial conftests and the plugins) and
the ``mark.parametrize`` marks (registered first, so run last but for ``trylast`` implementations such
as pytest-repeat's). The ids of a test read in that order: ``test_x[fixparam-markparam]``.
"""

from __future__ import annotations

import contextlib
import sys
import warnings
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .._config.config import Config
from .._declare.outcomes import Failed
from .._declare.pytest_warnings import PytestRemovedIn10Warning
from .._model.items import CallSpec, FixtureDef, FuncKind, ScopeChain, TestItem
from .._model.marks import Mark
from .._model.scopes import Scope
from .._plan.closure import Closure, compute_closure
from .._plan.registry import FixtureRegistry
from .harvest import TestDefinition
from .hooks import HookRegistry, call_with_declared
from .loop_factories import async_generator_message, asyncio_test_mark, factory_call
from .parametrize import CallSpecBuilder, MakeId, ParametrizeCall, build_call, split_argnames
from .signature import default_argnames


@dataclass
class DefinitionView:
    """``metafunc.definition``: enough of pytest's FunctionDefinition for generate_tests hooks."""

    name: str
    marks: list[Mark]
    nodeid: str
    # The test function, as pytest's FunctionDefinition.function / .obj (None where none is known).
    function: Any = None

    @property
    def originalname(self) -> str:
        """The function's name: a FunctionDefinition is never parametrized, so it is ``name`` (as
        pytest's; pytest-golden's generate_tests hook compares its data files' names with it)."""
        return self.name

    @property
    def obj(self) -> Any:
        return self.function

    @property
    def path(self) -> Path | None:
        """The test module's file, as pytest's ``definition.path``."""
        module = sys.modules.get(getattr(self.function, "__module__", None) or "")
        filename = getattr(module, "__file__", None)
        return Path(filename) if filename else None

    def get_closest_marker(self, name: str, default: Mark | None = None) -> Mark | None:
        return next((m for m in self.marks if m.name == name), default)

    def iter_markers(self, name: str | None = None) -> list[Mark]:
        return [m for m in self.marks if name is None or m.name == name]


@dataclass
class Metafunc:
    """What ``pytest_generate_tests(metafunc)`` receives."""

    definition: DefinitionView
    function: Any
    module: Any
    cls: type | None
    config: Any
    fixturenames: list[str]
    _calls_made: list[ParametrizeCall] = field(default_factory=list)
    _location: str = ""
    _empty_mark: str = "skip"
    _make_id: MakeId | None = None
    _strict_ids: bool = False  # strict_parametrization_ids
    _fixturedefs: Mapping[str, tuple[FixtureDef, ...]] = field(default_factory=dict)
    # pytest's own parametrization steps (fixture params, parametrize marks), not yet taken: each runs
    # once, when its builtin hook implementation is reached in the chain, or after the hooks.
    _builtin_steps: dict[str, Callable[[], None]] = field(default_factory=dict)

    def _run_builtin(self, step: str) -> None:
        action = self._builtin_steps.pop(step, None)
        if action is not None:
            action()

    def parametrize(
        self,
        argnames: str | Sequence[str],
        argvalues: Any,
        indirect: bool | Sequence[str] = False,
        ids: Any = None,
        scope: str | None = None,
        *,
        _param_mark: Any = None,
    ) -> None:
        if isinstance(argvalues, Iterable) and not isinstance(argvalues, Collection):
            # pytest 9 deprecates one-shot iterables (generators, itertools.chain...): a warning that
            # filterwarnings=error turns into the file's collection error.
            warnings.warn(
                PytestRemovedIn10Warning(
                    "Passing a non-Collection iterable to parametrize is deprecated.\n"
                    f"Test: {self.definition.nodeid}, argvalues type: {type(argvalues).__name__}\n"
                    "Please convert to a list or tuple.\n"
                    "See https://docs.pytest.org/en/stable/deprecations.html#parametrize-iterators"
                ),
                stacklevel=2,
            )
        call = build_call(
            self.definition.name,
            argnames,
            argvalues,
            indirect=indirect,
            ids=ids,
            scope=scope if scope is not None else self._indirect_scope(argnames, indirect),
            location=self._location,
            empty_mark=self._empty_mark,
            make_id=self._make_id,
            strict_ids_of=self.definition.nodeid if self._strict_ids else None,
            nodeid=self.definition.nodeid,
        )
        self._check_argnames(call)
        self._calls_made.append(call)

    def _check_argnames(self, call: ParametrizeCall) -> None:
        """pytest's check that the test takes each name parametrize gives, worded as its errors (which
        name the test by node id)."""
        nodeid = self.definition.nodeid
        for name in call.argnames:
            if name in self.fixturenames:
                continue
            if name in default_argnames(self.function):
                message = f"In {nodeid}: function already takes an argument '{name}' with a default value"
                raise Failed(message, pytrace=False)
            what = "fixture" if name in call.indirect else "argument"
            raise Failed(f"In {nodeid}: function uses no {what} '{name}'", pytrace=False)

    def _indirect_scope(self, argnames: str | Sequence[str], indirect: bool | Sequence[str]) -> Scope:
        """The scope of parameters given to fixtures only: the narrowest of those fixtures' scopes, so
        a module-scoped fixture parametrized indirectly is set up once per value and the tests are
        grouped by value, as pytest does. Any direct argument makes it function scope."""
        names, _ = split_argnames(argnames)
        all_fixtures = len(indirect) == len(names) if not isinstance(indirect, bool) else indirect
        if not all_fixtures:
            return Scope.FUNCTION
        scopes = [defs[-1].scope for name, defs in self._fixturedefs.items() if name in names and defs]
        return min(scopes, key=lambda scope: scope.rank, default=Scope.FUNCTION)


def _anyio_test(
    definition: TestDefinition, marks: Sequence[Mark], config: Config, plugin_config: Any
) -> bool:
    if not config.anyio_plugin:
        return False  # a suite's own anyio_backend fixture does not make anyio's plugin take part
    function = definition.function
    inner = getattr(getattr(function, "hypothesis", None), "inner_test", function)
    import inspect

    if definition.kind is not FuncKind.COROUTINE and not inspect.iscoroutinefunction(inner):
        return False
    if any(m.name == "anyio" for m in marks):
        return True
    mode = config.plugin_options.get("anyio_mode") or config.ini.get("anyio_mode")
    return mode == "auto"


def _auto_asyncio_mark(definition: TestDefinition, marks: Sequence[Mark], config: Config) -> tuple[Mark, ...]:
    """In auto mode pytest-asyncio marks each async test it collects ``asyncio`` (after its own and
    its parameters' marks), so ``-m asyncio``, ``-k asyncio`` and ``iter_markers()`` see it."""
    if not config.asyncio_plugin or config.asyncio_mode != "auto":
        return ()
    if definition.unittest_case or definition.doctest or any(m.name == "asyncio" for m in marks):
        return ()
    mark = asyncio_test_mark(definition, marks, config)
    return (mark,) if mark is not None else ()


def _usefixtures(marks: Sequence[Mark]) -> list[str]:
    names: list[str] = []
    for mark in marks:
        if mark.name == "usefixtures":
            names.extend(str(arg) for arg in mark.args)
    return names


def _direct_argnames(marks: Sequence[Mark]) -> set[str]:
    direct: set[str] = set()
    for mark in marks:
        if mark.name != "parametrize" or not mark.args:
            continue
        names, _ = split_argnames(mark.args[0])
        indirect = mark.kwargs.get("indirect", False)
        for name in names:
            if indirect is True or (not isinstance(indirect, bool) and name in indirect):
                continue
            direct.add(name)
    return direct


def _mark_argnames(marks: Sequence[Mark]) -> set[str]:
    """Every name a parametrize mark gives values to, direct or indirect."""
    names: set[str] = set()
    for mark in marks:
        if mark.name == "parametrize" and mark.args:
            names.update(split_argnames(mark.args[0])[0])
    return names


@dataclass(frozen=True, slots=True)
class ItemContext:
    path: Path
    relpath: str
    rootdir: Path
    chain: ScopeChain
    hook_owners: tuple[object, ...]  # conftests visible to this file (outermost first)
    file_words: frozenset[str] = field(init=False)  # -k words every test of this file has

    def __post_init__(self) -> None:
        words = {self.path.name}
        with contextlib.suppress(ValueError):  # a file outside the rootdir: no directory words
            words.update(part for part in self.path.parent.relative_to(self.rootdir).parts if part)
        object.__setattr__(self, "file_words", frozenset(words))


def build_items(
    definition: TestDefinition,
    ctx: ItemContext,
    registry: FixtureRegistry,
    hooks: HookRegistry,
    config: Config,
    plugin_config: Any,
) -> list[TestItem]:
    all_marks = [*definition.marks, *definition.outer_marks]
    initial = [*_usefixtures(all_marks), *definition.argnames]
    # The cheap question first: without anyio's plugin there is no anyio_backend fixture at all.
    if (
        "anyio_backend" in registry.by_name
        and _anyio_test(definition, all_marks, config, plugin_config)
        and registry.visible("anyio_backend", definition.holders)
    ):
        # anyio's plugin adds usefixtures("anyio_backend") to the function's own marks.
        initial.insert(0, "anyio_backend")
    direct = _direct_argnames(all_marks)
    closure = compute_closure(registry, definition.holders, initial, ignore=direct)
    class_prefix = "::".join(definition.class_names)
    base_nodeid = f"{ctx.relpath}::{class_prefix + '::' if class_prefix else ''}{definition.name}"
    location = f"{ctx.relpath}:{(definition.lineno or 0)}"
    # pytest-asyncio's own pytest_generate_tests (tryfirst) marks the definition before any other hook.
    definition_marks = [
        *definition.marks,
        *_auto_asyncio_mark(definition, all_marks, config),
        *definition.outer_marks,
    ]
    metafunc = Metafunc(
        definition=DefinitionView(definition.name, definition_marks, base_nodeid, definition.function),
        function=definition.function,
        module=definition.module,
        cls=definition.cls,
        config=plugin_config,
        fixturenames=list(closure.names),
        _location=location,
        _empty_mark=config.empty_parameter_set_mark,
        _make_id=_make_id_hook(hooks, plugin_config),
        _strict_ids=config.strict_parametrization_ids,
        _fixturedefs=closure.defs,
    )
    builder = CallSpecBuilder()
    if not (definition.unittest_case or definition.doctest):
        # pytest-asyncio parametrizes by loop factory before any other generate_tests hook runs.
        by_factory = factory_call(
            definition,
            all_marks,
            base_nodeid,
            hooks=hooks,
            owners=ctx.hook_owners,
            config=config,
            plugin_config=plugin_config,
            path=ctx.path,
            fixturenames=closure.names,
        )
        if by_factory is not None:
            builder.apply(base_nodeid, by_factory)
        extra: list[object] = [definition.module]
        if definition.cls is not None:
            extra.append(definition.cls)
        metafunc._builtin_steps = {
            FIXTURE_PARAMS: lambda: _apply_fixture_params(
                closure, _mark_argnames(all_marks) | builder.argnames_seen, metafunc
            ),
            MARK_PARAMS: lambda: _apply_marks(all_marks, metafunc),
        }
        hooks.call_scoped("pytest_generate_tests", ctx.hook_owners, extra, metafunc=metafunc)
        for step in (FIXTURE_PARAMS, MARK_PARAMS):  # where their implementations are not registered
            metafunc._run_builtin(step)
        for call in metafunc._calls_made:
            builder.apply(base_nodeid, call)
    final_direct = {name for spec in builder.calls for name in spec.params if name not in spec.indirect}
    if final_direct != direct:
        closure = compute_closure(registry, definition.holders, initial, ignore=final_direct)
    items: list[TestItem] = []
    parametrized = bool(builder.argnames_seen)
    for spec in builder.calls:
        # Test only parametrized by ids hidden from its name (one loop factory) keeps its plain name.
        name = f"{definition.name}[{spec.id}]" if spec.ids else definition.name
        nodeid = f"{ctx.relpath}::{class_prefix + '::' if class_prefix else ''}{name}"
        own = (*definition.marks, *spec.marks)
        with_outer = (*own, *definition.outer_marks)
        added = (
            *_auto_asyncio_mark(definition, with_outer, config),
            *_async_generator_marks(definition, with_outer, config),
            *_hypothesis_mark(definition, config),
        )
        marks = (*own, *added, *definition.outer_marks)
        items.append(
            TestItem(
                nodeid=nodeid,
                name=name,
                originalname=definition.name,
                path=ctx.path,
                relpath=ctx.relpath,
                lineno=definition.lineno,
                module=definition.module,
                cls=definition.cls,
                function=definition.function,
                kind=definition.kind,
                marks=marks,
                callspec=spec if parametrized else CallSpec(),
                holders=definition.holders,
                chain=ctx.chain,
                argnames=definition.argnames,
                fixturenames=tuple(n for n in closure.names if n not in final_direct or n in spec.indirect)
                if parametrized
                else closure.names,
                fixturedefs=closure.defs,
                keywords=_keywords(ctx, definition, name, marks),
                doctest=definition.doctest,
                node_fixturenames=tuple(n for n in closure.names if n not in final_direct or n in spec.params)
                if final_direct
                else None,
            )
        )
    return items


def _async_generator_marks(
    definition: TestDefinition, marks: Sequence[Mark], config: Config
) -> tuple[Mark, ...]:
    """The ``xfail(run=False)`` mark pytest-asyncio adds to an async generator test it takes (marked, or
    any in auto mode): it cannot run one. A mark like any other, so ``-m xfail`` selects the test and
    ``--runxfail`` ignores it, and the test then fails as pytest-asyncio's does."""
    if (
        definition.kind is not FuncKind.ASYNC_GENERATOR
        or not config.asyncio_plugin
        or definition.unittest_case
        or asyncio_test_mark(definition, marks, config) is None
    ):
        return ()
    return (Mark("xfail", (), {"run": False, "reason": async_generator_message(definition.name)}),)


def _hypothesis_mark(definition: TestDefinition, config: Config) -> tuple[Mark, ...]:
    """The ``hypothesis`` mark hypothesis's pytest plugin adds, in its ``pytest_collection_modifyitems``,
    to each test its ``is_hypothesis_test`` recognises (``@given``, a stateful ``TestCase.runTest``), so
    ``-m hypothesis`` and ``-k hypothesis`` select them as under pytest. That plugin is not loaded here,
    so the mark is added where it would be: after the test's own marks, unless ``-p no:`` blocks it."""
    if definition.doctest or not getattr(definition.function, "is_hypothesis_test", False):
        return ()
    if not config.plugin_autoload or "hypothesispytest" in config.blocked_plugins():
        return ()
    return (Mark("hypothesis", (), {}),)


def _make_id_hook(hooks: HookRegistry, plugin_config: Any) -> MakeId | None:
    """``pytest_make_parametrize_id`` of every plugin and conftest loaded (pytest asks ``config.hook``,
    not the test's own conftests), first answer wins; None when nobody implements it."""
    impls = hooks.implementations("pytest_make_parametrize_id")
    if not impls:
        return None

    def make_id(value: object, argname: str) -> object:
        kwargs = {"config": plugin_config, "val": value, "argname": argname}
        for impl in impls:
            answer = call_with_declared(impl, kwargs)
            if answer is not None:
                return answer
        return None

    return make_id


FIXTURE_PARAMS = "fixture-params"
MARK_PARAMS = "parametrize-marks"


class BuiltinGenerateTests:
    """pytest's own ``pytest_generate_tests`` implementations, as hook implementations here, so the
    plugins' and conftests' run before or after them as in pytest: the fixtures' ``params``
    (pytest's ``funcmanage``, registered when the session starts) and the ``parametrize`` marks
    (the ``python`` plugin, registered before any other). A ``trylast`` implementation
    (pytest-repeat's) so parametrizes after the marks, and its ids come last."""

    def __init__(self, step: str) -> None:
        self._step = step

    def pytest_generate_tests(self, metafunc: Metafunc) -> None:
        metafunc._run_builtin(self._step)


def _apply_fixture_params(closure: Closure, overridden: set[str], metafunc: Metafunc) -> None:
    # A parametrize mark naming a fixture, even indirectly, replaces that fixture's own params; so
    # does a hook that parametrized it already.
    seen = {name for call in metafunc._calls_made for name in call.argnames}
    for name in closure.names:
        if name in overridden or name in seen:
            continue
        defs = closure.defs.get(name)
        if not defs:
            continue
        for fixturedef in reversed(defs):
            if fixturedef.params is not None:
                metafunc._calls_made.append(
                    _fixture_param_call(metafunc.definition.name, fixturedef, metafunc)
                )
                break
            if name not in fixturedef.argnames:
                break


def _apply_marks(all_marks: Sequence[Mark], metafunc: Metafunc) -> None:
    for mark in all_marks:
        if mark.name == "parametrize":
            metafunc.parametrize(*mark.args, **mark.kwargs)


def _fixture_param_call(test_name: str, fixturedef: FixtureDef, metafunc: Metafunc) -> ParametrizeCall:
    call = build_call(
        test_name,
        fixturedef.name,
        list(fixturedef.params or ()),
        indirect=True,
        ids=fixturedef.ids,
        scope=fixturedef.scope,
        make_id=metafunc._make_id,
        strict_ids_of=metafunc.definition.nodeid if metafunc._strict_ids else None,
        nodeid=metafunc.definition.nodeid,
    )
    return call


def _keywords(
    ctx: ItemContext, definition: TestDefinition, name: str, marks: Sequence[Mark]
) -> frozenset[str]:
    words = {name, definition.name, *ctx.file_words, *definition.class_names}
    words.update(m.name for m in marks)
    func_dict = getattr(definition.function, "__dict__", {})
    words.update(k for k in func_dict if not k.startswith("_") and k != "pytestmark")
    return frozenset(words)
