"""Outcomes of one test, per phase and overall, as the reporters see them."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


def dotted_names(names: str) -> str:
    """``TestClass::test_x[::1]`` (a node id after its file) as pytest's ``location`` names it:
    ``TestClass.test_x[::1]``. Only the names are joined with dots: the ``[...]`` part holds the
    parameter ids, which may contain ``::`` themselves (an IPv6 address)."""
    names_part, bracket, params = names.partition("[")
    return names_part.replace("::", ".") + bracket + params


class Outcome(Enum):
    PASSED = "passed"
    FAILED = "failed"
    ERROR = "error"
    SKIPPED = "skipped"
    XFAILED = "xfailed"
    XPASSED = "xpassed"


class Phase(Enum):
    SETUP = "setup"
    CALL = "call"
    TEARDOWN = "teardown"


class PhaseOutcome(Enum):
    PASSED = "passed"
    FAILED = "failed"
    SKIPPED = "skipped"


@dataclass(frozen=True, slots=True)
class PhaseResult:
    """What happened in one phase. ``longrepr`` is the rendered failure, ``reason`` a skip/xfail reason."""

    phase: Phase
    outcome: PhaseOutcome
    duration: float
    longrepr: str | None = None
    message: str | None = None  # one line: "AssertionError: assert 1 == 2"
    reason: str | None = None
    xfail: bool = False  # outcome comes from an expected failure (skipped) or unexpected pass (passed)
    strict_xpass: bool = False
    # Set on the result of one subtest (``subtests.test(...)``, unittest's ``subTest``) that failed or
    # was skipped, as its label: "[msg] (i=2)". Such results come before the test's own call result.
    subtest: str | None = None
    # A unittest ``subTest`` reported while its test's output was captured at file-descriptor level:
    # how many characters of the call's captured stdout came before it. pytest's terminal writes such
    # a report (its letter, or its -v line) to file descriptor 1, which is then the capture's file, so
    # it shows in the test's "Captured stdout call" and not on the terminal. None: written as usual.
    captured_at: int | None = None
    # What a ``subtests`` block printed, captured on its own as pytest's fixture does: ("Captured
    # stdout call", text) ..., shown with the subtest's failure after its test's set-up sections.
    sections: tuple[tuple[str, str], ...] = ()
    # "/abs/path.py:12": where a failure was raised, for ``--tb=line``'s closing line.
    crash_location: str | None = None
    # --pdb opened the debugger on this failure: as under pytest, the FAILURES and ERRORS sections
    # leave it out (it was shown then); the short summary still lists it.
    debugged: bool = False
    # What a plugin's or conftest's ``pytest_report_teststatus`` said this report shows as: (category
    # counted in the closing line, progress letter, ``-v`` word). None where none answered.
    status: tuple[str, str, str] | None = None

    @property
    def skip_reason(self) -> str:
        """A skip's reason as the skip summary and JUnit give it: pytest's own word for a skip
        without one (``pytest.skip()``, a bare ``raise unittest.SkipTest``) is "Skipped"."""
        return self.reason or "Skipped"

    @property
    def without_crash_line(self) -> bool:
        """A failure whose report has no one-line summary (a doctest's): its ``message`` is empty,
        and pytest's JUnit message and ``--tb=line`` line are taken from the report itself."""
        return self.message == "" and bool(self.longrepr)


@dataclass(frozen=True, slots=True)
class TestResult:
    """The whole story of one test: its phases in order, and what they add up to."""

    nodeid: str
    path: str
    lineno: int | None
    phases: tuple[PhaseResult, ...]
    sections: tuple[tuple[str, str], ...] = ()
    warnings: tuple[str, ...] = ()
    loop_scope: str | None = None
    markers: tuple[str, ...] = ()
    properties: tuple[tuple[str, str], ...] = ()  # record_property(name, value)
    xml_attributes: tuple[tuple[str, str], ...] = ()  # record_xml_attribute(name, value)
    # The failed phase of each earlier attempt that was rerun (pytest-rerunfailures), oldest first.
    reruns: tuple[PhaseResult, ...] = ()
    # The category a test retried by pytest-retry counts under once ("retried", or --retry-outcome).
    retried: str | None = None
    # A module or class skipped while it was collected (``pytest.skip`` at import or in a
    # ``pytest_generate_tests`` hook): one skip in the counts and the JUnit XML, no test ran.
    collection_skip: bool = False
    headline: str | None = None  # TestItem.headline

    @property
    def domain(self) -> str:
        """What its failure or error section is headed with: ``TestClass.test_x`` for
        ``test_a.py::TestClass::test_x``, or the item's own headline."""
        return self.headline or dotted_names(self.nodeid.split("::", 1)[-1])

    @property
    def duration(self) -> float:
        return sum(p.duration for p in self.phases)

    @property
    def outcomes(self) -> tuple[Outcome, ...]:
        """Counted outcomes, pytest style: a passing test whose teardown failed is 'passed' and 'error',
        one whose teardown skipped (``pytest.skip`` or ``unittest.SkipTest`` in a finalizer) 'passed'
        and 'skipped'."""
        return tuple(outcome for p in self.phases if (outcome := counted_outcome(p)) is not None)

    @property
    def outcome(self) -> Outcome:
        """The single worst outcome, for places that show one word per test."""
        order = [Outcome.ERROR, Outcome.FAILED, Outcome.XPASSED, Outcome.XFAILED, Outcome.SKIPPED]
        got = self.outcomes
        for candidate in order:
            if candidate in got:
                if candidate is Outcome.ERROR and Outcome.FAILED in got:
                    return Outcome.FAILED
                return candidate
        return Outcome.PASSED

    def phase(self, phase: Phase) -> PhaseResult | None:
        """The test's own result for a phase (a subtest's result is not its call's)."""
        for p in self.phases:
            if p.phase is phase and p.subtest is None:
                return p
        return None


def counted_outcome(p: PhaseResult) -> Outcome | None:
    """What one report counts as in the summary: None for a set-up or teardown that passed, and for
    a subtest that did not fail (pytest counts failed subtests only)."""
    if p.subtest is not None:
        return Outcome.FAILED if p.outcome is PhaseOutcome.FAILED else None
    if p.phase is Phase.CALL:
        return _call_outcome(p)
    if p.outcome is PhaseOutcome.FAILED:
        return Outcome.ERROR
    if p.outcome is PhaseOutcome.SKIPPED:
        return Outcome.XFAILED if p.xfail else Outcome.SKIPPED
    return None


def report_category(p: PhaseResult) -> str:
    """The summary category a report is filed under, as pytest's terminal reporter files it: what a
    ``pytest_report_teststatus`` hook said, else the counted outcome's word ("" for a set-up or
    teardown that passed). The FAILURES and ERRORS sections, the short summary and the closing line
    read their reports from these categories."""
    if p.status is not None:
        return p.status[0]
    outcome = counted_outcome(p)
    return "" if outcome is None else outcome.value


def _call_outcome(p: PhaseResult) -> Outcome:
    if p.outcome is PhaseOutcome.PASSED:
        return Outcome.XPASSED if p.xfail else Outcome.PASSED
    if p.outcome is PhaseOutcome.SKIPPED:
        return Outcome.XFAILED if p.xfail else Outcome.SKIPPED
    return Outcome.FAILED


@dataclass(frozen=True, slots=True)
class CollectError:
    """A file or directory that could not be collected (import error, syntax error, bad marker...)."""

    nodeid: str
    longrepr: str
    message: str = ""
    # ("Captured stdout", text) ...: what the file printed while it was imported, shown under its error
    sections: tuple[tuple[str, str], ...] = ()
