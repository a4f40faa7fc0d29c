"""Harvest fixture definitions and test definitions from an imported module (or conftest, or plugin).

A TestDefinition is a test function before parametrization; the expansion into items happens in
``items.py``. Problems found here (a generator test, a bad fixture scope) become collection errors of
the module or warnings, as pytest reports them.
"""

from __future__ import annotations

import functools
import inspect
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

from .._config.config import Config
from .._declare.fixtures import FixtureSpec, fixture_spec, is_static_fixture
from .._declare.marks import class_marks, normalize_marks, own_marks
from .._model.items import FixtureDef, FuncKind, Holder, HolderKind
from .._model.marks import Mark
from .._model.scopes import LoopScope, Scope
from . import describe, xunit
from .discover import matches_any
from .signature import argnames, func_kind


def is_unittest_case(cls: type) -> bool:
    """Whether ``cls`` is a ``unittest.TestCase``, without importing unittest (6 ms of start-up): no
    class can derive from TestCase unless something imported ``unittest.case`` already."""
    case = sys.modules.get("unittest.case")
    return case is not None and issubclass(cls, case.TestCase)


class CollectionProblem(Exception):
    """A problem that makes the whole module uncollectable (pytest reports it as a collection error)."""


class CollectorError(CollectionProblem):
    """Where pytest raises ``Collector.CollectError``: the text is the whole report, and the short
    summary names the file with no message after it."""


@dataclass(frozen=True, slots=True)
class TestDefinition:
    name: str
    function: Callable[..., Any]
    module: ModuleType
    cls: type | None
    class_names: tuple[str, ...]
    marks: tuple[Mark, ...]  # the function's own marks
    outer_marks: tuple[Mark, ...]  # classes (MRO), then module: closest first
    holders: tuple[Holder, ...]
    lineno: int | None
    kind: FuncKind
    argnames: tuple[str, ...]
    unittest_case: bool = False
    doctest: bool = False  # a docstring's or text file's examples (collect/doctests.py)
    # The Module-scope instance when it is not the file: the outermost pytest-describe block.
    module_key: str | None = None


@dataclass(slots=True)
class Harvest:
    fixtures: list[FixtureDef] = field(default_factory=list)
    tests: list[TestDefinition] = field(default_factory=list)
    # (node id of what could not be collected, message, file, line): PytestCollectionWarning, as in
    # pytest; no file means the test module's own
    warnings: list[tuple[str, str, str | None, int | None]] = field(default_factory=list)
    # (node id, message): a class that could not be collected (a warning its filters made an
    # error); the rest of the module is collected, as in pytest.
    errors: list[tuple[str, str]] = field(default_factory=list)


def location_of(obj: object) -> tuple[str, int | None]:
    """File and first line of a function, from its code object: reading the source to find the
    decorated ``def`` costs ~0.5 ms per function, which adds up to seconds on a large suite."""
    if isinstance(obj, classmethod):  # a ``@classmethod`` fixture: where its function is
        obj = obj.__func__
    target: Any = inspect.unwrap(obj) if callable(obj) else obj
    code = getattr(target, "__code__", None)
    if code is not None:
        return code.co_filename, code.co_firstlineno
    try:
        return inspect.getsourcefile(target) or "?", inspect.getsourcelines(target)[1]
    except (OSError, TypeError):
        return "?", None


def harvest_fixtures(
    obj: object, holder: Holder, config: Config, *, in_class: bool = False
) -> list[FixtureDef]:
    """Every fixture reachable as an attribute of ``obj`` (dir() order: alphabetical, as pytest)."""
    found: list[FixtureDef] = []
    namespace: dict[str, Any] | None = None
    if isinstance(obj, ModuleType):
        # A module's attributes are its __dict__: no need for the generic (slow) static lookup.
        namespace = vars(obj)
    elif isinstance(obj, type):
        # A class's static attributes are its MRO's dicts, the most derived winning; the generic
        # lookup would also try every name dir() lists from ``object``, for each test class.
        namespace = {}
        for klass in reversed(obj.__mro__):
            namespace.update(vars(klass))
    for attr in dir(obj):
        if namespace is not None and attr in namespace:
            value = namespace[attr]
        elif isinstance(obj, ModuleType):
            value = None
        else:
            try:
                value = inspect.getattr_static(obj, attr)
            except AttributeError:
                continue
        spec = fixture_spec(value)
        if spec is None or value is None:
            continue
        # A static fixture is not bound to the test's instance and keeps its first parameter.
        static = is_static_fixture(value)
        if isinstance(value, staticmethod):
            value = value.__func__
            # Found all the same, but pytest warns about the order of the decorators.
            _warn_at(
                getattr(value, "__wrapped__", value),
                f"fixture {spec.name or attr!r} is wrapped by @staticmethod above @pytest.fixture; "
                "put @pytest.fixture on top",
            )
        func: Callable[..., Any] = value.__wrapped__
        if not static and not isinstance(obj, ModuleType | type) and not isinstance(func, classmethod):
            # A plugin object's method (``pluginmanager.register(Plugin())``): bound to that object,
            # as pytest binds it, so ``self`` is not a fixture to look up.
            func = func.__get__(obj)
        found.append(
            make_fixturedef(func, spec, attr, holder, config, in_class=in_class and not static, cls=obj)
        )
    return found


def make_fixturedef(
    func: Callable[..., Any],
    spec: FixtureSpec,
    attr: str,
    holder: Holder,
    config: Config,
    *,
    in_class: bool = False,
    cls: object = None,
) -> FixtureDef:
    name = spec.name or attr
    file, line = location_of(func)
    where = f"{file}:{line}"
    raw_scope = spec.scope
    if callable(raw_scope):
        raw_scope = raw_scope(fixture_name=name, config=config)
    try:
        scope = Scope.parse(raw_scope, f"Fixture '{name}' ({where})")
    except ValueError as exc:
        raise CollectionProblem(str(exc)) from None
    kind = func_kind(func)
    # Without pytest-asyncio in the run nothing drives an async fixture, however it was declared: pytest
    # fails the test that requests it. ``pytest_asyncio.fixture`` on a sync function is pytest-asyncio's
    # too: its loop is opened before it is set up and closed after its teardown (kopf's autouse check
    # for pending tasks reads the loops of the test's fixtures in its teardown).
    driven = config.asyncio_plugin and (
        spec.asyncio_declared or (kind.is_async and config.asyncio_mode == "auto")
    )
    loop_scope: LoopScope | None = None
    if driven:
        raw_loop = spec.loop_scope
        try:
            if raw_loop is not None:
                loop_scope = LoopScope.parse(raw_loop, f"Fixture '{name}' ({where})")
            else:
                loop_scope = config.default_fixture_loop_scope or LoopScope.of(scope)
        except ValueError as exc:
            raise CollectionProblem(str(exc)) from None
    return FixtureDef(
        name=name,
        func=func,
        holder=holder,
        scope=scope,
        kind=kind,
        argnames=argnames(
            func, name=attr, cls=cls if in_class and isinstance(cls, type) else None, is_method=in_class
        ),
        params=spec.params,
        ids=spec.ids,
        autouse=spec.autouse,
        loop_scope=loop_scope,
        asyncio_driven=driven,
        location=where,
        in_class=in_class,
    )


def module_marks(module: ModuleType) -> list[Mark]:
    return normalize_marks(getattr(module, "pytestmark", []))


def _is_test_function_name(name: str, config: Config) -> bool:
    return any(
        name.startswith(prefix) if "*" not in prefix else matches_any(name, (prefix,))
        for prefix in config.python_functions
    )


def _is_test_class_name(name: str, config: Config) -> bool:
    return any(
        name.startswith(prefix) if "*" not in prefix else matches_any(name, (prefix,))
        for prefix in config.python_classes
    )


def harvest_module(module: ModuleType, relpath: str, chain: tuple[Holder, ...], config: Config) -> Harvest:
    result = Harvest()
    holder = Holder(HolderKind.MODULE, relpath)
    result.fixtures.extend(xunit.module_fixtures(module, holder, relpath))
    result.fixtures.extend(harvest_fixtures(module, holder, config))
    mod_marks = module_marks(module)
    _harvest_namespace(module, vars(module), None, (), [*chain, holder], mod_marks, config, result, relpath)
    return result


def _harvest_namespace(
    module: ModuleType,
    namespace: dict[str, Any],
    cls: type | None,
    class_names: tuple[str, ...],
    chain: list[Holder],
    outer_marks: list[Mark],
    config: Config,
    result: Harvest,
    relpath: str,
    block: str | None = None,
) -> None:
    """``block``: the node id of the outermost describe block this namespace is in, if any."""
    for name, obj in list(namespace.items()):
        if cls is None and config.describe_prefixes and describe.is_block(obj, config.describe_prefixes):
            _harvest_block(module, obj, class_names, chain, outer_marks, config, result, relpath, block)
            continue
        if _safe_isclass(obj):
            # pytest-describe collects no classes inside a block.
            if block is None and _collectable_class(
                obj, name, config, result, "::".join((relpath, *class_names, name))
            ):
                _harvest_class(module, obj, name, class_names, chain, outer_marks, config, result, relpath)
            continue
        if not (describe.is_test_name(name) if block else _is_test_function_name(name, config)):
            continue
        _harvest_function(
            module, name, obj, cls, class_names, chain, outer_marks, config, result, relpath, block
        )


def _safe_isclass(obj: object) -> bool:
    """``inspect.isclass`` that says no instead of raising, as pytest's ``safe_isclass``: isinstance
    reads ``obj.__class__``, which a proxy (``flask.g`` outside an app context) forwards and raises on."""
    try:
        return inspect.isclass(obj)
    except Exception:
        return False


def _harvest_block(
    module: ModuleType,
    func: Any,
    class_names: tuple[str, ...],
    chain: list[Holder],
    outer_marks: list[Mark],
    config: Config,
    result: Harvest,
    relpath: str,
    block: str | None,
) -> None:
    """A pytest-describe block: its locals are harvested like a nested module."""
    names = (*class_names, func.__name__)
    where = "::".join((relpath, *names))
    try:
        namespace = describe.block_namespace(func)
    except Exception as exc:  # as in pytest, the block alone fails to collect
        result.errors.append((where, f"{qualified_name(type(exc))}: {exc}"))
        return
    as_module = ModuleType(func.__name__)
    vars(as_module).update(namespace)
    # pytest-describe registers a block's fixtures twice (as the block, then as the module it derives
    # from): a block fixture that requests its own name gets the block's other copy before the outer
    # definition. Two holders, one inside the other, give the same chain.
    holders = [Holder(HolderKind.MODULE, where), Holder(HolderKind.CLASS, where)]
    for holder in holders:
        result.fixtures.extend(harvest_fixtures(as_module, holder, config))
    marks = [*own_marks(func), *module_marks(as_module), *outer_marks]
    _harvest_namespace(
        module, namespace, None, names, [*chain, *holders], marks, config, result, relpath, block or where
    )


def _collectable_class(obj: Any, name: str, config: Config, result: Harvest, nodeid: str) -> bool:
    if not getattr(obj, "__test__", True):
        return False
    if is_unittest_case(obj) and config.unittest_plugin:
        return True
    # Without pytest's unittest plugin a TestCase is a class like any other: one named ``Test*`` is
    # refused below for the ``__init__`` it inherits, with pytest's collection warning.
    if not _is_test_class_name(name, config):
        return False
    parent = nodeid.rsplit("::", 1)[0]
    for method in ("__init__", "__new__"):
        if method == "__init__" and "__init__" not in _class_attrs(obj):
            continue
        if getattr(obj, method) is not getattr(object, method):
            text = (
                f"cannot collect test class {name!r} because it has a {method} constructor (from: {parent})"
            )
            result.warnings.append((nodeid, text, *_class_place(obj)))
            return False
    return True


def _class_place(cls: type) -> tuple[str | None, int | None]:
    """Where the class is defined: pytest's warning points there, also for a class a test module imports."""
    try:
        return inspect.getsourcefile(cls), inspect.getsourcelines(cls)[1]
    except (OSError, TypeError):
        return None, None


def _class_attrs(cls: type) -> set[str]:
    attrs: set[str] = set()
    for klass in cls.__mro__:
        if klass is not object:
            attrs.update(vars(klass))
    return attrs


def _harvest_class(
    module: ModuleType,
    cls: type,
    name: str,
    class_names: tuple[str, ...],
    chain: list[Holder],
    outer_marks: list[Mark],
    config: Config,
    result: Harvest,
    relpath: str,
) -> None:
    names = (*class_names, name)
    holder = Holder(HolderKind.CLASS, "::".join((relpath, *names)))
    where = f"{relpath}::{'::'.join(names)}"
    try:
        class_fixtures = harvest_fixtures(cls, holder, config, in_class=True)
    except Warning as exc:  # raised because the filters say "error": this class fails to collect
        result.errors.append((where, f"{qualified_name(type(exc))}: {exc}"))
        return
    if is_unittest_case(cls):
        result.fixtures.append(xunit.unittest_class_fixture(cls, holder, where))
        result.fixtures.extend(class_fixtures)
        _harvest_unittest(module, cls, names, [*chain, holder], outer_marks, result)
        return
    result.fixtures.extend(xunit.class_fixtures(cls, holder, where))
    result.fixtures.extend(class_fixtures)
    marks = [*class_marks(cls), *outer_marks]
    # Walk the MRO from the base classes down so inherited tests come first (pytest's order), each
    # name once, the most derived definition winning.
    namespaces: list[dict[str, Any]] = []
    seen: set[str] = set()
    for klass in cls.__mro__:
        if klass is object:
            continue
        own: dict[str, Any] = {}
        for attr, value in vars(klass).items():
            if attr in seen:
                continue
            seen.add(attr)
            own[attr] = value
        namespaces.append(own)
    for namespace in reversed(namespaces):
        _harvest_namespace(module, namespace, cls, names, [*chain, holder], marks, config, result, relpath)


def _is_test_function(obj: object) -> bool:
    """pytest's test for a callable named like a test: a function, or something that unwraps to one
    (``functools.wraps`` decorators, mock.patch, a ``functools.partial`` of a function). Other
    callables (a class instance with ``__call__``) are left out with a collection warning."""
    if inspect.isfunction(obj):
        return True
    try:
        real = inspect.unwrap(obj)  # type: ignore[arg-type]
    except ValueError:  # a __wrapped__ cycle
        return False
    if isinstance(real, functools.partial):
        real = real.func
    return inspect.isfunction(real)


def _harvest_function(
    module: ModuleType,
    name: str,
    obj: object,
    cls: type | None,
    class_names: tuple[str, ...],
    chain: list[Holder],
    outer_marks: list[Mark],
    config: Config,
    result: Harvest,
    relpath: str,
    block: str | None = None,
) -> None:
    raw = obj
    if isinstance(raw, staticmethod | classmethod):
        raw = raw.__func__
    if fixture_spec(raw) is not None:
        return
    if not callable(raw):
        return
    func: Any = raw
    if not _is_test_function(getattr(func, "__func__", func)):
        text = f"cannot collect {name!r} because it is not a function."
        result.warnings.append((relpath, text, None, None))
        return
    kind = func_kind(func)
    inner = getattr(getattr(func, "hypothesis", None), "inner_test", None)
    if inner is not None and inspect.iscoroutinefunction(inner):
        kind = FuncKind.COROUTINE  # @given on an async test: each example runs on the test's loop
    if kind is FuncKind.GENERATOR:
        raise CollectionProblem(f"'yield' keyword is allowed in fixtures, but not in tests ({name})")
    _, line = location_of(func)
    result.tests.append(
        TestDefinition(
            name=name,
            function=func,
            module=module,
            cls=cls,
            class_names=class_names,
            marks=tuple(own_marks(func)),
            outer_marks=tuple(outer_marks),
            holders=tuple(chain),
            lineno=line,
            kind=kind,
            argnames=argnames(func, name=name, cls=cls),
            module_key=block,
        )
    )


def _harvest_unittest(
    module: ModuleType,
    cls: type,
    names: tuple[str, ...],
    chain: list[Holder],
    outer_marks: list[Mark],
    result: Harvest,
) -> None:
    marks = [*class_marks(cls), *outer_marks]
    for method_name in _unittest_method_names(cls):
        func = getattr(cls, method_name)
        _, line = location_of(func)
        result.tests.append(
            TestDefinition(
                name=method_name,
                function=func,
                module=module,
                cls=cls,
                class_names=names,
                marks=tuple(own_marks(func)),
                outer_marks=tuple(marks),
                holders=tuple(chain),
                lineno=line,
                kind=FuncKind.FUNCTION,
                argnames=(),
                unittest_case=True,
            )
        )


def _unittest_method_names(cls: type) -> list[str]:
    """The tests of a TestCase, as pytest's UnitTestCase.collect finds them: unittest's loader's names
    less those set ``__test__ = False``, or else a ``runTest`` method alone (hypothesis's
    ``RuleBasedStateMachine.TestCase`` has nothing else), unless it is twisted.trial's default."""
    import unittest

    names = [
        name
        for name in unittest.TestLoader().getTestCaseNames(cls)
        if getattr(getattr(cls, name), "__test__", True)
    ]
    if names:
        return names
    run_test = getattr(cls, "runTest", None)
    trial = sys.modules.get("twisted.trial.unittest")
    if run_test is None or (trial is not None and run_test == trial.TestCase.runTest):
        return []
    return ["runTest"]


def _warn_at(func: Callable[..., Any], message: str) -> None:
    """A PytestWarning attributed to where ``func`` is defined."""
    import warnings

    from .._declare.pytest_warnings import PytestWarning

    code = getattr(inspect.unwrap(func), "__code__", None)
    if code is None:
        warnings.warn(message, PytestWarning, stacklevel=2)
        return
    warnings.warn_explicit(message, PytestWarning, code.co_filename, code.co_firstlineno)


def qualified_name(kind: type) -> str:
    """``pytest.PytestWarning``: a warning class as pytest names it in a collection error (and an
    outcome exception, ``Failed`` or ``_pytest.outcomes.Exit``)."""
    from .._declare.outcomes import Exit, OutcomeException, reported_name

    if issubclass(kind, (OutcomeException, Exit)):
        return reported_name(kind)
    module = "pytest" if kind.__module__.startswith("asynctestrun.") else kind.__module__
    return kind.__qualname__ if module == "builtins" else f"{module}.{kind.__qualname__}"
