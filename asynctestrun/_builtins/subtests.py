"""pytest 9's ``subtests`` fixture: blocks of a test that fail or skip on their own.

``with subtests.test(msg="check", i=i): ...`` runs the block; an exception in it (an assertion, an
error, ``pytest.skip``/``pytest.xfail``/``pytest.fail``) ends the block, is reported as that subtest's
result, and the test goes on after the ``with``. As in pytest, a failed subtest counts as a failure of
its own ("SUBFAILED[check] (i=2)"), and a test that otherwise passes then fails with "contains N failed
subtests". Passing subtests are recorded too, since JUnit's ``tests`` count includes them. unittest's
``self.subTest`` is reported the same way (``_execute.unittest_case``), except that there the test
itself passes, as in pytest.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from types import TracebackType
from typing import Any

from .._declare.outcomes import Exit, OutcomeException
from .capture import CaptureFixture
from .logging import LoggingCapture

# Called with the subtest's label, what ended it (None: it passed), how long it ran and what the block
# printed (its "Captured stdout call" / "Captured stderr call" sections); given by the running test.
RecordSubtest = Callable[[str, BaseException | None, float, tuple[tuple[str, str], ...]], None]
STASH_KEY = "_asynctestrun_subtest"
CAPTURE_KEY = "_asynctestrun_subtest_capture"


class BlockCapture:
    """One block's own output and log records, as pytest's subtests fixture captures them: its output
    with the run's capture method (``output`` None where it captures none: capture off, or capsys /
    capfd in use), its records by a handler of its own (here: the part of the phase's log it adds)."""

    def __init__(self, output: CaptureFixture[str] | None, logs: LoggingCapture | None) -> None:
        self._output = output
        self._logs = logs
        self._log_start = logs.report_offset() if logs is not None else 0

    def stop(self) -> tuple[tuple[str, str], ...]:
        """Stop capturing; the block's sections, as its subtest's report has them."""
        sections: list[tuple[str, str]] = []
        if self._output is not None:
            out, err = self._output.readouterr()
            self._output._close()
            sections += [("Captured stdout call", out), ("Captured stderr call", err)]
        if self._logs is not None:
            sections.append(("Captured log call", self._logs.report_since(self._log_start)))
        return tuple((title, text) for title, text in sections if text)


# Starts one block's capture; given by the running test.
StartBlockCapture = Callable[[], BlockCapture]


def subtest_label(msg: str | None, params: Mapping[str, Any]) -> str:
    """``[msg] (a=1, b='x')``, as pytest and unittest show a subtest."""
    parts = [f"[{msg}]"] if msg is not None else []
    if params:
        parts.append("(" + ", ".join(f"{key}={value!r}" for key, value in params.items()) + ")")
    return " ".join(parts) or "(<subtest>)"


class SubtestContext:
    def __init__(self, record: RecordSubtest, label: str, start_capture: StartBlockCapture) -> None:
        self._record = record
        self._label = label
        self._start_capture = start_capture
        self._capture: BlockCapture | None = None
        self._start = 0.0

    def __enter__(self) -> None:
        self._start = time.perf_counter()
        self._capture = self._start_capture()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> bool:
        capture, self._capture = self._capture, None
        sections = capture.stop() if capture is not None else ()
        if exc is not None and (isinstance(exc, Exit) or not isinstance(exc, (Exception, OutcomeException))):
            return False  # an interruption (Ctrl-C, pytest.exit): it ends the run, not the subtest
        self._record(self._label, exc, time.perf_counter() - self._start, sections)
        return True


class Subtests:
    """The ``subtests`` fixture's value."""

    def __init__(self, record: RecordSubtest, start_capture: StartBlockCapture) -> None:
        self._record = record
        self._start_capture = start_capture

    def test(self, msg: str | None = None, **params: Any) -> SubtestContext:
        return SubtestContext(self._record, subtest_label(msg, params), self._start_capture)
