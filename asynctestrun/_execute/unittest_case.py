"""Running one ``unittest.TestCase`` method the way pytest does, and mapping its result to ours.

The TestCase runs itself (``setUp``/``tearDown``, ``asyncSetUp`` and its own loop for
``IsolatedAsyncioTestCase``, skips, expected failures, subtests); this adapter only records what it
reports and re-raises the first error so the usual failure rendering applies.
"""

from __future__ import annotations

import unittest
from collections.abc import Callable
from types import TracebackType
from typing import Any

from .._declare.outcomes import Failed, Skipped, XFailed

# The class of what ``TestCase.subTest`` hands to a result: private, but the one way to tell a
# subtest's skip from the test's own (pytest's unittest plugin checks it the same way).
_SubTest: type[unittest.TestCase] = unittest.case._SubTest  # type: ignore[attr-defined]

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


class _Result(unittest.TestResult):
    """Every outcome the TestCase reports, in order, as the exception that stands for it.

    pytest hands these out one per report: the call takes the first, the teardown the next, so a
    test that is skipped and then fails a cleanup is "skipped" and "error at teardown"."""

    def __init__(self, on_subtest: Callable[[str, BaseException | None], None] | None) -> None:
        super().__init__()
        self.on_subtest = on_subtest
        self.outcomes: list[BaseException] = []

    def _keep(self, err: Any) -> None:
        if err is not None:
            exc = err[1]
            if err[2] is not None:
                exc = exc.with_traceback(err[2])
            self.outcomes.append(exc)

    def addError(self, test: unittest.TestCase, err: Any) -> None:
        self._keep(err)

    def addFailure(self, test: unittest.TestCase, err: Any) -> None:
        self._keep(err)

    def addSkip(self, test: unittest.TestCase, reason: str) -> None:
        skipped = Skipped(reason)
        skipped.at_item = True  # pytest reports a unittest skip at the test, not where it was raised
        if self.on_subtest is not None and isinstance(test, _SubTest):
            # ``self.skipTest()`` inside a ``subTest``: as pytest 9, that subtest is skipped and the
            # test goes on to its own outcome (unittest reports it with the subtest, not the test).
            self.on_subtest(_describe(test), skipped)
            return
        self.outcomes.append(skipped)

    def addExpectedFailure(self, test: unittest.TestCase, err: Any) -> None:
        self.outcomes.append(XFailed(""))  # pytest gives unittest's expected failures no reason

    def addUnexpectedSuccess(self, test: unittest.TestCase) -> None:
        self.outcomes.append(Failed("Unexpected success", pytrace=False))

    def addSubTest(self, test: unittest.TestCase, subtest: unittest.TestCase, err: Any) -> None:
        if self.on_subtest is None:
            self._keep(err)
            return
        exc = None if err is None else err[1].with_traceback(err[2]) if err[2] is not None else err[1]
        self.on_subtest(_describe(subtest), exc)


def _describe(subtest: unittest.TestCase) -> str:
    """The subtest as unittest describes it, "(i=2)" or "[msg] (i=2)", which pytest shows too."""
    describe = getattr(subtest, "_subDescription", None)
    return str(describe()) if callable(describe) else str(subtest)


def run_test_case(
    case: unittest.TestCase,
    on_subtest: Callable[[str, BaseException | None], None] | None = None,
) -> list[BaseException]:
    """Run one test method and return what it reported, in order: the first outcome is the call's,
    the next the teardown's (pytest reports no more than that). Each ``subTest`` that ends goes to
    ``on_subtest`` with its error (None when it passed), and then the test itself passes, as in
    pytest 9; without it, a failed one fails the test.

    ``case`` is the instance made for the test at set-up (``TestCase(method_name)``), the one its
    fixture methods were bound to, as pytest's ``request.instance``."""
    result = _Result(on_subtest)
    case.run(result)
    return result.outcomes
