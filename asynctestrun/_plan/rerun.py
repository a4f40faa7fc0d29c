"""Run-again selection and ordering from the cache: ``--lf``, ``--ff``, ``--nf``, ``--sw``, ``--sw-skip``.

Pure apart from reading the cache (and file mtimes for ``--nf``): takes the selected tests, returns the
tests to run, how many were deselected, and the lines the terminal prints under "collected N items".
Recording what a run learned is ``_report.cache.CacheReporter``'s job.

The steps run in pytest's effective order, each on the previous step's output:

1. ``--lf`` keeps the tests that failed last time (a test, its class, its file or directory when that
   failed to collect); the others count as deselected. Most never got here: collection skipped the
   files without a recorded failure and left out the passed tests of the others
   (``_collect.last_failed``), and says how many files it skipped.
2. ``--sw`` skips the tests before the one the last stepwise run stopped at (unless ``--sw-reset``, or the
   number of tests changed, which means the stored position is stale).
3. ``--ff`` moves the last failures to the front, keeping the order within each group.
4. ``--nf`` puts tests whose node id was never seen before first, then the rest; each group is sorted by
   its file's mtime, newest first (a stable sort: tests of one file keep their order).

Worked example: last time ``a.py::t2`` and ``b.py::t1`` failed; ``--lf`` collects ``a.py::t2 b.py::t1``
and skips ``c.py``, runs both and says "rerun previous 2 failures (skipped 1 file)"; ``--ff``
collects ``a.py::t1 a.py::t2 a.py::t3 b.py::t1 c.py::t1`` and runs ``a.py::t2 b.py::t1 a.py::t1 a.py::t3
c.py::t1``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Generic, Protocol, TypeVar

from .._report.cache import (
    Cache,
    StepwiseStart,
    failure_matcher,
    read_durations,
    read_lastfailed,
    read_nodeids,
    read_stepwise,
)

STEPWISE_STOP_REASON = "Test failed, continuing from this test next run."


class RerunItem(Protocol):
    """What selection needs from a test: its node id, and its file (for ``--nf``'s mtimes)."""

    @property
    def nodeid(self) -> str: ...

    @property
    def path(self) -> Path: ...


ItemT = TypeVar("ItemT", bound=RerunItem)


@dataclass(frozen=True, slots=True)
class RerunOptions:
    last_failed: bool = False  # --lf / --last-failed
    failed_first: bool = False  # --ff / --failed-first
    new_first: bool = False  # --nf / --new-first
    stepwise: bool = False  # --sw / --stepwise
    stepwise_skip: bool = False  # --sw-skip / --stepwise-skip (implies --sw)
    stepwise_reset: bool = False  # --sw-reset / --stepwise-reset (implies --sw)
    last_failed_no_failures: str = "all"  # --lfnf: with --lf and nothing recorded, run "all" or "none"

    def __post_init__(self) -> None:
        if self.last_failed_no_failures not in ("all", "none"):
            raise ValueError(
                f"last_failed_no_failures must be 'all' or 'none', not {self.last_failed_no_failures!r}"
            )

    @property
    def stepwise_on(self) -> bool:
        return self.stepwise or self.stepwise_skip or self.stepwise_reset

    @property
    def active(self) -> bool:
        return self.last_failed or self.failed_first or self.new_first or self.stepwise_on


@dataclass(frozen=True, slots=True)
class RerunResult(Generic[ItemT]):
    items: list[ItemT]
    deselected: int
    message: str | None  # one line or several ("run-last-failure: ...", "stepwise: ..."), or None
    # With --sw: the state CacheReporter continues from (pass it as CacheReporter(stepwise=...)).
    stepwise: StepwiseStart | None = None


def apply_rerun(
    items: Sequence[ItemT],
    options: RerunOptions,
    cache: Cache,
    *,
    now: datetime | None = None,
    skipped_files: int = 0,
) -> RerunResult[ItemT]:
    """``skipped_files``: how many files --lf left unread while collecting (``_collect.last_failed``)."""
    selected = list(items)
    if not options.active:
        return RerunResult(selected, 0, None)
    deselected = 0
    lines: list[str] = []
    lastfailed = read_lastfailed(cache) if options.last_failed or options.failed_first else {}
    failed_before = failure_matcher(lastfailed)

    if options.last_failed or options.failed_first:
        status, selected, dropped = _last_failed(selected, options, lastfailed, failed_before, skipped_files)
        deselected += dropped
        lines.append(f"run-last-failure: {status}")

    stepwise: StepwiseStart | None = None
    if options.stepwise_on:
        before = len(selected)
        statuses, selected, stepwise = _stepwise(selected, options, cache, now or datetime.now())
        deselected += before - len(selected)
        lines += [f"stepwise: {status}" for status in statuses]

    if options.failed_first and not options.last_failed:
        failed = [item for item in selected if failed_before(item.nodeid)]
        selected = failed + [item for item in selected if not failed_before(item.nodeid)]

    if options.new_first:
        known = read_nodeids(cache)
        new = [item for item in selected if item.nodeid not in known]
        selected = _newest_first(new) + _newest_first([item for item in selected if item.nodeid in known])

    return RerunResult(selected, deselected, "\n".join(lines) if lines else None, stepwise)


def _last_failed(
    items: list[ItemT],
    options: RerunOptions,
    lastfailed: dict[str, bool],
    failed_before: Callable[[str], bool],
    skipped_files: int,
) -> tuple[str, list[ItemT], int]:
    """--lf / --ff: the status line, the tests left, and how many were deselected."""
    if not lastfailed:
        status = "no previously failed tests, "
        if options.last_failed_no_failures == "none":
            return status + "deselecting all items.", [], len(items)
        return status + "not deselecting items.", items, 0
    files = "file" if skipped_files == 1 else "files"
    skipped = f" (skipped {skipped_files} {files})" if skipped_files else ""
    failed = [item for item in items if failed_before(item.nodeid)]
    if not failed:
        return f"{len(lastfailed)} known failures not in selected tests{skipped}", items, 0
    noun = "failure" if len(failed) == 1 else "failures"
    status = f"rerun previous {len(failed)} {noun}{' first' if options.failed_first else ''}{skipped}"
    if not options.last_failed:
        return status, items, 0  # --ff reorders later, after stepwise
    return status, failed, len(items) - len(failed)


def _stepwise(
    items: list[ItemT], options: RerunOptions, cache: Cache, now: datetime
) -> tuple[list[str], list[ItemT], StepwiseStart]:
    """--sw: the status lines, the tests from the stored failure on, and the state the run starts from."""
    statuses: list[str] = []
    state, error = read_stepwise(cache)
    if error is not None:
        statuses.append(f"error reading cache, discarding ({error})")
    count = len(items)
    last_failed = state.last_failed if state is not None else None
    if options.stepwise_reset:
        statuses.append("resetting state, not skipping.")
        last_failed = None
    elif state is None or last_failed is None:
        statuses.append("no previously failed tests, not skipping.")
    elif state.test_count is not None and state.test_count != count:
        statuses.append(
            f"test count changed, not skipping (now {count} tests, previously {state.test_count})."
        )
        last_failed = None
    else:
        index = next((i for i, item in enumerate(items) if item.nodeid == last_failed), None)
        if index is None:
            statuses.append("previously failed test not found, not skipping.")
        else:
            # Whole seconds, never negative (a clock set back must not print "-1 day, 23:59:59").
            age = timedelta(seconds=max(0, int((now - state.date).total_seconds())))
            statuses.append(
                f"skipping {index} already passed items (cache from {age} ago, use --sw-reset to discard)."
            )
            items = items[index:]
    return statuses, items, StepwiseStart(last_failed, count, skip=options.stepwise_skip)


def stepwise_maxfail(options: RerunOptions, maxfail: int, *, failed: int = 0) -> int:
    """The ``maxfail`` the runner should use: with ``--sw`` stop after the first failed test (the second
    with ``--sw-skip``), or earlier if the user's own ``--maxfail``/``-x`` says so. 0 means no limit.

    The runner counts as pytest's ``session.testsfailed``, from the ``failed`` collection errors on;
    stepwise counts failed tests only, so its limit starts from there."""
    if not options.stepwise_on:
        return maxfail
    limit = failed + (2 if options.stepwise_skip else 1)
    return min(limit, maxfail) if maxfail else limit


def order_by_duration(items: Sequence[ItemT], cache: Cache) -> list[ItemT]:
    """Slowest first by the durations recorded last time, for balancing shards and workers.

    A test never timed counts as the mean of the timed ones (the best guess for it); ties keep the
    given order.
    """
    durations = read_durations(cache)
    known = [durations[item.nodeid] for item in items if item.nodeid in durations]
    guess = sum(known) / len(known) if known else 0.0
    return sorted(items, key=lambda item: durations.get(item.nodeid, guess), reverse=True)


def _newest_first(items: list[ItemT]) -> list[ItemT]:
    mtimes: dict[Path, float] = {}

    def mtime(item: ItemT) -> float:
        if item.path not in mtimes:
            try:
                mtimes[item.path] = item.path.stat().st_mtime
            except OSError:  # a file gone since collection sorts last
                mtimes[item.path] = 0.0
        return mtimes[item.path]

    return sorted(items, key=mtime, reverse=True)
