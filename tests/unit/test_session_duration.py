"""The duration on the closing line: pytest adds the clock form (``(0:02:32)``) from a minute on.

Found on a real suite that ran for two and a half minutes; a sample that slow would cost every e2e run
two minutes, so the rule is pinned here. The expected texts are what pytest 9.2's own
``_pytest.terminal.format_session_duration`` returns (not imported: the shim stands in for _pytest).
"""

import io

import pytest

from asynctestrun._model.events import CollectionFinished, SessionFinished
from asynctestrun._report.terminal import TerminalReporter, format_session_duration, format_summary_line

PYTESTS = [
    (0.0, "0.00s"),
    (0.42, "0.42s"),
    (59.994, "59.99s"),
    # Rounds up to 60.00 but is still under a minute: pytest decides on the unrounded value.
    (59.999, "60.00s"),
    (60.0, "60.00s (0:01:00)"),
    (61.5, "61.50s (0:01:01)"),
    (152.9, "152.90s (0:02:32)"),
    (3599.99, "3599.99s (0:59:59)"),
    (3600.0, "3600.00s (1:00:00)"),
    (90061.25, "90061.25s (1 day, 1:01:01)"),
]


@pytest.mark.parametrize(("seconds", "expected"), PYTESTS)
def test_matches_pytest(seconds: float, expected: str) -> None:
    assert format_session_duration(seconds) == expected


def test_summary_line_under_a_minute_keeps_the_short_form() -> None:
    assert format_summary_line({"passed": 3}, 0.42) == "3 passed in 0.42s"


def test_summary_line_from_a_minute_on_adds_the_clock() -> None:
    assert (
        format_summary_line({"failed": 24, "passed": 7724}, 152.9)
        == "24 failed, 7724 passed in 152.90s (0:02:32)"
    )


def test_collect_only_line_adds_the_clock_too() -> None:
    out = io.StringIO()
    reporter = TerminalReporter(verbose=-1, out=out, collect_only=True)
    reporter.handle(CollectionFinished(("t.py::test_a",), (), 0))
    reporter.handle(SessionFinished(0, 75.1))
    assert out.getvalue().rstrip().endswith("1 test collected in 75.10s (0:01:15)")
