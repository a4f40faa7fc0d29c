"""box/flaky's rerun rules (``_execute/flaky.py``), without the plugin installed: what ``@flaky`` leaves
on a function is set by hand, as the decorator would."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from asynctestrun._builtins.flaky import pytest_runtest_setup
from asynctestrun._execute.flaky import FlakySettings
from asynctestrun._model.marks import Mark
from asynctestrun._model.outcomes import Phase, PhaseOutcome, PhaseResult

PASSED = [PhaseResult(Phase.SETUP, PhaseOutcome.PASSED, 0.0), PhaseResult(Phase.CALL, PhaseOutcome.PASSED, 0.0)]
FAILED = [PhaseResult(Phase.SETUP, PhaseOutcome.PASSED, 0.0), PhaseResult(Phase.CALL, PhaseOutcome.FAILED, 0.0)]
SKIPPED = [PhaseResult(Phase.SETUP, PhaseOutcome.SKIPPED, 0.0)]


def node(function=None, cls=None, marks=()):
    def closest(name):
        return next((m for m in marks if m.name == name), None)

    return SimpleNamespace(function=function, cls=cls, name="test_x", get_closest_marker=closest, stash={})


def decorated(max_runs=2, min_passes=1, rerun_filter=None):
    def test():
        pass

    test._flaky_max_runs, test._flaky_min_passes, test._flaky_rerun_filter = max_runs, min_passes, rerun_filter
    return test


def runs(policy, *attempts):
    """Feed attempts until the policy stops asking for another; the number of attempts used."""
    for used, phases in enumerate(attempts, start=1):
        failures = [(Phase.CALL, AssertionError("no"))] if phases is FAILED else []
        if not policy.wants_rerun(phases, failures):
            return used
    raise AssertionError("the policy wanted more attempts than given")


def test_only_flaky_tests_get_a_policy():
    assert FlakySettings().policy_for(node(function=lambda: None)) is None
    assert FlakySettings(force=True).policy_for(node(function=lambda: None)) is not None
    rerunfailures = Mark("flaky", (), {"reruns": 2})  # pytest-rerunfailures' mark of the same name
    assert FlakySettings().policy_for(node(marks=[rerunfailures])) is None


def test_a_failure_reruns_within_max_runs():
    policy = FlakySettings().policy_for(node(function=decorated(max_runs=3)))
    assert runs(policy, FAILED, FAILED, PASSED) == 3
    policy = FlakySettings().policy_for(node(function=decorated(max_runs=2)))
    assert runs(policy, FAILED, FAILED, PASSED) == 2  # out of runs: the second failure is final


def test_min_passes_reruns_passing_runs_until_there_are_enough():
    policy = FlakySettings().policy_for(node(function=decorated(max_runs=3, min_passes=2)))
    assert runs(policy, PASSED, FAILED, PASSED) == 3
    policy = FlakySettings().policy_for(node(function=decorated(max_runs=3, min_passes=2)))
    assert runs(policy, FAILED, FAILED, PASSED) == 2  # two passes no longer fit in one run


def test_a_skip_ends_it_and_a_filter_can_refuse():
    assert runs(FlakySettings().policy_for(node(function=decorated())), SKIPPED, PASSED) == 1
    refuse = decorated(max_runs=5, rerun_filter=lambda err, name, test, plugin: err[0] is not AssertionError)
    assert runs(FlakySettings().policy_for(node(function=refuse)), FAILED, PASSED) == 1


def test_a_decorated_class_and_the_mark_are_read():
    cls = type("TestC", (), {"_flaky_max_runs": 3, "_flaky_min_passes": 1})
    policy = FlakySettings().policy_for(node(function=lambda: None, cls=cls))
    assert (policy.max_runs, policy.min_passes) == (3, 1)
    policy = FlakySettings().policy_for(node(marks=[Mark("flaky", (4,), {"min_passes": 2})]))
    assert (policy.max_runs, policy.min_passes) == (4, 2)


def test_bad_counts_are_the_plugins_errors():
    with pytest.raises(ValueError, match="min_passes cannot be greater than max_runs"):
        FlakySettings().policy_for(node(function=decorated(max_runs=1, min_passes=2)))


def test_a_mark_flaky_cannot_take_fails_the_set_up_and_gets_no_policy():
    # flaky's set-up hook reads the mark as its _make_test_flaky would: pytest-rerunfailures'
    # reruns= is an unexpected argument, and max_runs=0 (not the default) cannot give one pass.
    for mark, error in [
        (Mark("flaky", (), {"reruns": 2}), "unexpected keyword argument 'reruns'"),
        (Mark("flaky", (), {"max_runs": 0}), "min_passes cannot be greater than max_runs"),
    ]:
        test = node(marks=[mark])
        assert FlakySettings().policy_for(test) is None
        with pytest.raises((TypeError, ValueError), match=error):
            pytest_runtest_setup(test)


def test_settings_given_before_set_up_leave_the_mark_unread():
    # The decorator's settings, else --force-flaky's, win over the mark, which set-up then skips.
    marks = [Mark("flaky", (), {"reruns": 1})]
    test = node(function=decorated(max_runs=3), marks=marks)
    assert FlakySettings().policy_for(test).max_runs == 3
    pytest_runtest_setup(test)
    forced = node(marks=[Mark("flaky", (), {"max_runs": 5})])
    assert FlakySettings(force=True).policy_for(forced).max_runs == 2
    pytest_runtest_setup(forced)
    # Where rerunfailures runs the test, flaky never settled it: the mark is read even if decorated.
    with pytest.raises(TypeError):
        pytest_runtest_setup(node(function=decorated(), marks=marks))
