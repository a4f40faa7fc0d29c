"""Running a test again and again, as box/flaky's plugin does where it is installed.

Which tests, in the plugin's order: a test function (or its class) decorated with flaky's ``@flaky``,
which leaves ``_flaky_max_runs``, ``_flaky_min_passes`` and ``_flaky_rerun_filter`` on it; under
``--force-flaky`` every other test (``--max-runs``, ``--min-passes``); else one marked
``@pytest.mark.flaky(max_runs, min_passes, rerun_filter)``, whose arguments flaky's set-up hook checks
(a mark it cannot take fails the set-up: ``_builtins/flaky.py``). Defaults: two runs, one pass.

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
# In a test's stash once flaky's runtest protocol has settled its settings (from the decorator or
# --force-flaky): flaky's set-up hook reads the mark only for a test without them.
SETTLED_KEY = object()


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
        """How ``node``'s test is rerun when flaky's runtest protocol runs it, or None when it is not
        flaky. The protocol puts the decorator's settings, else ``--force-flaky``'s, on the item
        before set-up, and the set-up hook then leaves the mark unread; else the mark's count."""
        found = decorated_settings(node)
        if found is None and self.force:
            found = (self.max_runs, self.min_passes, None)
        if found is not None:
            node.stash[SETTLED_KEY] = True
            # Checked as the mark's are: a ValueError here is a warning, and the test runs once.
            found = _FlakyPlugin._make_test_flaky(node, *found)
        else:
            found = _mark_settings_or_none(node)
        if found is None:
            return None
        return FlakyPolicy(node, *found)


Declared = tuple[int, int, Callable[..., Any] | None]


def _mark_settings_or_none(node: Any) -> Declared | None:
    """The ``flaky`` mark's settings, or None without a mark or with one flaky cannot take."""
    mark = node.get_closest_marker("flaky")
    if mark is None:
        return None
    try:
        return mark_settings(node, mark)
    except (TypeError, ValueError):  # the stand-in's set-up hook fails the test with it, as flaky's
        return None


def decorated_settings(node: Any) -> Declared | None:
    """What ``@flaky`` left on the test function or its class, if either is decorated."""
    function = getattr(node, "function", None)
    for owner in (function, getattr(node, "cls", None)):
        if owner is not None and getattr(owner, "_flaky_max_runs", None) is not None:
            return (
                int(owner._flaky_max_runs),
                int(getattr(owner, "_flaky_min_passes", DEFAULT_MIN_PASSES) or DEFAULT_MIN_PASSES),
                getattr(owner, "_flaky_rerun_filter", None),
            )
    return None


def mark_settings(node: Any, mark: Any) -> Declared:
    """A ``flaky`` mark's settings, read as flaky's set-up hook reads them: arguments its
    ``_make_test_flaky`` does not take (pytest-rerunfailures' ``reruns=``) raise its TypeError, and
    runs that cannot give the passes asked for its ValueError."""
    return _FlakyPlugin._make_test_flaky(node, *mark.args, **mark.kwargs)


class _FlakyPlugin:
    """Named as flaky's own class, so a wrong argument's TypeError reads as it does under pytest."""

    @classmethod
    def _make_test_flaky(
        cls,
        test: Any,
        max_runs: int | None = None,
        min_passes: int | None = None,
        rerun_filter: Callable[..., Any] | None = None,
    ) -> Declared:
        # None, not any false value, means the default: flaky(max_runs=0) is refused, not two runs.
        runs = DEFAULT_MAX_RUNS if max_runs is None else max_runs
        passes = DEFAULT_MIN_PASSES if min_passes is None else min_passes
        if passes <= 0:
            raise ValueError("min_passes must be positive")
        if runs < passes:
            raise ValueError("min_passes cannot be greater than max_runs!")
        return (runs, passes, rerun_filter)


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

    keeps_wider_scopes = True  # only the test's function scope is torn down between attempts

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
