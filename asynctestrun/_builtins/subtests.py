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

# Called with the subtest's label, what ended it (None: it passed) and how long it ran; given by the
# running test.
RecordSubtest = Callable[[str, BaseException | None, float], None]
STASH_KEY = "_asynctestrun_subtest"


def subtest_label(msg: str | None, params: Mapping[str, Any]) -> str:
    """``[msg] (a=1, b='x')``, as pytest and unittest show a subtest."""
    parts = [f"[{msg}]"] if msg is not None else []
    if params:
        parts.append("(" + ", ".join(f"{key}={value!r}" for key, value in params.items()) + ")")
    return " ".join(parts) or "(<subtest>)"


class SubtestContext:
    def __init__(self, record: RecordSubtest, label: str) -> None:
        self._record = record
        self._label = label
        self._start = 0.0

    def __enter__(self) -> None:
        self._start = time.perf_counter()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> bool:
        if exc is not None and (isinstance(exc, Exit) or not isinstance(exc, (Exception, OutcomeException))):
            return False  # an interruption (Ctrl-C, pytest.exit): it ends the run, not the subtest
        self._record(self._label, exc, time.perf_counter() - self._start)
        return True


class Subtests:
    """The ``subtests`` fixture's value."""

    def __init__(self, record: RecordSubtest) -> None:
        self._record = record

    def test(self, msg: str | None = None, **params: Any) -> SubtestContext:
        return SubtestContext(self._record, subtest_label(msg, params))
