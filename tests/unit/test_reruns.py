"""RerunSettings and RerunPolicy (asynctestrun._execute.reruns): pytest-rerunfailures' rules."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from asynctestrun._execute.reruns import RerunSettings
from asynctestrun._model.marks import Mark
from asynctestrun._model.outcomes import Phase, PhaseOutcome, PhaseResult

FAILED_CALL = PhaseResult(Phase.CALL, PhaseOutcome.FAILED, 0.0)


def _node(mark: Mark | None = None, path: str = "/project/tests/test_x.py") -> SimpleNamespace:
    return SimpleNamespace(
        path=path,
        get_closest_marker=lambda name: mark if mark is not None and name == mark.name else None,
        function=lambda: None,
    )


def _count(settings: RerunSettings, mark: Mark | None) -> int | None:
    policy = settings.policy_for(_node(mark))
    return None if policy is None else policy.count


def test_the_mark_wins_over_the_global_count_and_force_over_both():
    assert _count(RerunSettings(reruns=5), Mark("flaky", (), {"reruns": 2})) == 2
    assert _count(RerunSettings(reruns=5), Mark("flaky", (3,))) == 3
    assert _count(RerunSettings(reruns=5), Mark("flaky")) == 1
    assert _count(RerunSettings(reruns=5), None) == 5
    assert _count(RerunSettings(), None) is None
    assert _count(RerunSettings(reruns=5, force_reruns=1), Mark("flaky", (), {"reruns": 2})) == 1


def test_append_mode_adds_the_global_count_to_the_marks():
    assert _count(RerunSettings(reruns=1, append=True), Mark("flaky", (), {"reruns": 2})) == 3


def test_an_excluded_path_is_never_rerun():
    settings = RerunSettings(reruns=3, exclude_paths=(Path("/project/tests"),))
    assert settings.policy_for(_node()) is None
    assert settings.policy_for(_node(path="/project/other/test_y.py")) is not None


def test_the_plugin_claims_each_test_it_has_a_count_for_even_zero():
    # A claimed test is run by rerunfailures' protocol; any other is left to box/flaky's.
    assert RerunSettings().claims(_node(Mark("flaky", (), {"reruns": 0})))
    assert RerunSettings().claims(_node(Mark("flaky")))
    assert RerunSettings(reruns=1).claims(_node())
    assert not RerunSettings().claims(_node())
    assert not RerunSettings(reruns=1, exclude_paths=(Path("/project/tests"),)).claims(_node())


def test_filters_search_type_and_message_along_the_chain():
    mark = Mark("flaky", (), {"reruns": 1, "only_rerun": ["ConnectionError"]})
    policy = RerunSettings().policy_for(_node(mark))
    assert policy is not None
    try:
        try:
            raise ConnectionError("refused")
        except ConnectionError as inner:
            raise RuntimeError("wrapped") from inner
    except RuntimeError as outer:
        chained = outer
    assert policy.wants_rerun([FAILED_CALL], [(Phase.CALL, chained)])
    assert not policy.wants_rerun([FAILED_CALL], [(Phase.CALL, ValueError("other"))])


def test_rerun_except_accepts_an_exception_class():
    mark = Mark("flaky", (), {"reruns": 2, "rerun_except": KeyError})
    policy = RerunSettings().policy_for(_node(mark))
    assert policy is not None
    assert not policy.wants_rerun([FAILED_CALL], [(Phase.CALL, KeyError("k"))])
    assert policy.wants_rerun([FAILED_CALL], [(Phase.CALL, ValueError("v"))])


def test_the_count_and_the_suite_limit_bound_the_reruns():
    settings = RerunSettings(reruns=2, max_suite_reruns=3)
    first = settings.policy_for(_node())
    second = settings.policy_for(_node())
    assert first is not None and second is not None
    failure = [(Phase.CALL, AssertionError())]
    for _ in range(2):
        assert first.wants_rerun([FAILED_CALL], failure)
        first.record([FAILED_CALL])
    assert not first.wants_rerun([FAILED_CALL], failure)  # its own two are spent
    assert second.wants_rerun([FAILED_CALL], failure)  # the suite's third
    assert not second.wants_rerun([FAILED_CALL], failure)  # the suite's limit


def test_an_expected_failure_is_not_rerun():
    policy = RerunSettings(reruns=1).policy_for(_node())
    assert policy is not None
    xfailed = PhaseResult(Phase.CALL, PhaseOutcome.SKIPPED, 0.0, xfail=True)
    assert not policy.wants_rerun([xfailed], [(Phase.TEARDOWN, RuntimeError())])


def test_a_condition_sees_the_error():
    mark = Mark("flaky", (), {"reruns": 1, "condition": "isinstance(error, TimeoutError)"})
    policy = RerunSettings().policy_for(_node(mark))
    assert policy is not None
    assert not policy.wants_rerun([FAILED_CALL], [(Phase.CALL, ValueError())])
    assert policy.wants_rerun([FAILED_CALL], [(Phase.CALL, TimeoutError())])


def test_a_negative_delay_warns_and_means_none():
    with pytest.warns(UserWarning, match="negative delay"):
        policy = RerunSettings(reruns=1, delay=-1).policy_for(_node())
    assert policy is not None and policy.delay == 0
