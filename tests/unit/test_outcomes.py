"""Skips as pytest recognises them (asynctestrun._declare.outcomes.skip_of) and how a test's phases
count (asynctestrun._model.outcomes.TestResult.outcomes)."""

import subprocess
import sys
import unittest

from asynctestrun._declare.outcomes import Failed, Skipped, skip_of
from asynctestrun._model.outcomes import Outcome, Phase, PhaseOutcome, PhaseResult
from asynctestrun._model.outcomes import TestResult as Result  # not a test class to the collector


class _LibrarySkip(unittest.SkipTest):
    pass


def _raise(exc: BaseException) -> BaseException:
    try:
        raise exc
    except BaseException as raised:
        return raised


def test_a_skip_is_itself():
    skipped = Skipped("reason")
    assert skip_of(skipped) is skipped


def test_skiptest_and_its_subclasses_become_skips_that_keep_the_traceback():
    for exc in (unittest.SkipTest("no server"), _LibrarySkip("no server")):
        raised = _raise(exc)
        skipped = skip_of(raised)
        assert isinstance(skipped, Skipped)
        assert skipped.msg == "no server"
        assert skipped.__traceback__ is raised.__traceback__
    assert skip_of(unittest.SkipTest()).msg == ""


def test_other_exceptions_are_not_skips():
    assert skip_of(ValueError("x")) is None
    assert skip_of(Failed("x")) is None


def test_unittest_is_not_imported_to_tell():
    code = (
        "import sys; from asynctestrun._declare.outcomes import skip_of; "
        "assert skip_of(ValueError()) is None; assert 'unittest' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def _result(*phases: tuple[Phase, PhaseOutcome]) -> Result:
    return Result("t.py::t", "t.py", 1, tuple(PhaseResult(p, o, 0.0) for p, o in phases))


def test_a_skip_in_teardown_counts_besides_the_tests_own_outcome():
    passed = _result(
        (Phase.SETUP, PhaseOutcome.PASSED),
        (Phase.CALL, PhaseOutcome.PASSED),
        (Phase.TEARDOWN, PhaseOutcome.SKIPPED),
    )
    assert passed.outcomes == (Outcome.PASSED, Outcome.SKIPPED)
    failed = _result(
        (Phase.SETUP, PhaseOutcome.PASSED),
        (Phase.CALL, PhaseOutcome.FAILED),
        (Phase.TEARDOWN, PhaseOutcome.SKIPPED),
    )
    assert failed.outcomes == (Outcome.FAILED, Outcome.SKIPPED)
    assert failed.outcome is Outcome.FAILED


def test_a_skip_without_a_reason_reads_skipped():
    assert PhaseResult(Phase.CALL, PhaseOutcome.SKIPPED, 0.0, reason="").skip_reason == "Skipped"
    assert PhaseResult(Phase.CALL, PhaseOutcome.SKIPPED, 0.0, reason="why").skip_reason == "why"
