"""Running a test again and again, as box/flaky's plugin does where it is installed.

Which tests: a test function (or its class) decorated with flaky's ``@flaky``, which leaves
``_flaky_max_runs``, ``_flaky_min_passes`` and ``_flaky_rerun_filter`` on it; one marked
``@pytest.mark.flaky(max_runs, min_passes, rerun_filter)``; and under ``--force-flaky`` every other test
(``--max-runs``, ``--min-passes``). Defaults: two runs, one pass.

When: after each run, judged on its set-up and call (a teardown error does not count, as in the
plugin). A pass counts towards ``min_passes``; the test runs again until it has them. A failure runs
it again when the passes still needed fit in the runs left and the rerun filter (``filter(err, name,
test, plugin)``) agrees. A skip ends it. The last run is the one reported: unlike
pytest-rerunfailures, the earlier runs leave no trace in the results ("R"), as under the plugin.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from .._model.outcomes import Phase, PhaseOutcome, PhaseResult
from .reruns import Failure

DEFAULT_MAX_RUNS = 2
DEFAULT_MIN_PASSES = 1


@dataclass
class FlakySettings:
    """The run-wide options of the plugin."""

    force: bool = False
    max_runs: int = DEFAULT_MAX_RUNS
    min_passes: int = DEFAULT_MIN_PASSES

    @classmethod
    def from_config(cls, config: Any) -> FlakySettings:
        return cls(
            force=bool(config.getoption("force_flaky", False)),
            max_runs=int(config.getoption("max_runs", DEFAULT_MAX_RUNS) or DEFAULT_MAX_RUNS),
            min_passes=int(config.getoption("min_passes", DEFAULT_MIN_PASSES) or DEFAULT_MIN_PASSES),
        )

    def policy_for(self, node: Any) -> FlakyPolicy | None:
        """How ``node``'s test is rerun, or None when it is not flaky."""
        found = _declared(node)
        if found is None:
            if not self.force:
                return None
            found = (self.max_runs, self.min_passes, None)
        max_runs, min_passes, rerun_filter = found
        if min_passes <= 0:
            raise ValueError("min_passes must be positive")
        if max_runs < min_passes:
            raise ValueError("min_passes cannot be greater than max_runs!")
        return FlakyPolicy(node, max_runs, min_passes, rerun_filter)


def _declared(node: Any) -> tuple[int, int, Callable[..., Any] | None] | None:
    """What ``@flaky`` left on the test function or its class, else the ``flaky`` mark's arguments."""
    function = getattr(node, "function", None)
    for owner in (function, getattr(node, "cls", None)):
        if owner is not None and getattr(owner, "_flaky_max_runs", None) is not None:
            return (
                int(owner._flaky_max_runs),
                int(getattr(owner, "_flaky_min_passes", DEFAULT_MIN_PASSES) or DEFAULT_MIN_PASSES),
                getattr(owner, "_flaky_rerun_filter", None),
            )
    mark = node.get_closest_marker("flaky")
    if mark is None or "reruns" in mark.kwargs:  # pytest-rerunfailures' mark of the same name
        return None
    args = dict(zip(("max_runs", "min_passes", "rerun_filter"), mark.args, strict=False))
    args.update(mark.kwargs)
    return (
        int(args.get("max_runs") or DEFAULT_MAX_RUNS),
        int(args.get("min_passes") or DEFAULT_MIN_PASSES),
        args.get("rerun_filter"),
    )


class _PluginView:
    """The ``plugin`` a rerun filter is given: the plugin's report stream is what filters use."""

    def __init__(self) -> None:
        self.stream = io.StringIO()


@dataclass
class FlakyPolicy:
    """One flaky test's runs so far, asked after each run's own teardown (the runner's retry hook)."""

    node: Any
    max_runs: int
    min_passes: int
    rerun_filter: Callable[..., Any] | None
    runs: int = 0
    passes: int = 0

    def wants_rerun(self, phases: Sequence[PhaseResult], failures: Sequence[Failure]) -> bool:
        self.runs += 1
        judged = [p for p in phases if p.phase in (Phase.SETUP, Phase.CALL) and p.subtest is None]
        if any(p.outcome is PhaseOutcome.SKIPPED for p in judged):
            return False
        failed = [(phase, exc) for phase, exc in failures if phase in (Phase.SETUP, Phase.CALL)]
        if not failed:
            self.passes += 1
            return self.passes < self.min_passes
        if self.min_passes - self.passes > self.max_runs - self.runs:
            return False  # the passes still needed no longer fit in the runs left
        return self._filter_allows(failed[0][1])

    def _filter_allows(self, exc: BaseException | None) -> bool:
        if self.rerun_filter is None:
            return True
        err = (type(exc), exc, exc.__traceback__) if exc is not None else (None, None, None)
        return bool(self.rerun_filter(err, self.node.name, self.node, _PluginView()))

    def record(self, phases: Sequence[PhaseResult]) -> None:
        """Nothing kept of an earlier run: only the last one is reported."""

    def wait(self) -> None:
        """No pause between runs."""
