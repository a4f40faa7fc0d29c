"""Report text put into a test's captured stdout (asynctestrun._report.captured_reports)."""

from asynctestrun._model.outcomes import Phase, PhaseOutcome, PhaseResult
from asynctestrun._model.outcomes import TestResult as Result  # not a test class to the collector
from asynctestrun._report.captured_reports import with_captured_text


def _result(*sections: tuple[str, str]) -> Result:
    call = PhaseResult(Phase.CALL, PhaseOutcome.PASSED, 0.0)
    return Result("test_a.py::T::test_x", "test_a.py", 3, (call,), sections=sections)


def test_texts_at_one_offset_follow_one_another():
    result = _result(("Captured stdout call", "hello\n"))
    got = with_captured_text(result, [(6, "u"), (6, "u"), (6, "u")])
    assert got.sections == (("Captured stdout call", "hello\nuuu"),)


def test_texts_go_where_their_subtests_ended():
    result = _result(("Captured stdout call", "before\ninside 0\ninside 1\n"))
    got = with_captured_text(result, [(16, "u"), (25, "u")])
    assert got.sections == (("Captured stdout call", "before\ninside 0\nuinside 1\nu"),)


def test_a_call_that_printed_nothing_gets_its_section_before_its_stderr():
    result = _result(
        ("Captured stdout setup", "set up\n"),
        ("Captured stderr call", "to stderr\n"),
        ("Captured stdout teardown", "torn down\n"),
    )
    got = with_captured_text(result, [(0, "u")])
    assert [title for title, _ in got.sections] == [
        "Captured stdout setup",
        "Captured stdout call",
        "Captured stderr call",
        "Captured stdout teardown",
    ]
    assert got.sections[1] == ("Captured stdout call", "u")


def test_no_texts_leave_the_result_as_it_was():
    result = _result(("Captured stdout call", "x\n"))
    assert with_captured_text(result, []) is result
