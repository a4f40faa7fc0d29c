"""Stands in for pytest-benchmark's plugin: a ``benchmark`` fixture that runs once.

Where the plugin is installed, a test takes ``benchmark`` and calls ``benchmark(func, *args)`` or
``benchmark.pedantic(func, ...)``, then checks what the function returned. Under pytest the function
runs for many rounds and statistics are printed; asynctestrun measures nothing and runs it once, as
pytest-benchmark does under ``--benchmark-disable``, so the test passes or fails as it does under
pytest without the timing. ``--benchmark-skip`` and ``--benchmark-only`` skip tests as the plugin does.
The plugin itself is not loaded (``_collect/plugins.py``): it reaches deep into pytest. pytest-codspeed's
stand-in is ``codspeed.py``: switched on, it answers for ``benchmark`` in this one's place.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from .._declare.fixtures import fixture
from .._model.marks import Mark


class FixtureAlreadyUsed(Exception):
    """The fixture was used twice in one test (pytest-benchmark allows one use)."""


class BenchmarkFixture:
    def __init__(self, name: str, fullname: str, group: str | None) -> None:
        self.name = name
        self.fullname = fullname
        self.group = group
        self.extra_info: dict[str, Any] = {}
        self.stats: Any = None
        self.disabled = True
        self.has_error = False
        self._mode: str | None = None
        self._cleanups: list[Callable[[], object]] = []

    @property
    def enabled(self) -> bool:
        return not self.disabled

    def __call__(self, function: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        self._use("benchmark(...)")
        return function(*args, **kwargs)

    def pedantic(
        self,
        target: Callable[..., Any],
        args: tuple[Any, ...] = (),
        kwargs: dict[str, Any] | None = None,
        setup: Callable[[], Any] | None = None,
        teardown: Callable[..., Any] | None = None,
        rounds: int = 1,
        warmup_rounds: int = 0,
        iterations: int = 1,
    ) -> Any:
        self._use("benchmark.pedantic(...)")
        # The plugin's own argument checks, so a test that relies on them fails the same way.
        if not isinstance(iterations, int) or iterations < 1:
            raise ValueError("`iterations` must be a positive int")
        if not isinstance(rounds, int) or rounds < 1:
            raise ValueError("`rounds` must be a positive int")
        if not isinstance(warmup_rounds, int) or warmup_rounds < 0:
            raise ValueError("`warmup_rounds` must be a non-negative int")
        if iterations > 1 and setup is not None:
            raise ValueError("`iterations` above 1 cannot be combined with a `setup` function")
        kwargs = kwargs or {}
        if setup is not None:
            made = setup()
            if made:
                if args or kwargs:
                    raise TypeError("`args` / `kwargs` cannot be given when `setup` returns the arguments")
                args, kwargs = made
        result = target(*args, **kwargs)
        if teardown is not None:
            teardown(*args, **kwargs)
        return result

    def weave(self, target: Any, **kwargs: Any) -> None:
        """Benchmark every call of ``target`` during the test: with aspectlib, as the plugin does."""
        import aspectlib  # type: ignore[import-not-found]

        def aspect(function: Callable[..., Any]) -> Callable[..., Any]:
            def wrapper(*args: Any, **kw: Any) -> Any:
                return function(*args, **kw)

            return wrapper

        self._cleanups.append(aspectlib.weave(target, aspect, **kwargs).rollback)

    def _use(self, mode: str) -> None:
        if self._mode is not None:
            self.has_error = True
            raise FixtureAlreadyUsed(
                f"the benchmark fixture is used once per test; it was already used as {self._mode}"
            )
        self._mode = mode

    def _cleanup(self) -> None:
        while self._cleanups:
            self._cleanups.pop()()


@fixture
def benchmark(request: Any) -> Iterator[Any]:
    from .codspeed import enabled as codspeed_enabled

    if codspeed_enabled(request.config):
        # pytest-codspeed, installed too and switched on, puts its own fixture in this one's place.
        yield request.getfixturevalue("codspeed_benchmark")
        return
    marker = request.node.get_closest_marker("benchmark")
    group = marker.kwargs.get("group") if marker is not None else None
    made = BenchmarkFixture(request.node.name, request.node.nodeid, group)
    yield made
    made._cleanup()


@fixture
def benchmark_weave(benchmark: BenchmarkFixture) -> Callable[..., None]:
    return benchmark.weave


def pytest_configure(config: Any) -> None:
    from .._config.config import ConfigError

    if config.getoption("benchmark_only", False) and config.getoption("benchmark_disable", False):
        raise ConfigError("--benchmark-only and --benchmark-disable cannot be used together")


def pytest_collection_modifyitems(config: Any, items: list[Any]) -> None:
    skip_benchmarks = bool(config.getoption("benchmark_skip", False))
    only_benchmarks = bool(config.getoption("benchmark_only", False))
    if not (skip_benchmarks or only_benchmarks):
        return
    for item in items:
        if "benchmark" in item.fixturenames:
            if skip_benchmarks:
                item.add_marker(Mark("skip", (), {"reason": "Skipping benchmark (--benchmark-skip active)."}))
        elif only_benchmarks:
            item.add_marker(Mark("skip", (), {"reason": "Skipping non-benchmark (--benchmark-only active)."}))
