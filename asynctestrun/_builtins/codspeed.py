"""Stands in for pytest-codspeed's plugin module: its options, marks, fixtures and ``--codspeed`` selection.

Where pytest-codspeed is installed, pytest gives every test a ``codspeed_benchmark`` fixture (and a
``benchmark`` one unless pytest-benchmark provides it) and registers the ``benchmark`` and
``codspeed_benchmark`` marks. The plugin is off unless ``--codspeed`` is given or ``$CODSPEED_ENV`` is
set (as on CodSpeed's runners); off, every test runs and a benchmarked function is a plain call.

On, only benchmarks run: tests that take either fixture or carry either mark; the rest are deselected.
The plugin then measures: it checks the mark's keywords, seeds ``random`` with 0 and runs the function
with the garbage collector off. asynctestrun does those three things, which a test can observe, and
measures nothing: the function runs once where the plugin repeats it for its rounds. With
pytest-benchmark installed too, the plugin turns pytest-benchmark's timing off and its own fixture
answers to ``benchmark`` (see ``benchmark.py``).

The plugin itself is not loaded (``_collect/plugins.py``): it times with a native library and rewrites
pytest's fixture table.
"""

from __future__ import annotations

import contextlib
import gc
import importlib.util
import os
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, TypeVar

from .._collect.hooks import set_hook_options
from .._declare.fixtures import fixture

_Hook = TypeVar("_Hook", bound=Callable[..., Any])

# The name the plugin registers its state under: conftests ask ``get_plugin("codspeed_plugin")``.
PLUGIN_NAME = "codspeed_plugin"
MARKS = ("codspeed_benchmark", "benchmark")
FIXTURES = ("benchmark", "codspeed_benchmark")
_MODES = ("simulation", "memory", "walltime")
# The keywords the plugin's mark takes; any other fails the test once it measures.
_MARK_KEYWORDS = ("group", "min_time", "max_time", "max_rounds")


@dataclass(frozen=True, slots=True)
class CodSpeedPlugin:
    """What the plugin settles at configure time (the attribute names are the plugin's)."""

    is_codspeed_enabled: bool
    mode: str
    disabled_plugins: tuple[str, ...]


def _hookimpl(**options: bool) -> Callable[[_Hook], _Hook]:
    """pytest's ``hookimpl`` options on a hook here, put where ``_collect/hooks.hook_option`` reads them."""

    def apply(hook: _Hook) -> _Hook:
        return set_hook_options(hook, options)

    return apply


def get_plugin(config: Any) -> CodSpeedPlugin | None:
    found = config.pluginmanager.get_plugin(PLUGIN_NAME)
    return found if isinstance(found, CodSpeedPlugin) else None


def enabled(config: Any) -> bool:
    plugin = get_plugin(config)
    return plugin is not None and plugin.is_codspeed_enabled


def pytest_addoption(parser: Any) -> None:
    group = parser.getgroup("CodSpeed benchmarking")
    group.addoption("--codspeed", action="store_true", default=False, help="enable codspeed")
    group.addoption("--codspeed-mode", action="store", choices=_MODES, help="the measurement tool")
    group.addoption("--codspeed-warmup-time", action="store", type=float, help="warm-up seconds (walltime)")
    group.addoption("--codspeed-max-time", action="store", type=float, help="most seconds (walltime)")
    group.addoption("--codspeed-max-rounds", action="store", type=int, help="most rounds (walltime)")


@_hookimpl(tryfirst=True)  # as the plugin's: before pytest-benchmark's configure reads benchmark_disable
def pytest_configure(config: Any) -> None:
    config.addinivalue_line("markers", "codspeed_benchmark: mark an entire test for codspeed benchmarking")
    config.addinivalue_line("markers", "benchmark: mark an entire test for codspeed benchmarking")
    on_runner = os.environ.get("CODSPEED_ENV") is not None
    is_enabled = bool(config.getoption("codspeed", False)) or on_runner
    disabled: tuple[str, ...] = ()
    if is_enabled and importlib.util.find_spec("pytest_benchmark") is not None:
        # The plugin turns pytest-benchmark's timing off (so --benchmark-only is then a usage error,
        # as under pytest) and takes its ``benchmark`` fixture over.
        config.option.benchmark_disable = True
        disabled = ("pytest-benchmark",)
    plugin = CodSpeedPlugin(is_enabled, config.getoption("codspeed_mode", None) or _default_mode(), disabled)
    config.pluginmanager.register(plugin, PLUGIN_NAME)


def _default_mode() -> str:
    if os.environ.get("CODSPEED_ENV") is None:
        return "walltime"
    runner_mode = os.environ.get("CODSPEED_RUNNER_MODE")
    return runner_mode if runner_mode in ("walltime", "memory") else "simulation"


def is_benchmark(item: Any) -> bool:
    return _takes_fixture(item) or any(item.get_closest_marker(name) is not None for name in MARKS)


def _takes_fixture(item: Any) -> bool:
    names = getattr(item, "fixturenames", ())
    return any(name in names for name in FIXTURES)


@_hookimpl(trylast=True)  # as the plugin's: after -k / -m and conftest hooks have selected
def pytest_collection_modifyitems(config: Any, items: list[Any]) -> None:
    if not enabled(config):
        return
    selected: list[Any] = []
    deselected: list[Any] = []
    for item in items:
        (selected if is_benchmark(item) else deselected).append(item)
    config.hook.pytest_deselected(items=deselected)
    items[:] = selected


@_hookimpl(hookwrapper=True)
def pytest_runtest_call(item: Any) -> Iterator[None]:
    """A test benchmarked by its mark alone is measured whole, its call inside the measurement."""
    if not enabled(item.config) or _takes_fixture(item) or not is_benchmark(item):
        yield
        return
    with measuring(item):
        yield


@contextlib.contextmanager
def measuring(node: Any) -> Iterator[None]:
    """What the plugin does around a measured function that the function can observe."""
    _check_mark(node)
    random.seed(0)
    was_enabled = gc.isenabled()
    if was_enabled:
        gc.collect()
        gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _check_mark(node: Any) -> None:
    mark = next((m for name in MARKS if (m := node.get_closest_marker(name)) is not None), None)
    if mark is None:
        return
    if mark.args:
        raise ValueError("Positional arguments are not allowed in the benchmark marker")
    unknown = sorted(set(mark.kwargs) - set(_MARK_KEYWORDS))
    if unknown:
        raise ValueError("Unknown kwargs passed to benchmark marker: " + ", ".join(unknown))


class BenchmarkFixture:
    """The plugin's fixture: ``benchmark(func, *args, **kwargs)`` (or ``@benchmark``) and
    ``benchmark.pedantic(...)`` return what the function returns; one use per test."""

    def __init__(self, node: Any, measured: bool) -> None:
        self.extra_info: dict[str, Any] = {}
        self._node = node
        self._measured = measured
        self._called = False

    def __call__(self, target: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        self._use()
        if not self._measured:
            return target(*args, **kwargs)
        with measuring(self._node):
            return target(*args, **kwargs)

    def pedantic(
        self,
        target: Callable[..., Any],
        args: tuple[Any, ...] = (),
        kwargs: dict[str, Any] | None = None,
        setup: Callable[..., Any] | None = None,
        teardown: Callable[..., Any] | None = None,
        rounds: int = 1,
        warmup_rounds: int = 0,
        iterations: int = 1,
    ) -> Any:
        self._use()
        # The plugin checks these whether it measures or not.
        if rounds < 0:
            raise ValueError("rounds must be positive")
        if warmup_rounds < 0:
            raise ValueError("warmup_rounds must be non-negative")
        if iterations <= 0:
            raise ValueError("iterations must be positive")
        if iterations > 1 and setup is not None:
            raise ValueError("setup cannot be used with multiple iterations, use multiple rounds")
        kwargs = kwargs or {}
        with measuring(self._node) if self._measured else contextlib.nullcontext():
            if setup is not None:
                # Unlike pytest-benchmark's, the plugin's setup gets the arguments.
                made = setup(*args, **kwargs)
                if made is not None:
                    if args or kwargs:
                        raise ValueError("setup cannot return a value when args are provided")
                    args, kwargs = made
            result = target(*args, **kwargs)
            if teardown is not None:
                teardown(*args, **kwargs)
            return result

    def _use(self) -> None:
        if self._called:
            raise RuntimeError("The benchmark fixture can only be used once per test")
        self._called = True


@fixture
def codspeed_benchmark(request: Any) -> BenchmarkFixture:
    return BenchmarkFixture(request.node, enabled(request.config))


if importlib.util.find_spec("pytest_benchmark") is None:
    # pytest-benchmark's own ``benchmark`` wins where it is installed (the plugin defines none then).

    @fixture
    def benchmark(codspeed_benchmark: BenchmarkFixture) -> BenchmarkFixture:
        return codspeed_benchmark
