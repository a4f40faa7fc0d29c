"""--lf, --ff, --nf, --sw selection and ordering, and duration ordering (asynctestrun._plan.rerun)."""

import dataclasses
import os
import types
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from asynctestrun._model import events, outcomes
from asynctestrun._model import items as model
from asynctestrun._model.events import CollectionFinished, SessionFinished
from asynctestrun._model.outcomes import Phase, PhaseOutcome, PhaseResult
from asynctestrun._plan.rerun import (
    STEPWISE_STOP_REASON,
    RerunOptions,
    apply_rerun,
    order_by_duration,
    stepwise_maxfail,
)
from asynctestrun._report.cache import Cache, CacheReporter, StepwiseStart


@dataclasses.dataclass(frozen=True)
class Item:
    """What apply_rerun needs of a test (the RerunItem protocol)."""

    nodeid: str
    path: Path


@pytest.fixture
def cache(tmp_path):
    return Cache.for_rootdir(tmp_path)


@pytest.fixture
def project(tmp_path):
    """a.py (3 tests), b.py (2), sub/c.py (1): files exist, with distinct mtimes (c newest, a oldest)."""
    files = {"a.py": ("t1", "t2", "t3"), "b.py": ("t1", "t2"), "sub/c.py": ("t1",)}
    items = []
    for age, (name, tests) in enumerate(files.items()):
        path = tmp_path / name
        path.parent.mkdir(exist_ok=True)
        path.write_text("")
        stamp = 1_000_000 + age * 100
        os.utime(path, (stamp, stamp))
        items += [Item(f"{name}::{test}", path) for test in tests]
    return items


def ids(result):
    return [item.nodeid for item in result.items]


ALL = ["a.py::t1", "a.py::t2", "a.py::t3", "b.py::t1", "b.py::t2", "sub/c.py::t1"]


def test_nothing_asked_changes_nothing(project, cache):
    cache.set("cache/lastfailed", {"a.py::t2": True})
    result = apply_rerun(project, RerunOptions(), cache)
    assert ids(result) == ALL
    assert result.deselected == 0
    assert result.message is None
    assert result.stepwise is None


# -- --lf ---------------------------------------------------------------------------------------------------


def only(project, *nodeids):
    """The tests --lf's collection leaves (_collect.last_failed): the rest were never collected."""
    return [item for item in project if item.nodeid in nodeids]


def test_last_failed_runs_only_the_failures(project, cache):
    cache.set("cache/lastfailed", {"a.py::t2": True, "b.py::t1": True})
    collected = only(project, "a.py::t2", "b.py::t1")
    result = apply_rerun(collected, RerunOptions(last_failed=True), cache, skipped_files=1)
    assert ids(result) == ["a.py::t2", "b.py::t1"]
    assert result.message == "run-last-failure: rerun previous 2 failures (skipped 1 file)"
    assert result.deselected == 0  # pytest never collects the others: "collected 2 items"


def test_last_failed_singular_and_plural(project, cache):
    cache.set("cache/lastfailed", {"a.py::t2": True})
    result = apply_rerun(only(project, "a.py::t2"), RerunOptions(last_failed=True), cache, skipped_files=2)
    assert result.message == "run-last-failure: rerun previous 1 failure (skipped 2 files)"


def test_last_failed_deselects_the_collected_tests_that_passed(project, cache):
    # Files named on the command line keep all their tests through collection.
    cache.set("cache/lastfailed", {"a.py::t2": True, "b.py::t1": True})
    collected = [item for item in project if not item.nodeid.startswith("sub/")]
    result = apply_rerun(collected, RerunOptions(last_failed=True), cache)
    assert ids(result) == ["a.py::t2", "b.py::t1"]
    assert result.deselected == 3  # pytest: "collected 5 items / 3 deselected / 2 selected"
    assert result.message == "run-last-failure: rerun previous 2 failures"


def test_last_failed_without_failures_runs_everything(project, cache):
    result = apply_rerun(project, RerunOptions(last_failed=True), cache)
    assert ids(result) == ALL
    assert result.message == "run-last-failure: no previously failed tests, not deselecting items."


def test_last_failed_without_failures_and_lfnf_none_runs_nothing(project, cache):
    cache.set("cache/lastfailed", {})
    result = apply_rerun(project, RerunOptions(last_failed=True, last_failed_no_failures="none"), cache)
    assert result.items == []
    assert result.deselected == 6
    assert result.message == "run-last-failure: no previously failed tests, deselecting all items."


def test_last_failed_with_failures_elsewhere_runs_everything(project, cache):
    cache.set("cache/lastfailed", {"other.py::t": True, "other.py::u": True})
    result = apply_rerun(project, RerunOptions(last_failed=True), cache)
    assert ids(result) == ALL
    assert result.deselected == 0
    assert result.message == "run-last-failure: 2 known failures not in selected tests"


def test_last_failed_file_that_failed_to_collect_reruns_all_its_tests(project, cache):
    # Its tests were never recorded one by one: collection keeps all of them (no other file has a
    # failure to start skipping files), and the others are deselected.
    cache.set("cache/lastfailed", {"b.py": True})
    result = apply_rerun(project, RerunOptions(last_failed=True), cache)
    assert ids(result) == ["b.py::t1", "b.py::t2"]
    assert result.deselected == 4
    assert result.message == "run-last-failure: rerun previous 2 failures"


def test_last_failed_conftest_that_failed_to_import_reruns_the_tests_below_it(project, cache):
    cache.set("cache/lastfailed", {"sub/conftest.py": True})
    assert ids(apply_rerun(project, RerunOptions(last_failed=True), cache)) == ["sub/c.py::t1"]


def test_last_failed_ignores_a_corrupt_record(project, cache):
    cache.set("cache/lastfailed", "garbage")
    result = apply_rerun(project, RerunOptions(last_failed=True), cache)
    assert ids(result) == ALL


def test_lfnf_must_be_all_or_none():
    with pytest.raises(ValueError, match="'all' or 'none'"):
        RerunOptions(last_failed_no_failures="some")


# -- --ff ---------------------------------------------------------------------------------------------------


def test_failed_first_runs_failures_then_the_rest_in_order(project, cache):
    cache.set("cache/lastfailed", {"b.py::t2": True, "a.py::t3": True})
    result = apply_rerun(project, RerunOptions(failed_first=True), cache)
    assert ids(result) == ["a.py::t3", "b.py::t2", "a.py::t1", "a.py::t2", "b.py::t1", "sub/c.py::t1"]
    assert result.deselected == 0
    assert result.message == "run-last-failure: rerun previous 2 failures first"


def test_failed_first_without_failures(project, cache):
    result = apply_rerun(project, RerunOptions(failed_first=True), cache)
    assert ids(result) == ALL
    assert result.message == "run-last-failure: no previously failed tests, not deselecting items."


def test_last_failed_and_failed_first_together(project, cache):
    cache.set("cache/lastfailed", {"b.py::t2": True, "a.py::t3": True})
    collected = only(project, "a.py::t3", "b.py::t2")
    result = apply_rerun(collected, RerunOptions(last_failed=True, failed_first=True), cache, skipped_files=1)
    assert ids(result) == ["a.py::t3", "b.py::t2"]
    assert result.message == "run-last-failure: rerun previous 2 failures first (skipped 1 file)"


# -- --nf ---------------------------------------------------------------------------------------------------


def test_new_first_puts_unseen_tests_first_then_newest_files(project, cache):
    cache.set("cache/nodeids", ["a.py::t1", "a.py::t3", "b.py::t1", "b.py::t2", "sub/c.py::t1"])
    result = apply_rerun(project, RerunOptions(new_first=True), cache)
    # a.py::t2 is new; the rest by file mtime, newest first (sub/c.py, b.py, a.py), in order per file.
    assert ids(result) == ["a.py::t2", "sub/c.py::t1", "b.py::t1", "b.py::t2", "a.py::t1", "a.py::t3"]
    assert result.message is None
    assert result.deselected == 0


def test_new_first_sorts_new_tests_by_mtime_too(project, cache):
    cache.set("cache/nodeids", ["b.py::t2"])
    result = apply_rerun(project, RerunOptions(new_first=True), cache)
    assert ids(result) == ["sub/c.py::t1", "b.py::t1", "a.py::t1", "a.py::t2", "a.py::t3", "b.py::t2"]


def test_new_first_with_a_vanished_file_puts_it_last(project, cache, tmp_path):
    gone = Item("gone.py::t", tmp_path / "gone.py")
    result = apply_rerun([gone, *project], RerunOptions(new_first=True), cache)
    assert ids(result)[-1] == "gone.py::t"


def test_new_first_after_failed_first_orders_by_mtime_last(project, cache):
    # pytest applies --nf after --ff: the mtime order wins, --ff only breaks ties within a file.
    cache.set("cache/nodeids", ALL)
    cache.set("cache/lastfailed", {"a.py::t3": True})
    result = apply_rerun(project, RerunOptions(failed_first=True, new_first=True), cache)
    assert ids(result) == ["sub/c.py::t1", "b.py::t1", "b.py::t2", "a.py::t3", "a.py::t1", "a.py::t2"]


# -- --sw ---------------------------------------------------------------------------------------------------

NOW = datetime(2025, 1, 2, 12, 0, 0)


def store_stepwise(cache, last_failed, count=6, age=timedelta(minutes=5, seconds=3, microseconds=9)):
    cache.set(
        "cache/stepwise",
        {
            "last_failed": last_failed,
            "last_test_count": count,
            "last_cache_date_str": (NOW - age).isoformat(),
        },
    )


def test_stepwise_without_state_starts_at_the_beginning(project, cache):
    result = apply_rerun(project, RerunOptions(stepwise=True), cache, now=NOW)
    assert ids(result) == ALL
    assert result.message == "stepwise: no previously failed tests, not skipping."
    assert result.stepwise == StepwiseStart(None, 6, skip=False)


def test_stepwise_continues_from_the_last_failure(project, cache):
    store_stepwise(cache, "b.py::t1")
    result = apply_rerun(project, RerunOptions(stepwise=True), cache, now=NOW)
    assert ids(result) == ["b.py::t1", "b.py::t2", "sub/c.py::t1"]
    assert result.deselected == 3
    assert result.message == (
        "stepwise: skipping 3 already passed items (cache from 0:05:03 ago, use --sw-reset to discard)."
    )
    assert result.stepwise == StepwiseStart("b.py::t1", 6, skip=False)


def test_stepwise_skip_implies_stepwise_and_is_handed_to_the_reporter(project, cache):
    store_stepwise(cache, "b.py::t1")
    result = apply_rerun(project, RerunOptions(stepwise_skip=True), cache, now=NOW)
    assert ids(result) == ["b.py::t1", "b.py::t2", "sub/c.py::t1"]
    assert result.stepwise == StepwiseStart("b.py::t1", 6, skip=True)


def test_stepwise_reset_starts_over(project, cache):
    store_stepwise(cache, "b.py::t1")
    result = apply_rerun(project, RerunOptions(stepwise_reset=True), cache, now=NOW)
    assert ids(result) == ALL
    assert result.message == "stepwise: resetting state, not skipping."
    assert result.stepwise == StepwiseStart(None, 6)


def test_stepwise_with_a_changed_test_count_starts_over(project, cache):
    store_stepwise(cache, "b.py::t1", count=9)
    result = apply_rerun(project, RerunOptions(stepwise=True), cache, now=NOW)
    assert ids(result) == ALL
    assert result.message == "stepwise: test count changed, not skipping (now 6 tests, previously 9)."
    assert result.stepwise == StepwiseStart(None, 6)


def test_stepwise_with_the_failure_gone_starts_over_but_remembers_it(project, cache):
    store_stepwise(cache, "b.py::renamed")
    result = apply_rerun(project, RerunOptions(stepwise=True), cache, now=NOW)
    assert ids(result) == ALL
    assert result.message == "stepwise: previously failed test not found, not skipping."
    assert result.stepwise == StepwiseStart("b.py::renamed", 6)


def test_stepwise_with_an_unreadable_state(project, cache):
    cache.set("cache/stepwise", "b.py::t1")
    result = apply_rerun(project, RerunOptions(stepwise=True), cache, now=NOW)
    assert ids(result) == ALL
    assert result.message == (
        "stepwise: error reading cache, discarding (TypeError: string indices must be integers, not 'str')\n"
        "stepwise: no previously failed tests, not skipping."
    )


def test_stepwise_cache_age_is_never_negative(project, cache):
    store_stepwise(cache, "b.py::t1", age=timedelta(hours=-1))
    result = apply_rerun(project, RerunOptions(stepwise=True), cache, now=NOW)
    assert "(cache from 0:00:00 ago" in result.message


def test_stepwise_counts_the_tests_left_by_last_failed(project, cache):
    # pytest filters --lf at collection, so stepwise sees (and stores) the smaller count.
    cache.set("cache/lastfailed", {"a.py::t2": True, "b.py::t1": True})
    store_stepwise(cache, "b.py::t1", count=2)
    collected = only(project, "a.py::t2", "b.py::t1")
    options = RerunOptions(last_failed=True, stepwise=True)
    result = apply_rerun(collected, options, cache, now=NOW, skipped_files=1)
    assert ids(result) == ["b.py::t1"]
    assert result.deselected == 1
    assert result.message.splitlines() == [
        "run-last-failure: rerun previous 2 failures (skipped 1 file)",
        "stepwise: skipping 1 already passed items (cache from 0:05:03 ago, use --sw-reset to discard).",
    ]


def test_stepwise_maxfail():
    assert stepwise_maxfail(RerunOptions(), 0) == 0
    assert stepwise_maxfail(RerunOptions(), 3) == 3
    assert stepwise_maxfail(RerunOptions(stepwise=True), 0) == 1
    assert stepwise_maxfail(RerunOptions(stepwise=True), 5) == 1
    assert stepwise_maxfail(RerunOptions(stepwise_skip=True), 0) == 2
    assert stepwise_maxfail(RerunOptions(stepwise_skip=True), 1) == 1  # -x still wins
    assert stepwise_maxfail(RerunOptions(stepwise_reset=True), 0) == 1
    # Counted from the collection errors on: stepwise's limit counts failed tests only.
    assert stepwise_maxfail(RerunOptions(), 3, failed=2) == 3
    assert stepwise_maxfail(RerunOptions(stepwise=True), 0, failed=2) == 3
    assert stepwise_maxfail(RerunOptions(stepwise=True), 3, failed=1) == 2
    assert STEPWISE_STOP_REASON == "Test failed, continuing from this test next run."


# -- the loop: reporter records, selection reads ----------------------------------------------------------


def finished(nodeid, outcome=PhaseOutcome.PASSED, duration=0.1):
    phases = (
        PhaseResult(Phase.SETUP, PhaseOutcome.PASSED, 0.0),
        PhaseResult(Phase.CALL, outcome, duration),
        PhaseResult(Phase.TEARDOWN, PhaseOutcome.PASSED, 0.0),
    )
    return events.TestFinished(outcomes.TestResult(nodeid, nodeid.split("::")[0], 1, phases))


NO_OPTIONS = RerunOptions()


def session(cache, items, outcome_of, *, options=NO_OPTIONS, maxfail=0):
    """One run as the session wires it: select, record, stop after maxfail failed tests."""
    rerun = apply_rerun(items, options, cache, now=NOW)
    reporter = CacheReporter(cache, stepwise=rerun.stepwise)
    reporter.handle(CollectionFinished(tuple(ids(rerun)), (), rerun.deselected))
    ran, failed = [], 0
    for item in rerun.items:
        outcome = outcome_of.get(item.nodeid, PhaseOutcome.PASSED)
        reporter.handle(finished(item.nodeid, outcome))
        ran.append(item.nodeid)
        failed += outcome is PhaseOutcome.FAILED
        if maxfail and failed >= maxfail:
            break
    reporter.handle(SessionFinished(1 if failed else 0, 1.0))
    return ran


def test_last_failed_round_trip(project, cache):
    fail = PhaseOutcome.FAILED
    assert session(cache, project, {"a.py::t2": fail, "b.py::t1": fail}) == ALL
    assert session(cache, project, {"a.py::t2": fail}, options=RerunOptions(last_failed=True)) == [
        "a.py::t2",
        "b.py::t1",
    ]
    assert session(cache, project, {}, options=RerunOptions(last_failed=True)) == ["a.py::t2"]
    assert session(cache, project, {}, options=RerunOptions(last_failed=True)) == ALL  # nothing failed


def test_stepwise_round_trip(project, cache):
    fail = PhaseOutcome.FAILED
    sw = RerunOptions(stepwise=True)
    both = {"a.py::t2": fail, "b.py::t2": fail}
    first = session(cache, project, both, options=sw, maxfail=stepwise_maxfail(sw, 0))
    assert first == ["a.py::t1", "a.py::t2"]
    assert session(cache, project, both, options=sw, maxfail=1) == ["a.py::t2"]
    skip = RerunOptions(stepwise_skip=True)
    assert session(cache, project, both, options=skip, maxfail=stepwise_maxfail(skip, 0)) == [
        "a.py::t2",
        "a.py::t3",
        "b.py::t1",
        "b.py::t2",
    ]
    assert session(cache, project, {}, options=sw, maxfail=1) == ["b.py::t2", "sub/c.py::t1"]
    assert cache.get("cache/stepwise", None)["last_failed"] is None
    assert session(cache, project, {}, options=sw, maxfail=1) == ALL


# -- durations ----------------------------------------------------------------------------------------------


def test_order_by_duration_slowest_first_unknown_as_the_mean(project, cache):
    cache.set("cache/durations", {"a.py::t1": 1.0, "a.py::t2": 5.0, "b.py::t1": 3.0, "gone.py::t": 100.0})
    ordered = [item.nodeid for item in order_by_duration(project, cache)]
    # Known: 1, 5, 3 (mean 3); the rest count as 3 and keep their order among equals.
    assert ordered == ["a.py::t2", "a.py::t3", "b.py::t1", "b.py::t2", "sub/c.py::t1", "a.py::t1"]


def test_order_by_duration_without_records_keeps_the_order(project, cache):
    assert order_by_duration(project, cache) == project


# -- the real TestItem --------------------------------------------------------------------------------------


def test_works_with_real_test_items(tmp_path, cache):
    def make(nodeid):
        module = types.ModuleType("a")
        return model.TestItem(
            nodeid=nodeid,
            name=nodeid.split("::")[-1],
            originalname=nodeid.split("::")[-1],
            path=tmp_path / "a.py",
            relpath="a.py",
            lineno=1,
            module=module,
            cls=None,
            function=lambda: None,
            kind=model.FuncKind.FUNCTION,
            marks=(),
            callspec=model.CallSpec(),
            holders=(),
            chain=model.ScopeChain((), "a.py", None),
            argnames=(),
            fixturenames=(),
            fixturedefs={},
            keywords=frozenset(),
        )

    items = [make("a.py::t1"), make("a.py::t2")]
    cache.set("cache/lastfailed", {"a.py::t2": True})
    result = apply_rerun(items, RerunOptions(failed_first=True, new_first=True), cache)
    assert result.items == [items[1], items[0]]
