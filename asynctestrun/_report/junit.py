"""JUnit XML in pytest's layout, built from the event stream and written atomically at the end.

``classname`` is the dotted module path (``tests/api/test_x.py`` -> ``tests.api.test_x``) plus any
classes; ``name`` is the test name with its ``[params]``. A collection error is a testcase with an
empty classname holding an ``<error>``; xfail is ``<skipped>``; a strict xpass is a ``<failure>``.
Under ``junit_family = xunit1`` (or ``legacy``) a testcase also names its ``file`` and ``line``.
"""

from __future__ import annotations

import os
import platform
import re
import socket
import xml.etree.ElementTree as ET
from datetime import datetime
from pathlib import Path

from .._model.events import (
    CollectionFinished,
    Event,
    SessionFinished,
    SessionStarted,
    SuitePropertyRecorded,
    TestFinished,
)
from .._model.outcomes import CollectError, Phase, PhaseOutcome, PhaseResult, TestResult
from .atomic import write_atomic

_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _skip_site(phase: PhaseResult, result: TestResult) -> tuple[str, int]:
    """Where a skip happened, as pytest's JUnit names it: an absolute path, and a line even where the
    terminal's summary folds a class's or module's skips into one line without it."""
    where = phase.message or result.path
    path, colon, line = where.rpartition(":")
    if not (colon and line.isdigit()):
        path, line = where, str(result.lineno or 0)
    return os.path.abspath(path), int(line)


def _clean(text: str) -> str:
    return _ILLEGAL_XML.sub(lambda m: f"#x{ord(m.group()):02X}", text)


def _report_text(longrepr: str) -> str:
    """A failure's text as pytest's JUnit file holds it: ``str(report.longrepr)``, which strips
    what the terminal shows (the blank line a long frame opens with; the indent of a listing's
    first line when the frame has no arguments)."""
    return longrepr.strip()


def split_nodeid(nodeid: str) -> tuple[str, str]:
    # A parameter id may hold "::" itself ("http://[::1]"): only the part before "[" is split.
    address, bracket, params = nodeid.partition("[")
    path, *rest = address.split("::")
    if rest:
        rest[-1] += bracket + params
    else:
        path += bracket + params
    module = path[:-3] if path.endswith(".py") else path
    dotted = module.replace("/", ".")
    if not rest:
        return "", dotted
    return ".".join([dotted, *rest[:-1]]), rest[-1]


def _location(nodeid: str, lineno: int | None) -> dict[str, str]:
    """The ``file`` and ``line`` attributes xunit1 adds, from pytest's ``report.location``: the
    rootdir-relative file and the 0-based line of the definition (its first decorator); a collection
    report has a file and no line."""
    attrs = {"file": nodeid.split("::", 1)[0].partition("[")[0]}
    if lineno is not None:
        attrs["line"] = str(lineno - 1)
    return attrs


class JUnitReporter:
    def __init__(
        self,
        path: Path,
        suite_name: str = "pytest",
        logging: str = "no",
        family: str = "xunit2",
        log_passing_tests: bool = True,
        duration_report: str = "total",
        prefix: str | None = None,
    ) -> None:
        self.path = path
        # --junitprefix: the first part of every classname, a module's collection error's included.
        self.prefix = prefix
        # junit_duration_report: a testcase's time is its phases' ("total") or its call's alone ("call").
        self.call_time_only = duration_report == "call"
        # junit_logging: which captured output goes into system-out/err ("no" by default), and
        # junit_log_passing_tests: whether a report that passed writes it too.
        self.logging = logging
        self.log_passing_tests = log_passing_tests
        # pytest's default family, xunit2, has classname and name only; "legacy" is xunit1.
        self.xunit1 = family in ("xunit1", "legacy")
        self.suite_name = suite_name
        self.results: list[TestResult] = []
        self.collect_errors: list[CollectError] = []
        self.suite_properties: list[tuple[str, str]] = []  # record_testsuite_property's, in order
        self.started = datetime.now().astimezone()
        self.session_started = False

    def handle(self, event: Event) -> None:
        if isinstance(event, SessionStarted):
            self.started = datetime.now().astimezone()
            self.session_started = True
        elif isinstance(event, CollectionFinished):
            self.collect_errors.extend(event.errors)
        elif isinstance(event, TestFinished):
            self.results.append(event.result)
        elif isinstance(event, SuitePropertyRecorded):
            self.suite_properties.append((event.name, event.value))
        elif isinstance(event, SessionFinished):
            self.write(event.duration)

    def abort(self, internal_error: str | None) -> None:
        """The run stopped on an exception, with no SessionFinished. pytest still writes its report when
        the session had started: what ran so far, plus for an internal error (not a usage error) a
        ``pytest::internal`` testcase holding the traceback."""
        if not self.session_started:
            return
        duration = (datetime.now().astimezone() - self.started).total_seconds()
        self.write(duration, internal_error)

    def write(self, duration: float, internal_error: str | None = None) -> None:
        suite = ET.Element("testsuite")
        if self.suite_properties:
            # pytest writes them first in the suite, every call, duplicates too.
            properties = ET.SubElement(suite, "properties")
            for key, value in self.suite_properties:
                ET.SubElement(properties, "property", name=_clean(key), value=_clean(value))
        counts = {"errors": 0, "failures": 0, "skipped": 0, "tests": 0}
        cases: dict[str, ET.Element] = {}
        for error in self.collect_errors:
            # A module's error has an empty classname; a class's (a.py::TestX) has the module's, as pytest.
            # Two errors of one node (a module both pytest's doctest and python collectors failed to
            # import) share its testcase, as pytest's reports of a node id do.
            classname, name = split_nodeid(error.nodeid)
            case = cases.get(error.nodeid)
            if case is None:
                classname = self._prefixed(classname if "::" in error.nodeid else "")
                attrs = {"classname": _clean(classname), "name": _clean(name)}
                if self.xunit1:
                    attrs.update(_location(error.nodeid, None))
                case = cases[error.nodeid] = ET.SubElement(suite, "testcase", attrs, time="0.000")
            node = ET.SubElement(case, "error", message="collection failure")
            node.text = _clean(_report_text(error.longrepr))
            counts["errors"] += 1
            counts["tests"] += 1
        for result in self.results:
            self._testcase(suite, result, counts)
        if internal_error is not None:
            case = ET.SubElement(suite, "testcase", classname="pytest", name="internal", time="0.000")
            node = ET.SubElement(case, "error", message="internal error")
            node.text = _clean(internal_error)
            counts["errors"] += 1
            counts["tests"] += 1
        suite.set("name", self.suite_name)
        for key in ("errors", "failures", "skipped", "tests"):
            suite.set(key, str(counts[key]))
        suite.set("time", f"{duration:.3f}")
        suite.set("timestamp", self.started.isoformat())
        suite.set("hostname", socket.gethostname() or platform.node())
        root = ET.Element("testsuites", name="pytest tests")
        root.append(suite)
        data = b'<?xml version="1.0" encoding="utf-8"?>' + ET.tostring(root, encoding="utf-8")
        write_atomic(self.path, data)

    def _prefixed(self, classname: str) -> str:
        if not self.prefix:
            return classname
        return f"{self.prefix}.{classname}" if classname else self.prefix

    def _testcase(self, suite: ET.Element, result: TestResult, counts: dict[str, int]) -> None:
        classname, name = split_nodeid(result.nodeid)
        classname = self._prefixed(classname)
        for attempt in result.reruns:
            # pytest writes each rerun attempt (pytest-rerunfailures) as an empty testcase of the same
            # name, not counted in "tests" unless its call passed (it was rerun for its teardown); the
            # attempt that counts follows.
            if attempt.phase is Phase.TEARDOWN:
                counts["tests"] += 1
            ET.SubElement(
                suite,
                "testcase",
                classname=_clean(classname),
                name=_clean(name),
                time=f"{attempt.duration:.3f}",
            )
        attrs = {"classname": _clean(classname), "name": _clean(name)}
        if self.xunit1:
            # A module or class skipped while collecting is a collection report: a file, no line.
            attrs.update(_location(result.nodeid, None if result.collection_skip else result.lineno))
        for key, value in result.xml_attributes:
            # record_xml_attribute's: every one under xunit1; xunit2 keeps its own two names only.
            if self.xunit1 or key in ("classname", "name"):
                attrs[key] = _clean(value)
        attrs["time"] = f"{self._duration(result):.3f}"
        case = ET.SubElement(suite, "testcase", attrs)
        # pytest's "tests" counts reports (a passing call, each failure, error and skip), minus one
        # for a passing call whose teardown failed.
        # Every subtest that passed is a report of its own too.
        for p in result.phases:
            if p.phase is Phase.CALL and p.outcome is PhaseOutcome.PASSED:
                counts["tests"] += 1
                if p.subtest is None:
                    break
        if result.properties:
            properties = ET.SubElement(case, "properties")
            for key, value in result.properties:
                ET.SubElement(properties, "property", name=_clean(key), value=_clean(value))
        call = result.phase(Phase.CALL)
        call_failed = call is not None and call.outcome is PhaseOutcome.FAILED
        for phase in result.phases:
            if phase.phase is Phase.TEARDOWN and phase.outcome is PhaseOutcome.FAILED and call_failed:
                # pytest reports a teardown error after a failed call as a testcase of its own.
                case = ET.SubElement(suite, "testcase", attrs)
            elif phase.phase is Phase.TEARDOWN and phase.outcome is PhaseOutcome.FAILED and call is not None:
                counts["tests"] -= 1  # a passing call with a teardown error stays one testcase
            if phase.outcome is PhaseOutcome.FAILED:
                counts["tests"] += 1
                if phase.phase is Phase.CALL:
                    message = phase.message or "failed"
                    if phase.without_crash_line:
                        message = _report_text(phase.longrepr or "")  # pytest's message is its text
                    node = ET.SubElement(case, "failure", message=_clean(_shorten(message)))
                    counts["failures"] += 1
                    if not self.log_passing_tests and phase.subtest is None:
                        # pytest writes a failed call's output at once only when the teardown (which
                        # passed) will not.
                        self._write_output(case, _sections_until(result.sections, phase.phase), passed=False)
                else:
                    what = "setup" if phase.phase is Phase.SETUP else "teardown"
                    node = ET.SubElement(
                        case, "error", message=_clean(_shorten(f'failed on {what} with "{phase.message}"'))
                    )
                    counts["errors"] += 1
                # A strict xpass's report is its own text, kept as it is (pytest's ends in a space
                # when the mark has no reason).
                text = (phase.longrepr or "") if phase.strict_xpass else _report_text(phase.longrepr or "")
                node.text = _clean(text)
            elif phase.outcome is PhaseOutcome.SKIPPED:
                if phase.xfail:
                    ET.SubElement(case, "skipped", type="pytest.xfail", message=_clean(phase.reason or ""))
                elif result.collection_skip:
                    # A whole module skipped at import (skip(allow_module_level=True), importorskip), or
                    # a class whose tests a pytest_generate_tests hook skipped.
                    node = ET.SubElement(case, "skipped", message="collection skipped")
                    path, line = _skip_site(phase, result)
                    # pytest writes the report's (path, line, message) tuple as it is.
                    node.text = _clean(repr((path, line, f"Skipped: {phase.reason or ''}")))
                else:
                    node = ET.SubElement(
                        case, "skipped", type="pytest.skip", message=_clean(phase.skip_reason)
                    )
                    path, line = _skip_site(phase, result)
                    node.text = _clean(f"{path}:{line}: {phase.skip_reason}")
                    if phase.subtest is None:
                        self._write_output(case, _sections_until(result.sections, phase.phase), passed=False)
                counts["skipped"] += 1
                counts["tests"] += 1
            if phase.phase is Phase.TEARDOWN and phase.subtest is None and not result.collection_skip:
                # The teardown report holds every phase's output.
                passed = phase.outcome is PhaseOutcome.PASSED
                self._write_output(case, result.sections, passed=passed)
        if result.phase(Phase.TEARDOWN) is None and not result.collection_skip:
            # A result with no teardown phase (a worker that died under it): pytest's teardown
            # report would have passed.
            self._write_output(case, result.sections, passed=True)

    def _duration(self, result: TestResult) -> float:
        if not self.call_time_only:
            return result.duration
        call = result.phase(Phase.CALL)
        return call.duration if call is not None else 0.0

    def _write_output(self, case: ET.Element, sections: Sections, *, passed: bool) -> None:
        """pytest's ``write_captured_output`` for one report: the kinds ``junit_logging`` names, each
        under a dashed heading even when empty; the log joins the stdout's ``system-out`` (or has
        its own under ``junit_logging = log``)."""
        if self.logging == "no" or (passed and not self.log_passing_tests):
            return
        pending = ""
        if self.logging in ("log", "all"):
            pending = _heading("Captured Log", "\n".join(_contents(sections, "Captured log")))
        if self.logging in ("system-out", "out-err", "all"):
            pending += _heading("Captured Out", "".join(_contents(sections, "Captured stdout")))
            ET.SubElement(case, "system-out").text = _clean(pending)
            pending = ""
        if self.logging in ("system-err", "out-err", "all"):
            pending += _heading("Captured Err", "".join(_contents(sections, "Captured stderr")))
            ET.SubElement(case, "system-err").text = _clean(pending)
            pending = ""
        if pending:
            ET.SubElement(case, "system-out").text = _clean(pending)


Sections = tuple[tuple[str, str], ...]
_PHASE_ORDER = (Phase.SETUP, Phase.CALL, Phase.TEARDOWN)


def _sections_until(sections: Sections, phase: Phase) -> Sections:
    """The sections a report of ``phase`` holds: pytest's report of a phase carries the output of
    that phase and the ones before it ("Captured stdout setup", "... call")."""
    done = {p.value for p in _PHASE_ORDER[: _PHASE_ORDER.index(phase) + 1]}
    return tuple((title, content) for title, content in sections if title.rsplit(" ", 1)[-1] in done)


def _contents(sections: Sections, prefix: str) -> list[str]:
    return [content for title, content in sections if title.startswith(prefix)]


def _heading(title: str, content: str) -> str:
    return "\n".join([f" {title} ".center(80, "-"), content, ""])


MESSAGE_BUDGET = 500  # characters of a message attribute, as pytest 9 keeps


def _shorten(message: str) -> str:
    """A ``message`` attribute as pytest 9 writes it: whole lines while they fit the budget (a first
    line longer than that is cut, with ``...``), then a line saying what was left out; the element's
    text has the full report."""
    lines = message.splitlines() or [""]
    kept: list[str] = []
    size = 0
    for line in lines:
        if kept and size + len(line) + 1 > MESSAGE_BUDGET:
            break
        kept.append(line)
        size += len(line) + 1
    text = "\n".join(kept)
    cut = len(text) > MESSAGE_BUDGET
    if cut:
        text = text[:MESSAGE_BUDGET] + "..."
    dropped = len(lines) - len(kept)
    if dropped:
        note = f"+{dropped} more line{'s' if dropped > 1 else ''}"
    elif cut:
        note = "truncated"
    else:
        return message
    return f"{text}\n[{note}; full report in element text]"
