"""The bare floor: run a generated suite with no test framework at all.

Usage::

    python benchmarks/floor.py SUITE_DIR

What a runner cannot avoid doing, done as plainly as possible, so the benchmark can say how far a
runner is from it. ``pytest`` and ``pytest_asyncio`` are replaced by minimal stand-ins whose
decorators only record what they were given, so the test modules under ``SUITE_DIR/tests`` import.
Then every test is driven directly:

* a sync test is called;
* an async test gets ``loop = asyncio.new_event_loop(); loop.run_until_complete(coro); loop.close()``;
* fixtures are called naively for every test, whatever their declared scope (no caching, no loop
  scopes): async ones on the test's own loop, generator ones advanced once for setup and once more for
  teardown in reverse order;
* ``@pytest.mark.parametrize`` marks and ``params=`` fixtures are expanded as a cartesian product.

It supports exactly what ``benchmarks/generate.py`` writes, nothing more. It prints
``N passed, N failed`` and exits 1 if any test failed.
"""

from __future__ import annotations

import argparse
import asyncio
import importlib
import inspect
import itertools
import sys
import time
import traceback
import types
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FIXTURE_ATTR = "_floor_fixture"
MARKS_ATTR = "_floor_marks"


@dataclass(frozen=True, slots=True)
class Mark:
    """A mark as recorded by the stand-in ``pytest.mark``."""

    name: str
    args: tuple[Any, ...] = ()
    kwargs: dict[str, Any] = field(default_factory=dict)


class MarkDecorator:
    """``pytest.mark.NAME`` and ``pytest.mark.NAME(...)``: records a Mark on what it decorates."""

    def __init__(self, mark: Mark) -> None:
        self.mark = mark

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        if len(args) == 1 and not kwargs and callable(args[0]):
            target = args[0]
            marks = list(getattr(target, MARKS_ATTR, ()))
            marks.append(self.mark)
            setattr(target, MARKS_ATTR, marks)
            return target
        return MarkDecorator(Mark(self.mark.name, args, kwargs))


class MarkGenerator:
    """``pytest.mark``: any attribute is a mark decorator."""

    def __getattr__(self, name: str) -> MarkDecorator:
        return MarkDecorator(Mark(name))


def fixture(fn: Callable[..., Any] | None = None, **options: Any) -> Any:
    """``pytest.fixture`` / ``pytest_asyncio.fixture``: records the options on the function."""

    def apply(target: Callable[..., Any]) -> Callable[..., Any]:
        setattr(target, FIXTURE_ATTR, options)
        return target

    return apply(fn) if fn is not None else apply


def install_stand_ins() -> None:
    """Make ``import pytest`` and ``import pytest_asyncio`` give the stand-ins."""
    pytest_module = types.ModuleType("pytest")
    pytest_module.fixture = fixture  # type: ignore[attr-defined]
    pytest_module.mark = MarkGenerator()  # type: ignore[attr-defined]
    asyncio_module = types.ModuleType("pytest_asyncio")
    asyncio_module.fixture = fixture  # type: ignore[attr-defined]
    sys.modules["pytest"] = pytest_module
    sys.modules["pytest_asyncio"] = asyncio_module


@dataclass(frozen=True, slots=True)
class FloorTest:
    """One test call: a function, its parametrize values and params-fixture values."""

    nodeid: str
    func: Callable[..., Any]
    params: dict[str, Any]
    fixture_params: dict[str, Any]


def fixtures_of(namespace: dict[str, Any]) -> dict[str, Callable[..., Any]]:
    """The fixture functions defined in a module namespace, by name."""
    return {name: obj for name, obj in namespace.items() if callable(obj) and hasattr(obj, FIXTURE_ATTR)}


def arg_names(func: Callable[..., Any]) -> list[str]:
    """Parameter names, without ``self`` for bound methods (inspect.signature drops it)."""
    return list(inspect.signature(func).parameters)


def parametrize_sets(func: Callable[..., Any]) -> list[dict[str, Any]]:
    """The cartesian product of the function's parametrize marks, as argument dicts."""
    axes: list[list[dict[str, Any]]] = []
    for mark in getattr(func, MARKS_ATTR, ()):
        if mark.name != "parametrize":
            continue
        names = (
            [n.strip() for n in mark.args[0].split(",")] if isinstance(mark.args[0], str) else mark.args[0]
        )
        values = mark.args[1]
        if len(names) == 1:
            axes.append([{names[0]: v} for v in values])
        else:
            axes.append([dict(zip(names, v, strict=True)) for v in values])
    sets = []
    for combo in itertools.product(*axes):
        merged: dict[str, Any] = {}
        for part in combo:
            merged.update(part)
        sets.append(merged)
    return sets


def closure(names: list[str], fixtures: dict[str, Callable[..., Any]], given: dict[str, Any]) -> list[str]:
    """Every fixture name reachable from ``names`` (parametrized arguments are not fixtures)."""
    seen: list[str] = []
    stack = [n for n in names if n not in given]
    while stack:
        name = stack.pop()
        if name in seen or name == "request":
            continue
        seen.append(name)
        stack.extend(n for n in arg_names(fixtures[name]) if n not in given)
    return seen


def expand(
    nodeid: str, func: Callable[..., Any], fixtures: dict[str, Callable[..., Any]]
) -> Iterator[FloorTest]:
    """Every call of one test function: parametrize marks x params= fixtures."""
    for params in parametrize_sets(func):
        needed = closure(arg_names(func), fixtures, params)
        param_axes = [
            [(name, value) for value in getattr(fixtures[name], FIXTURE_ATTR)["params"]]
            for name in needed
            if getattr(fixtures[name], FIXTURE_ATTR).get("params") is not None
        ]
        for combo in itertools.product(*param_axes):
            ids = [str(v) for v in params.values()] + [str(v) for _, v in combo]
            suffix = f"[{'-'.join(ids)}]" if ids else ""
            yield FloorTest(nodeid + suffix, func, params, dict(combo))


class FixtureCalls:
    """Fixture values for one test call, set up naively and torn down in reverse."""

    def __init__(
        self, fixtures: dict[str, Callable[..., Any]], test: FloorTest, loop: asyncio.AbstractEventLoop | None
    ) -> None:
        self.fixtures = fixtures
        self.test = test
        self.loop = loop
        self.values: dict[str, Any] = dict(test.params)
        self.teardowns: list[Callable[[], None]] = []

    def value(self, name: str) -> Any:
        """The value of one fixture (or parametrized argument), setting it up on first use."""
        if name in self.values:
            return self.values[name]
        func = self.fixtures[name]
        kwargs: dict[str, Any] = {}
        for arg in arg_names(func):
            if arg == "request":
                kwargs[arg] = types.SimpleNamespace(param=self.test.fixture_params.get(name))
            else:
                kwargs[arg] = self.value(arg)
        if inspect.isasyncgenfunction(func):
            assert self.loop is not None
            agen = func(**kwargs)
            value = self.loop.run_until_complete(agen.__anext__())
            self.teardowns.append(lambda: self._finish_async(agen))
        elif inspect.iscoroutinefunction(func):
            assert self.loop is not None
            value = self.loop.run_until_complete(func(**kwargs))
        elif inspect.isgeneratorfunction(func):
            gen = func(**kwargs)
            value = next(gen)
            self.teardowns.append(lambda: self._finish_sync(gen))
        else:
            value = func(**kwargs)
        self.values[name] = value
        return value

    def _finish_async(self, agen: Any) -> None:
        assert self.loop is not None
        try:
            self.loop.run_until_complete(agen.__anext__())
        except StopAsyncIteration:
            return
        raise RuntimeError("async generator fixture yielded twice")

    @staticmethod
    def _finish_sync(gen: Any) -> None:
        try:
            next(gen)
        except StopIteration:
            return
        raise RuntimeError("generator fixture yielded twice")

    def teardown(self) -> None:
        """Finish generator fixtures, last set up first."""
        while self.teardowns:
            self.teardowns.pop()()


def needs_loop(test: FloorTest, fixtures: dict[str, Callable[..., Any]]) -> bool:
    """Whether the test or any fixture it uses is async."""
    if inspect.iscoroutinefunction(test.func):
        return True
    names = closure(arg_names(test.func), fixtures, test.params)
    return any(
        inspect.iscoroutinefunction(fixtures[n]) or inspect.isasyncgenfunction(fixtures[n]) for n in names
    )


def run_one(test: FloorTest, fixtures: dict[str, Callable[..., Any]]) -> None:
    """Set up fixtures, call the test (on a fresh loop if async), tear down, close the loop."""
    loop = asyncio.new_event_loop() if needs_loop(test, fixtures) else None
    calls = FixtureCalls(fixtures, test, loop)
    try:
        kwargs = {name: calls.value(name) for name in arg_names(test.func)}
        result = test.func(**kwargs)
        if inspect.iscoroutine(result):
            assert loop is not None
            loop.run_until_complete(result)
        calls.teardown()
    finally:
        if loop is not None:
            loop.close()


def module_tests(module: types.ModuleType, relpath: str) -> Iterator[tuple[str, Callable[..., Any]]]:
    """Test functions and test-class methods (bound to a fresh instance each), in definition order."""
    for name, obj in list(vars(module).items()):
        if name.startswith("test") and inspect.isfunction(obj) and not hasattr(obj, FIXTURE_ATTR):
            yield f"{relpath}::{name}", obj
        elif name.startswith("Test") and inspect.isclass(obj):
            for method_name, method in vars(obj).items():
                if method_name.startswith("test") and inspect.isfunction(method):
                    # Bind now to get the signature without self; a fresh instance per call below.
                    yield f"{relpath}::{name}::{method_name}", _per_call_method(obj, method_name)


def _per_call_method(cls: type, name: str) -> Callable[..., Any]:
    """A callable with the method's signature and marks that binds a fresh instance on each call."""
    bound = getattr(cls(), name)
    call: Callable[..., Any]
    if inspect.iscoroutinefunction(bound):
        # An async wrapper, so the test still looks async (inspect.markcoroutinefunction is 3.12+).
        async def call(**kwargs: Any) -> Any:
            return await getattr(cls(), name)(**kwargs)

    else:

        def call(**kwargs: Any) -> Any:
            return getattr(cls(), name)(**kwargs)

    setattr(call, "__signature__", inspect.signature(bound))  # noqa: B010 - mypy: not a function attribute
    setattr(call, MARKS_ATTR, getattr(bound, MARKS_ATTR, ()))
    return call


def run_suite(suite_dir: Path) -> tuple[int, int]:
    """Import the suite's modules and run every test; returns (passed, failed)."""
    tests_dir = suite_dir / "tests"
    install_stand_ins()
    sys.path.insert(0, str(tests_dir))
    conftest = importlib.import_module("conftest")
    shared = fixtures_of(vars(conftest))
    passed = failed = 0
    for path in sorted(tests_dir.glob("test_*.py")):
        module = importlib.import_module(path.stem)
        fixtures = {**shared, **fixtures_of(vars(module))}
        for nodeid, func in module_tests(module, f"tests/{path.name}"):
            for test in expand(nodeid, func, fixtures):
                try:
                    run_one(test, fixtures)
                except Exception:
                    failed += 1
                    print(f"FAILED {test.nodeid}\n{traceback.format_exc()}")
                else:
                    passed += 1
    return passed, failed


def main(argv: list[str] | None = None) -> int:
    """Entry point: run the suite, print the counts, exit 1 on any failure."""
    parser = argparse.ArgumentParser(description="Run a generated suite with no framework.")
    parser.add_argument("suite_dir", type=Path)
    args = parser.parse_args(argv)
    start = time.perf_counter()
    passed, failed = run_suite(args.suite_dir.resolve())
    print(f"{passed} passed, {failed} failed in {time.perf_counter() - start:.2f}s")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
