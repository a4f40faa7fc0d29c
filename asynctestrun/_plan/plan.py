"""Building the RunPlan: per test, the event loop it runs on and the errors found before running.

Pure: nothing here runs user code. A missing fixture, a dependency cycle, an invalid ``loop_scope``,
or an async fixture whose loop scope is narrower than its caching scope becomes a ``setup_error`` on
the affected tests, reported as a setup error (pytest's outcome for the same problems) but with a
message naming the test, the fixture and the scopes involved.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .._config.config import Config
from .._model.items import FixtureDef, FuncKind, TestItem
from .._model.scopes import LoopScope
from .closure import PSEUDO_FIXTURES
from .registry import FixtureRegistry


@dataclass(frozen=True, slots=True)
class PlannedTest:
    item: TestItem
    driven: bool  # an async test the runner drives on an event loop
    loop_scope: LoopScope | None
    setup_error: str | None = None
    # Set when the setup error is this fixture being not found: it is raised when set-up reaches the
    # fixture, as in pytest, so a fixture set up before it may still skip the test.
    missing_fixture: str | None = None
    warnings: tuple[str, ...] = ()
    anyio: bool = False  # run on anyio's test runner (the test uses the anyio_backend fixture)
    # The setup error is pytest's FixtureLookupError (a fixture not found, a recursive dependency):
    # its summary line names the problem, not the exception (_execute/testcall.py's _LookupFailed).
    lookup_error: bool = False


@dataclass(frozen=True, slots=True)
class RunPlan:
    tests: tuple[PlannedTest, ...]

    def __repr__(self) -> str:
        return f"<RunPlan of {len(self.tests)} tests>"  # short, as TestItem's (the runner's frames hold it)


def is_asyncio_marked(item: TestItem) -> bool:
    return item.get_closest_marker("asyncio") is not None


def claimed_by_asyncio(item: TestItem, config: Config) -> bool:
    """Whether pytest-asyncio runs the test: an async test it is enabled for, marked or in auto mode.
    Without pytest-asyncio (disabled in this run) nothing drives an async test: it fails unrun."""
    is_async = item.kind in (FuncKind.COROUTINE, FuncKind.ASYNC_GENERATOR)
    return config.asyncio_plugin and is_async and (is_asyncio_marked(item) or config.asyncio_mode == "auto")


def test_loop_scope(item: TestItem, config: Config) -> tuple[LoopScope | None, str | None]:
    """The loop scope of a test from its ``asyncio`` mark or the configured default; or an error."""
    mark = item.get_closest_marker("asyncio")
    if mark is None:
        return config.default_test_loop_scope, None
    if mark.args:
        return None, (
            f"{item.nodeid}: mark.asyncio takes keyword arguments only (loop_scope=...), got {mark.args!r}"
        )
    raw = mark.kwargs.get("loop_scope", mark.kwargs.get("scope"))
    if "loop_scope" in mark.kwargs and "scope" in mark.kwargs:
        return None, f"{item.nodeid}: mark.asyncio got both loop_scope and scope; use loop_scope only"
    if raw is None:
        return config.default_test_loop_scope, None
    try:
        return LoopScope.parse(raw, f"{item.nodeid}: mark.asyncio(loop_scope=...)"), None
    except ValueError as exc:
        return None, str(exc)


def build_plan(
    items: Sequence[TestItem], registry: FixtureRegistry, config: Config, failed_plugins: Sequence[str] = ()
) -> RunPlan:
    planned: list[PlannedTest] = []
    for item in items:
        planned.append(plan_one(item, registry, config, failed_plugins))
    return RunPlan(tuple(planned))


def plan_one(
    item: TestItem, registry: FixtureRegistry, config: Config, failed_plugins: Sequence[str] = ()
) -> PlannedTest:
    warnings: list[str] = []
    driven = claimed_by_asyncio(item, config)
    # anyio's plugin runs the test, not a suite's own anyio_backend fixture: without it (``-p no:anyio``)
    # the test is an async test like any other. A test pytest-asyncio claims (an asyncio mark, or any
    # async test in auto mode) is not anyio's, whatever its anyio_backend: pytest-asyncio swaps the test
    # function for a sync one that runs it on its own loop before anyio's call hook looks for a
    # coroutine, so a [trio] test of an auto-mode suite runs on asyncio under pytest. Its async fixtures
    # stay anyio's (anyio_backend_requested in _execute/fixtures.py): anyio wraps those first.
    anyio_backend = config.anyio_plugin and item.uses("anyio_backend")
    anyio = anyio_backend and item.kind is FuncKind.COROUTINE and not driven
    loop_scope: LoopScope | None = None
    error: str | None = None
    if driven:
        # pytest-asyncio reads the mark of the async tests it runs only: on a sync test a bad
        # ``mark.asyncio(...)`` is just a mark with no effect (a warning when the test runs).
        loop_scope, error = test_loop_scope(item, config)
    missing: str | None = None
    if error is None:
        missing, error = _missing_fixture(item, registry)
        if error is not None and failed_plugins:
            error += "\n" + "\n".join(
                f">       note: {reason} (if the fixture comes from that plugin, this is why)"
                for reason in failed_plugins
            )
    lookup_error = error is not None and missing is not None
    if error is None:
        error = _cycle(item, registry)
        lookup_error = error is not None
    if error is None:
        for name in item.fixturenames:
            fixturedef = _resolved(item, name)
            if fixturedef is None or fixturedef.loop_scope is None:
                continue
            if anyio_backend and fixturedef.kind.is_async:
                continue  # run on anyio's runner, which has no loop scopes
            if fixturedef.loop_scope.narrower_than(fixturedef.scope):
                error = (
                    f"{item.nodeid}: fixture '{name}' ({fixturedef.location}) is cached for the "
                    f"{fixturedef.scope.value} scope but runs on a "
                    f"{fixturedef.loop_scope.value}-scoped event "
                    f"loop, which is closed before the fixture's value is dropped.\nGive it "
                    f'loop_scope="{fixturedef.scope.value}" (or wider), or make its scope '
                    f'"{fixturedef.loop_scope.value}".'
                )
                break
            if (
                driven
                and loop_scope is not None
                and fixturedef.kind.is_async
                and fixturedef.loop_scope is not loop_scope
            ):
                warnings.append(
                    f"{item.nodeid} runs on a {loop_scope.value}-scoped event loop but its async fixture "
                    f"'{name}' ({fixturedef.location}) runs on a {fixturedef.loop_scope.value}-scoped loop: "
                    "objects bound to one loop (futures, locks, connections) fail on the other"
                )
    return PlannedTest(
        item, driven, loop_scope if driven else None, error, missing, tuple(warnings), anyio, lookup_error
    )


def _resolved(item: TestItem, name: str) -> FixtureDef | None:
    defs = item.fixturedefs.get(name)
    return defs[-1] if defs else None


def _missing_fixture(item: TestItem, registry: FixtureRegistry) -> tuple[str | None, str | None]:
    """The first fixture of the test's closure that nothing defines, and its error."""
    direct = {n for n in item.callspec.params if item.callspec.is_direct(n)}
    for name in item.fixturenames:
        if name in PSEUDO_FIXTURES or name in direct or name in item.fixturedefs:
            continue
        chain = [d.func for d in requesting_chain(item, name)]
        return name, lookup_error_report(item, chain, f"fixture '{name}' not found", registry)
    return None, None


def lookup_error_report(
    item: TestItem, chain: Sequence[object], problem: str, registry: FixtureRegistry
) -> str:
    """pytest's layout for a fixture that cannot be provided: who asked (the test, then each fixture
    down to the one in trouble, with their definitions' first lines), the problem on an ``E`` line,
    the fixtures there are, and where the last requester is defined."""
    functions = [item.function, *chain]
    available = ", ".join(n for n in registry.names(item.holders) if not n.startswith("_"))
    headers = [line for func in functions for line in _definition_header(func)]
    filename, lineno = _definition_site(functions[-1])
    return (
        "\n".join(headers) + f"\nE       {problem}\n"
        f">       available fixtures: {available}\n"
        ">       use 'asynctestrun --fixtures [testpath]' for help on them.\n"
        f"\n{filename}:{lineno}"
    )


def requesting_chain(item: TestItem, name: str) -> list[FixtureDef]:
    """The fixtures from the test down to the one asking for ``name`` (empty when the test does)."""
    if name in item.argnames:
        return []
    stack: list[list[FixtureDef]] = [[defs[-1]] for n in item.argnames if (defs := item.fixturedefs.get(n))]
    stack.extend([defs[-1]] for n in item.fixturenames if (defs := item.fixturedefs.get(n)))
    seen: set[int] = set()
    while stack:
        path = stack.pop(0)
        current = path[-1]
        if id(current) in seen:
            continue
        seen.add(id(current))
        if name in current.argnames:
            return path
        for argname in current.argnames:
            defs = item.fixturedefs.get(argname)
            if defs and defs[-1] is not current:
                stack.append([*path, defs[-1]])
    return []


def _definition_site(func: object) -> tuple[str, int]:
    code = getattr(inspect.unwrap(func), "__code__", None)  # type: ignore[arg-type]
    if code is None:
        return "?", 0
    return code.co_filename, code.co_firstlineno


def _definition_header(func: object) -> list[str]:
    """``file F, line N`` and the function's first lines up to its ``def`` (decorators included),
    pytest's way of showing who requested a missing fixture."""
    filename, lineno = _definition_site(func)
    header = [f"file {filename}, line {lineno}"]
    try:
        lines, _ = inspect.getsourcelines(inspect.unwrap(func))  # type: ignore[arg-type]
    except (OSError, TypeError):
        return header
    for line in lines:
        header.append(("  " + line).rstrip())  # a blank line of the source stays empty, as pytest prints it
        if line.strip().startswith("def"):
            break
    return header


def _cycle(item: TestItem, registry: FixtureRegistry) -> str | None:
    """A fixture that depends on itself through other fixtures (an override asking for the outer
    definition of its own name is not a cycle)."""

    def deps(fixturedef: FixtureDef) -> Iterable[FixtureDef]:
        for argname in fixturedef.argnames:
            defs = item.fixturedefs.get(argname, ())
            if not defs:
                continue
            if argname == fixturedef.name:
                index = defs.index(fixturedef) if fixturedef in defs else 0
                if index > 0:
                    yield defs[index - 1]
                    continue
                return
            yield defs[-1]

    for name in item.fixturenames:
        start = _resolved(item, name)
        if start is None:
            continue
        stack: list[tuple[FixtureDef, list[FixtureDef]]] = [(start, [start])]
        while stack:
            current, path = stack.pop()
            for dep in deps(current):
                if dep in path:
                    names = " -> ".join(d.name for d in [*path[path.index(dep) :], dep])
                    return lookup_error_report(
                        item,
                        [d.func for d in path],
                        f"recursive dependency involving fixture '{dep.name}' detected: {names}",
                        registry,
                    )
                if len(path) < 50:
                    stack.append((dep, [*path, dep]))
        # A self-request with no outer definition.
        if name in start.argnames and len(item.fixturedefs.get(name, ())) == 1:
            return f"recursive dependency involving fixture '{name}' detected"
    return None
