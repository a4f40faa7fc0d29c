"""The plain terminal reporter: pytest's familiar layout, fed only by events.

One line per file with a character per test (``-v``: a line per test), then errors, failures, the
warnings summary, the short test summary (``-r`` chars) and the closing ``N passed, N failed in Xs``.
"""

from __future__ import annotations

import datetime
import os
import sys
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from typing import TextIO

from .._config.config import running_on_ci
from .._model.events import (
    CollectionFinished,
    Event,
    FixtureShown,
    LiveLogged,
    PhaseReported,
    SessionFinished,
    SessionStarted,
    TestFinished,
    TestShown,
    TestStarted,
    WarningRaised,
    is_maxfail_reason,
)
from .._model.outcomes import (
    CollectError,
    Outcome,
    Phase,
    PhaseOutcome,
    PhaseResult,
    TestResult,
    counted_outcome,
    report_category,
)
from .captured_reports import with_captured_text
from .collect_only import collected_lines, collected_summary

_CHARS = {
    Outcome.PASSED: ".",
    Outcome.FAILED: "F",
    Outcome.ERROR: "E",
    Outcome.SKIPPED: "s",
    Outcome.XFAILED: "x",
    Outcome.XPASSED: "X",
}
_WORDS = {
    Outcome.PASSED: "PASSED",
    Outcome.FAILED: "FAILED",
    Outcome.ERROR: "ERROR",
    Outcome.SKIPPED: "SKIPPED",
    Outcome.XFAILED: "XFAIL",
    Outcome.XPASSED: "XPASS",
}
_ORDER = (
    "failed",
    "passed",
    "skipped",
    "deselected",
    "xfailed",
    "xpassed",
    "warnings",
    "error",
    "subtests passed",
    "rerun",
)


def _earlier_attempts(result: TestResult) -> list[str]:
    """The verbose word of each report of an earlier attempt, written before the test's own: one per
    pytest-rerunfailures rerun, one for a test pytest-retry retried (its first failure only)."""
    words = ["RERUN"] * len(result.reruns)
    if result.retried:
        words.append("RETRY")
    return words


_SUBTEST_WORDS = {
    (PhaseOutcome.PASSED, False): "PASSED",
    (PhaseOutcome.FAILED, False): "FAILED",
    (PhaseOutcome.SKIPPED, False): "SKIPPED",
    (PhaseOutcome.SKIPPED, True): "XFAIL",
}


# --setup-show indents a fixture's line by its scope, the session's leftmost, as pytest does.
_SHOWN_SCOPE_DEPTH = {"session": 0, "package": 1, "module": 2, "class": 3, "function": 4}


def _fixture_line(event: FixtureShown) -> str:
    """pytest's ``SETUP    M connection (fixtures used: database)`` line."""
    line = "  " * _SHOWN_SCOPE_DEPTH.get(event.scope, 4)
    line += f"{event.action:<8} {event.scope[0].upper()} {event.name}"
    if event.used:
        line += f" (fixtures used: {', '.join(event.used)})"
    if event.param is not None:
        line += f"[{event.param}]"
    return line


def _test_line(event: TestShown) -> str:
    """pytest's line for a test under --setup-show (its node id as is, from the rootdir, wherever the
    run started); its outcome follows after a space."""
    line = " " * 8 + event.nodeid
    if event.fixtures:
        line += f" (fixtures used: {', '.join(event.fixtures)})"
    return line + " " if event.called else line


def _shown_as(phase: PhaseResult) -> tuple[str, str, Outcome | None] | None:
    """A report's progress letter, ``-v`` word and counted outcome: what a plugin's
    ``pytest_report_teststatus`` said, else pytest's own; None for a set-up or teardown that passed."""
    outcome = counted_outcome(phase)
    if phase.status is not None:
        return phase.status[1], phase.status[2], outcome
    if outcome is None:
        return None
    return _CHARS[outcome], _WORDS[outcome], outcome


def _subtest_letter(phase: PhaseResult) -> str:
    if phase.outcome is PhaseOutcome.SKIPPED:
        return "y" if phase.xfail else "-"
    return "u"


def _width() -> int:
    from .._execute.failures import terminal_width

    return terminal_width()


def _shown_reason(result: TestResult, outcome: Outcome) -> str:
    """`` (reason)`` after a skipped, xfailed or xpassed word in the verbose listing. A test that
    passed and then skipped in teardown has two lines, and only the second gives the reason."""
    if outcome not in (Outcome.SKIPPED, Outcome.XFAILED, Outcome.XPASSED):
        return ""
    for phase in result.phases:
        if phase.reason and (phase.xfail or phase.outcome is PhaseOutcome.SKIPPED):
            return f" ({phase.reason})"
    return ""


def _wrapped(text: str, column: int, width: int) -> str:
    """``text`` (`` (reason)``) written from ``column`` on, wrapped as pytest's -vv wraps a reason: at
    the terminal's width less a margin of 8 for the progress share, continued at the line start."""
    import textwrap

    lines = textwrap.wrap(
        " " * column + text, width=width - 8, drop_whitespace=True, replace_whitespace=False
    )
    return "\n".join(lines)[column:]


def _trimmed(text: str, available: int) -> str:
    """``text`` (`` (reason)``) cut with ``...`` inside its parentheses to fit ``available``
    columns, or nothing when not even `` (...)`` fits; pytest's rule."""
    if len(text) <= available:
        return text
    if len(" ()...") > available:
        return ""
    return text[: available - len("...)")] + "...)"


def shows_progress(console_output_style: str | None, capture: str) -> bool:
    """Whether pytest puts the share of the run done at the right edge: not with the ini's
    ``console_output_style = classic``, and not when output is not captured (``-s``), where what the
    tests print would break the lines, unless the style is ``progress-even-when-capture-no`` or
    ``times``."""
    style = console_output_style or "progress"
    if style == "classic":
        return False
    return capture != "no" or style in ("progress-even-when-capture-no", "times")


def _source_line(location: str | None) -> str:
    """The line of code at ``path:lineno``, stripped, as Python's warning display adds it."""
    if not location:
        return ""
    path, _, lineno = location.rpartition(":")
    if not lineno.isdigit():
        return ""
    import linecache

    return linecache.getline(path, int(lineno)).strip()


def warnings_summary(warnings: Sequence[WarningRaised], invocation_dir: str) -> list[str]:
    """The lines under "warnings summary", as pytest's: one block per distinct warning (its place, category,
    message and source line), headed by the tests that raised it, or by each file's count of them once
    there are ten or more."""
    places: dict[str, list[str]] = {}
    for warning in warnings:
        location = f"{warning.location}: " if warning.location else ""
        text = f"{location}{warning.category}: {warning.message}"
        source = _source_line(warning.location)
        if source:
            text += f"\n  {source}"
        if warning.allocated:
            text += f"\n{warning.allocated}"
        place = warning.nodeid or _session_place(warning.location, invocation_dir)
        places.setdefault(text, []).extend([place] if place else [])
    lines: list[str] = []
    for text, where in places.items():
        if len(where) >= 10:
            counts = Counter(place.split("::", 1)[0] for place in where)
            lines += [f"{path}: {n} warning{'s' if n != 1 else ''}" for path, n in counts.items()]
        else:
            lines += where
        # As pytest: the block is indented line by line and only its end is stripped, so a message's
        # own blank lines stay (as two spaces) and so does a space ending one of its lines.
        block = "\n".join("  " + line if where else line for line in text.splitlines())
        lines += block.rstrip().splitlines()
        lines.append("")
    return [*lines, f"-- Docs: {WARNINGS_DOCS}"]


# Where pytest's summary sends its readers; asynctestrun's filters take the same specs.
WARNINGS_DOCS = "https://docs.pytest.org/en/stable/how-to/capture-warnings.html"


def _session_place(location: str | None, invocation_dir: str) -> str | None:
    """A warning raised outside any test (a module or conftest importing) is headed by its file and line,
    relative to where the run started. As pytest's, a relative file name is taken from the working
    directory first: pytest-asyncio's collection warnings name the file as the test's node id does."""
    if not location:
        return None
    path, _, lineno = location.rpartition(":")
    if not lineno.isdigit():
        return None
    return f"{os.path.relpath(os.path.abspath(path), invocation_dir)}:{lineno}"


def _stop_reason(interrupted: str) -> str:
    """The title of pytest's rule for a run stopped early other than by -x / --maxfail: the exception's
    own words (``KeyboardInterrupt``), ``pytest.exit()`` named by its exception's full name as its
    traceback's last line is, and "Interrupted: " before anything else."""
    if interrupted.startswith("Exit: "):
        return f"_pytest.outcomes.{interrupted}"
    if interrupted == "KeyboardInterrupt":
        return interrupted
    return f"Interrupted: {interrupted}"


def _ignoring(files: tuple[str, ...]) -> str:
    """What pytest adds to its configfile line when files beside it configure pytest too."""
    return f" (WARNING: ignoring pytest config in {', '.join(files)}!)" if files else ""


def _rule(title: str, char: str = "=", width: int = 80) -> str:
    if not title:
        return char * width
    # As pytest's TerminalWriter.sep: one character each side at least, so a title too long for the
    # width still reads "_ title _" and the line simply runs past the width.
    side = max(1, (width - len(title) - 2) // 2)
    line = f"{char * side} {title} {char * side}"
    return line + char * (width - len(line)) if len(line) < width else line


def _section(title: str, content: str, width: int) -> str:
    """One captured-output section as pytest writes it: its rule, then the text less one final line
    break. Blank lines the test printed last stay, and a section of whitespace alone is shown (a
    bare ``print()``): sections are only made for output that is not empty."""
    if content.endswith("\n"):
        content = content[:-1]
    return _rule(title, "-", width) + "\n" + content + "\n"


def expand_report_chars(chars: str) -> str:
    """``-r`` as pytest reads it, left to right: ``a`` means ``sxXEf`` and ``A`` ``PpsxXEf``, each
    replacing what came before, ``N`` clears, ``F``/``S`` are old spellings of ``f``/``s``."""
    expanded = ""
    for given in chars:
        char = {"F": "f", "S": "s"}.get(given, given)
        if char == "a":
            expanded = "sxXEf"
        elif char == "A":
            expanded = "PpsxXEf"
        elif char == "N":
            expanded = ""
        elif char not in expanded:
            expanded += char
    return expanded


def with_message(head: str, message: str | None, width: int, verbose: int) -> str:
    """A short-summary line: ``head - message``. As pytest: the whole message on a CI system (``CI``
    or ``BUILD_NUMBER`` set) or with ``-vv``; otherwise its first line, cut with ``...`` so the line
    fits the terminal, or left out when not even ``...`` fits."""
    if not message:
        return head
    if verbose >= 2 or running_on_ci():
        return f"{head} - {message}"
    first = message.split("\n", 1)[0]
    available = width - len(head) - len(" - ")
    if available < len("..."):
        return head
    if len(first) > available:
        first = first[: available - len("...")] + "..."
    return f"{head} - {first}"


class InvocationPlaces:
    """Where pytest's terminal places tests: relative to the directory the run started in, so
    ``cd tests && asynctestrun`` shows ``test_x.py::test_y``. Node ids stay rootdir-relative everywhere
    else (JUnit, JSON, the cache), as pytest's."""

    def __init__(self) -> None:
        self.invocation_dir = os.getcwd()
        self._rootdir: str | None = None  # set when it is not the invocation directory

    def session_started(self, rootdir: str) -> None:
        if os.path.normpath(rootdir) != os.path.normpath(self.invocation_dir):
            self._rootdir = rootdir

    def nodeid(self, nodeid: str) -> str:
        if self._rootdir is None:
            return nodeid
        path = nodeid.split("::", 1)[0]
        return self._path(path) + nodeid[len(path) :]

    def result(self, result: TestResult) -> TestResult:
        if self._rootdir is None:
            return result
        path = self._path(result.path)
        return replace(result, nodeid=path + result.nodeid[len(result.path) :], path=path)

    def _path(self, path: str) -> str:
        assert self._rootdir is not None
        return os.path.relpath(os.path.join(self._rootdir, path), self.invocation_dir)


class TerminalReporter:
    def __init__(
        self,
        *,
        verbose: int = 0,
        report_chars: str = "fE",
        out: TextIO | None = None,
        durations: int | None = None,
        tb_style: str = "auto",
        durations_min: float | None = None,
        show_capture: str = "all",
        show_progress: bool = True,
        collect_only: bool = False,
        echo: bool = False,
        setup_only: bool = False,
        log_cli: bool = False,
    ) -> None:
        self.verbose = verbose
        # Live logging: as pytest, the tests are written one a line (verbosity at least 1) once
        # collection is over, so that records can follow a test's id (LiveLogged).
        self.log_cli = log_cli
        self._live_started = False  # a record was written under the running test's id
        self._live_section: str | None = None  # the phase whose "live log" heading is written
        self._live_outcome_ended = False  # the outcome's line was ended for a teardown record
        # --setup-only: no test is called, and a test whose set-up passed shows no outcome at all.
        self.setup_only = setup_only
        # Output not captured (-s): a test's prints reach the terminal as it runs, so its place (its
        # file's name, or its id with -v) is written when it starts, above them, as pytest does.
        self.echo = echo
        self.collect_only = collect_only  # list what was collected; the closing line counts it
        self.show_progress = show_progress  # the "[ 42%]" at the right edge (see shows_progress)
        self.tb_style = tb_style
        self.durations_min = durations_min
        self.show_capture = show_capture
        self.report_chars = report_chars
        self.out = out or sys.stdout
        self.width = _width()
        self.durations = durations
        self.results: list[TestResult] = []
        self.collect_errors: list[CollectError] = []
        self.warnings: list[WarningRaised] = []
        self.places = InvocationPlaces()
        self.deselected = 0
        self._current_file: str | None = None
        self._column = 0
        self._total = 0
        self._done = 0
        # The last test's line waits for its share until the run loop has ended (see _session_finished).
        self._last_share_pending = False
        self._started: str | None = None  # under -s: the test whose id is written, awaiting its word
        # Output captured: the running test, whose file (or id) is written with its result. pytest
        # writes it when the test starts, so a run stopped inside it (pytest.exit(), an interrupt)
        # still shows it, after the previous file's line has ended with its share.
        self._unwritten_start: TestStarted | None = None
        # Under -s: the test whose set-up or call report is written already (PhaseReported), and how
        # many of its phases that covered.
        self._reporting: str | None = None
        self._reported = 0
        # Under -s -v: a word was written and its line not yet ended. pytest ends it only when it
        # writes again, so what the teardown prints follows the word on its line.
        self._line_open = False
        # (offset, text): what the running test's reports wrote into its captured stdout, as pytest's
        # terminal did for unittest subtests under fd capture (see captured_reports).
        self._captured_reports: list[tuple[int, str]] = []
        # --junitxml's file, which pytest's junitxml plugin names above the short test summary.
        self.junit_path: str | None = None
        self.warnings_summary = True  # False under --disable-warnings

    def write(self, text: str) -> None:
        self.out.write(text)

    def handle(self, event: Event) -> None:
        if isinstance(event, SessionStarted):
            self._session_started(event)
        elif isinstance(event, TestStarted):
            if self.echo:
                self._test_started(event)
            else:
                self._unwritten_start = event
        elif isinstance(event, CollectionFinished):
            self._collection_finished(event)
        elif isinstance(event, TestFinished):
            self._test_finished(event.result)
        elif isinstance(event, PhaseReported):
            if self.echo:
                self._phase_reported(event.result)
        elif isinstance(event, FixtureShown):
            self._shown_line(_fixture_line(event))
        elif isinstance(event, TestShown):
            self._shown_line(_test_line(event))
        elif isinstance(event, LiveLogged):
            self._live_logged(event)
        elif isinstance(event, WarningRaised):
            self.warnings.append(event)
        elif isinstance(event, SessionFinished):
            self._session_finished(event)

    def _session_started(self, event: SessionStarted) -> None:
        self.places.session_started(event.rootdir)
        if self.verbose < 0:
            return
        self.write(_rule("test session starts", width=self.width) + "\n")
        self.write(f"platform {sys.platform} -- Python {event.python}, asynctestrun\n")
        # Plugins' and conftests' lines come before pytest's own rootdir line, as in pytest.
        for line in event.header_lines:
            self.write(line + "\n")
        self.write(f"rootdir: {event.rootdir}\n")
        if event.inifile:
            self.write(f"configfile: {event.inifile}{_ignoring(event.ignored_config_files)}\n")
        if event.testpaths:
            self.write(f"testpaths: {', '.join(event.testpaths)}\n")
        self.write(f"asyncio: mode={event.asyncio_mode}, loop={event.loop_factory}\n")
        self.out.flush()

    def _collection_finished(self, event: CollectionFinished) -> None:
        self.collect_errors = list(event.errors)
        self.deselected = event.deselected
        self._total = len(event.nodeids)
        if self.verbose >= 0:
            # pytest's verbose layout off a terminal: "collecting ... collected 3 items".
            self.write(("collecting ... " if self.verbose > 0 else "") + collection_line(event) + "\n")
        # What the suite's pytest_report_collectionfinish hooks return, whatever the verbosity, then
        # pytest's own notes (its cache plugin answers the same hook, after the initial conftests and
        # installed plugins).
        self.write("".join(line + "\n" for line in event.report_lines))
        if self.verbose >= 0:
            for note in event.notes:
                self.write(note + "\n")
            if self.collect_only and event.nodeids:
                self.write("\n")
        if self.collect_only:
            self.write("".join(line + "\n" for line in collected_lines(event, self.verbose)))
        elif self.log_cli:
            self.verbose = max(self.verbose, 1)
        self.out.flush()

    def _test_started(self, event: TestStarted) -> None:
        self._live_started, self._live_section, self._live_outcome_ended = False, None, False
        if self.verbose > 0:
            if self._done == 0 or self._line_open:
                # Between the "collected" line and the first test's; or ending the previous word's
                # line, whatever the teardown printed after it (pytest ends it unconditionally).
                self.write("\n")
                self._line_open = False
            self._started = event.nodeid
            self.write(f"{self.places.nodeid(event.nodeid)} ")
        elif self.verbose == 0:
            self._start_file(self.places.nodeid(event.path), self._done)
        self.out.flush()

    def _start_file(self, path: str, done: int) -> None:
        """A file's line: the previous one ends (with the share of the run ``done``), this one is named."""
        if path == self._current_file:
            return
        if self._current_file is not None:
            # pytest ends the line before this file's first test counts, even one the last test just
            # wrapped: the share is then written again, alone on its line.
            self._fill_progress(done)
        self.write("\n")  # ends the previous file's line, or follows the "collected" line
        self._current_file = path
        self.write(f"{path} ")
        self._column = len(path) + 1

    def _live_logged(self, event: LiveLogged) -> None:
        """A live log record, as pytest's live logging writes it: the first of a test ends the line
        of its id, one in the teardown ends the outcome's line, and each phase's records follow a
        "live log <phase>" heading."""
        if not self._live_started:
            self._live_started = True
            self.write("\n")
        elif event.when == "teardown" and not self._live_outcome_ended:
            self._live_outcome_ended = True
            self.write("\n")
        if event.when != self._live_section:
            self._live_section = event.when
            self.write(_rule(f"live log {event.when}", "-", self.width) + "\n")
        self.write(event.text + "\n")
        self.out.flush()

    def _shown_line(self, line: str) -> None:
        """A --setup-show line: on a line of its own, left open, as the test's outcome may follow it."""
        self.write("\n" + line)
        self._line_open = True
        self.out.flush()

    def _phase_reported(self, result: TestResult) -> None:
        """Under -s: a set-up or call report is written as it is made, as pytest writes it, so what
        the teardown prints comes after the test's letter (or word), not before it."""
        result = self.places.result(result)
        if result.nodeid != self._reporting:
            self._reporting, self._reported = result.nodeid, 0
        # The test counts in the share from its first report on, as in pytest's (it ends later).
        self._write_reports(result, result.phases[self._reported :], done=self._done + 1)
        self._reported = len(result.phases)
        self.out.flush()

    def _test_finished(self, result: TestResult) -> None:
        self._unwritten_start = None
        result = self.places.result(result)
        self.results.append(result)
        if result.collection_skip:
            return  # a module or class skipped while collecting: the "collected" line counted it
        self._done += 1
        shown = self._reported if result.nodeid == self._reporting else 0  # written at its reports
        self._reporting, self._reported = None, 0
        if self.verbose > 0:
            if self._done == 1 and self._started is None and not shown:
                self.write("\n")  # between the "collected" line and the first test's
            if self._started is not None and (result.reruns or result.retried):
                self.write("\n")  # their own lines follow the id written when the test started
                self._started = None
            for word in _earlier_attempts(result):
                line = f"{result.nodeid} {word}"
                self.write(self._with_progress(line) + "\n")
        else:
            # As pytest: a line per file (no file names with -q), its letters, and the share of the
            # run done at the right edge when the file ends, the line is full, or the run is over.
            if self.verbose == 0 and result.path != self._current_file:
                self._start_file(result.path, self._done - 1)  # the previous line's share excludes this test
            letters = "R" * len(_earlier_attempts(result))
            self.write(letters)
            self._column += len(letters)
        self._write_reports(result, result.phases[shown:], nothing_shown=not shown)
        if self._captured_reports:
            self.results[-1] = with_captured_text(result, self._captured_reports)
            self._captured_reports = []
        self._started = None
        if self.verbose <= 0:
            if self._done >= self._total:
                self._last_share_pending = True
            elif self.show_progress and self._column + len(" [100%]") + 1 >= self.width:
                self.write(self._progress() + "\n")
                self._column = 0
        self.out.flush()

    def _write_reports(
        self,
        result: TestResult,
        phases: Sequence[PhaseResult],
        *,
        nothing_shown: bool = False,
        done: int | None = None,
    ) -> None:
        """The letters (or -v lines) of these reports of ``result``: one per report, as pytest writes
        them, so a test that passed and then failed its teardown shows ".E"; its subtests come
        first. A test with nothing to show (no call ran, nothing failed) shows its one outcome."""
        subtests = [p for p in phases if p.subtest is not None]
        reports = [report for p in phases if p.subtest is None and (report := _shown_as(p)) is not None]
        if not reports and nothing_shown and not any(p.status for p in phases):
            if self.setup_only and result.outcome is Outcome.PASSED:
                return  # its set-up report passed, which pytest does not show, and nothing else ran
            reports = [(_CHARS[result.outcome], _WORDS[result.outcome], result.outcome)]
        if self.verbose <= 0:
            for sub in subtests:
                # A failed subtest is "u"; with -q the others show too ("u" passed, "-" skipped).
                shown = sub.outcome is PhaseOutcome.FAILED or self.verbose < 0
                letter = _subtest_letter(sub) if shown else ""
                if sub.captured_at is None:
                    self.write(letter)
                elif letter:
                    self._captured_reports.append((sub.captured_at, letter))
                # Counted even when captured: pytest's writer counts what it wrote, wherever it went.
                self._column += len(letter)
            for letter, _, _ in reports:
                self.write(letter)
                self._column += len(letter)
            return
        captured = [sub for sub in subtests if sub.captured_at is not None]
        if captured:
            self._capture_subtest_lines(result, captured)
        elif self._started is not None and subtests and not self.echo:
            self.write("\n")  # their own lines follow the id written when the test started
            self._started = None
        for sub in subtests:
            if sub.captured_at is not None:
                continue
            line = self._with_progress(self._subtest_line(result, sub))
            if not self.echo:
                self.write(line + "\n")
            elif self._started is not None:  # written as its block ended, after the test's id
                self.write(line[len(result.nodeid) + 1 :])
                self._started = None
                self._line_open = True
            else:  # pytest ends the line only when it writes again (what the test printed follows it)
                self.write(("\n" if self._line_open else "") + line)
                self._line_open = True
        for letter, word, outcome in reports:
            if not letter and not word:
                continue  # a plugin hid this report
            # Live log records written under the test's id: its word starts a line of its own.
            alone = self._started is not None and self._live_started
            line = word if alone else f"{result.nodeid} {word}"
            reason = _shown_reason(result, outcome) if outcome is not None else ""
            if reason:
                available = self.width - len(line) - len(" [100%]") - 1
                wide = self.verbose > 1
                line += _wrapped(reason, len(line), self.width) if wide else _trimmed(reason, available)
            line = self._with_progress(line, done)
            if alone:
                self._started = None
            elif self._started is not None:  # the id is on the terminal already, the test's output under it
                line, self._started = line[len(result.nodeid) + 1 :], None
            elif self._line_open:
                self.write("\n")  # -s: pytest ends a word's line only when something else is written
            if self.echo:
                self.write(line)
                self._line_open = True
            else:
                self.write(line + "\n")

    def _subtest_line(self, result: TestResult, sub: PhaseResult) -> str:
        line = f"{result.nodeid} SUB{_SUBTEST_WORDS[sub.outcome, sub.xfail]}{sub.subtest}"
        if sub.outcome is PhaseOutcome.SKIPPED and sub.reason:
            line += _trimmed(f" ({sub.reason})", self.width - len(line) - len(" [100%]") - 1)
        return line

    def _capture_subtest_lines(self, result: TestResult, captured: Sequence[PhaseResult]) -> None:
        """-v lines of subtests that pytest wrote into the test's capture (see captured_reports): it
        wrote the test's id on the terminal when the test started, the first subtest's word after it
        (in the capture), then every other line on a line of its own; the id's line ends on the
        terminal when the test's own report comes."""
        for n, sub in enumerate(captured):
            line = self._with_progress(self._subtest_line(result, sub))
            text = line[len(result.nodeid) + 1 :] if n == 0 else "\n" + line
            self._captured_reports.append((sub.captured_at or 0, text))
        if self._line_open:
            # A --setup-show line is open on the terminal: the test's own report ends it and, as
            # pytest's writer has moved on from the test's id, starts a line with the id again.
            self._started = None
            return
        if self._started is None:
            self.write(f"{result.nodeid} ")
        self.write("\n")
        self._started = None

    def _progress(self, done: int | None = None) -> str:
        done = self._done if done is None else done
        return f" [{100 * done // max(self._total, 1):3d}%]"

    def _with_progress(self, line: str, done: int | None = None) -> str:
        if not self.show_progress:
            return line
        last_line = line.rsplit("\n", 1)[-1]  # a reason wrapped under -vv: the share follows its end
        return line + self._progress(done).rjust(self.width - len(last_line) - 1)

    def _fill_progress(self, done: int | None = None) -> None:
        if self.show_progress:
            self.write(self._progress(done).rjust(self.width - self._column - 1))
        self._column = self.width - 1

    def _session_finished(self, event: SessionFinished) -> None:
        if self._unwritten_start is not None and event.interrupted:
            self._test_started(self._unwritten_start)
            self._line_open = self.verbose > 0  # the id's line, which the summary's break ends
        if self._last_share_pending and not event.interrupted:
            # As pytest, the last share ("[100%]") is written once the run loop is over, after the
            # last teardowns, and not at all when the loop was stopped (-x / --maxfail reached by
            # the last test, stepwise, an exit): pytest's loop then raises past that write.
            self._fill_progress()
        # What pytest_sessionfinish printed, where pytest's terminal stood then; its own idea of the
        # line it is on does not change, as pytest's writer does not see a hook's print() either.
        self.write(event.finish_output)
        if event.aborted:  # pytest_sessionfinish raised: its traceback follows, and no summary
            self.out.flush()
            return
        if self._column or self._line_open or self.verbose < 0:
            # pytest's summary starts with a line break: it ends the progress line, and, quiet with
            # nothing on the line (no test ran, or --collect-only's listing), is an empty line.
            self.write("\n")
        if self.verbose >= 0:
            self.write("\n")
        shows_tracebacks = self.tb_style != "no"
        if shows_tracebacks and (self.collect_errors or any(_errored(r) for r in self.results)):
            self.write(_rule("ERRORS", width=self.width) + "\n")
            for error in self.collect_errors:
                # pytest heads a class's collection error with its file, as a module's.
                where = error.nodeid.split("::", 1)[0]
                self.write(_rule(f"ERROR collecting {where}", "_", self.width) + "\n")
                self.write(error.longrepr.rstrip() + "\n")
                for title, content in error.sections:
                    self.write(_section(title, content, self.width))
            for result in self.results:
                for phase in result.phases:
                    if shown_error(phase):
                        title = f"ERROR at {phase.phase.value} of {result.domain}"
                        self.write(_rule(title, "_", self.width) + "\n")
                        self.write((phase.longrepr or "").rstrip() + "\n")
                        # What was printed up to the error: a setup error's own output, or all of it.
                        setup_only = phase.phase is Phase.SETUP
                        self._write_sections(result, "setup" if setup_only else None)
        # A failed subtest has a block of its own, before its test's.
        failures = [(r, p) for r in self.results for p in r.phases if shown_failure(p)]
        if failures and shows_tracebacks:
            self.write(_rule("FAILURES", width=self.width) + "\n")
        for result, call in failures if shows_tracebacks and self.tb_style != "line" else ():
            title = result.domain
            if call.subtest is not None:
                title += f" {call.subtest}"
            self.write(_rule(title, "_", self.width) + "\n")
            self.write((call.longrepr or "").rstrip() + "\n")
            if call.subtest is None:
                self._write_sections(result)
            else:
                self._write_subtest_sections(result, call)
        if self.tb_style == "line":
            # --tb=line: no headings; the E lines, what the test printed, then where it failed.
            for result, call in failures:
                self.write((call.longrepr or "").rstrip() + "\n")
                if call.subtest is None:
                    # pytest writes the call report's sections here, and no teardown ones.
                    self._write_sections(result, with_teardown=False)
                else:
                    self._write_subtest_sections(result, call, with_teardown=False)
                if call.without_crash_line:
                    self.write((call.longrepr or "")[:50] + "\n")  # pytest cuts the report at 50 characters
                    continue
                where = f"{call.crash_location}: " if call.crash_location else ""
                self.write(f"{where}{(call.message or '').split(chr(10), 1)[0]}\n")
        if self.warnings and self.warnings_summary:  # at every quietness, as pytest (-qq and -qqq too)
            self.write(_rule("warnings summary", width=self.width) + "\n")
            self.write(
                "".join(line + "\n" for line in warnings_summary(self.warnings, self.places.invocation_dir))
            )
        chars = expand_report_chars(self.report_chars)
        if "P" in chars and shows_tracebacks:
            self._write_passes("PASSES", xpassed=False)
        if "X" in chars and shows_tracebacks:
            self._write_passes("XPASSES", xpassed=True)
        # pytest's junitxml plugin registers while the run is configured, after the initial conftests,
        # so its summary hook runs first: the file is named above conftests' lines and pytest-cov's.
        if self.junit_path is not None and self.verbose >= 0:
            self.write(_rule(f"generated xml file: {self.junit_path}", "-", self.width) + "\n")
        self.write(event.plugin_summary)
        if self.durations is not None:
            self._write_durations()
        if "r" in chars or "R" in chars:
            self._rerun_summary()
        self._short_summary()
        interrupted = event.interrupted
        if interrupted and is_maxfail_reason(interrupted):
            # pytest's -x / --maxfail stop is no interruption: its line is the reason alone, and
            # collection errors that stopped the run still get theirs.
            self.write(_rule(interrupted, "!", self.width) + "\n")
            interrupted = None
        # pytest writes a stop's line above the closing line only when the exit status is 2; for
        # ``pytest.exit(returncode=0)`` its terminal reporter writes the line as the run unconfigures.
        late_stop = interrupted if interrupted and event.exit_code != 2 else None
        if interrupted and not late_stop:
            self.write(_rule(_stop_reason(interrupted), "!", self.width) + "\n")
        elif self.collect_errors and event.exit_code == 2:
            count = len(self.collect_errors)
            self.write(
                _rule(
                    f"Interrupted: {count} error{'s' if count != 1 else ''} during collection",
                    "!",
                    self.width,
                )
                + "\n"
            )
        if event.notice:
            self.write(event.notice + "\n")
        # As pytest: the closing line is ruled by default, plain with -q and left out with -qq.
        if self.verbose >= 0:
            self.write(_rule(self.summary_line(event.duration), width=self.width) + "\n")
        elif self.verbose == -1:
            self.write(self.summary_line(event.duration) + "\n")
        if late_stop:
            self.write(_rule(_stop_reason(late_stop), "!", self.width) + "\n")
        self.write(event.unconfigure_output)  # pytest_unconfigure runs after pytest's last line
        self.out.flush()

    def _write_passes(self, heading: str, *, xpassed: bool) -> None:
        # ``-rP`` (``-rX``) shows what passing (unexpectedly passing) tests printed, as failures do.
        wanted = "xpassed" if xpassed else "passed"
        passed = [
            r
            for r in self.results
            # The calls filed as passed (xpassed): not those a report_teststatus hook filed elsewhere.
            if any(p.phase is Phase.CALL and report_category(p) == wanted for p in r.phases)
        ]
        if not passed:
            return
        self.write(_rule(heading, width=self.width) + "\n")
        for result in passed:
            # As pytest: the test's heading only when its setup or call printed something; what its
            # teardown printed follows all the same, headed by its own rule alone.
            if any(not title.endswith(" teardown") for title, _ in result.sections):
                self.write(_rule(result.domain, "_", self.width) + "\n")
            # A teardown that failed is reported with the errors, its output with it.
            teardown_passed = not any(
                p.phase is Phase.TEARDOWN and p.outcome is not PhaseOutcome.PASSED for p in result.phases
            )
            self._write_sections(result, with_teardown=teardown_passed)

    def _write_sections(
        self, result: TestResult, phase: str | None = None, *, with_teardown: bool = True
    ) -> None:
        for title, content in shown_sections(result.sections, self.show_capture):
            if not with_teardown and title.endswith(" teardown"):
                continue
            if phase is None or title.endswith(f" {phase}"):
                self.write(_section(title, content, self.width))

    def _write_subtest_sections(
        self, result: TestResult, subtest: PhaseResult, *, with_teardown: bool = True
    ) -> None:
        """As pytest's subtest report: its test's set-up sections, what the block printed and logged,
        and then, as after any failure of the test, its teardown's sections."""
        self._write_sections(result, "setup")
        for title, content in shown_sections(subtest.sections, self.show_capture):
            self.write(_section(title, content, self.width))
        if with_teardown:
            self._write_sections(result, "teardown")

    def _write_durations(self) -> None:
        if not has_timed_phases(self.results):
            return
        count = self.durations or 0
        shown, hidden = slowest_phases(self.results, count, self.durations_min, self.verbose)
        self.write(
            _rule(f"slowest {count} durations" if count else "slowest durations", width=self.width) + "\n"
        )
        for duration, phase, nodeid in shown:
            self.write(f"{duration:.2f}s {phase:<8} {nodeid}\n")
        if hidden:
            self.write("\n" + hidden + "\n")

    def _rerun_summary(self) -> None:
        """pytest-rerunfailures' ``-rR`` section: each rerun test's attempts, then how it ended."""
        lines: list[str] = []
        for r in self.results:
            if r.reruns:
                lines.extend(f"RERUN {r.nodeid}" for _ in r.reruns)
                lines.extend(f"{_WORDS[outcome]} {r.nodeid}" for outcome in r.outcomes or (r.outcome,))
        if lines:
            self.write(_rule("rerun test summary info", width=self.width) + "\n")
            self.write("\n".join(lines) + "\n")

    def _short_summary(self) -> None:
        lines: list[str] = []
        for char in expand_report_chars(self.report_chars):
            lines.extend(self._summary_lines(char))
        if lines:
            self.write(_rule("short test summary info", width=self.width) + "\n")
            self.write("\n".join(lines) + "\n")

    def _summary_lines(self, char: str) -> list[str]:
        lines: list[str] = []
        if char == "f":
            for r in self.results:
                for p in r.phases:
                    if p.subtest is not None and p.outcome is PhaseOutcome.FAILED:
                        lines.append(self._with_message(f"SUBFAILED{p.subtest} {r.nodeid}", p.message))
                call = r.phase(Phase.CALL)
                if (
                    call is not None
                    and call.outcome is PhaseOutcome.FAILED
                    and report_category(call) == "failed"
                ):
                    lines.append(self._with_message(f"FAILED {r.nodeid}", call.message))
        elif char == "E":
            for error in self.collect_errors:
                lines.append(self._with_message(f"ERROR {self.places.nodeid(error.nodeid)}", error.message))
            for r in self.results:
                for phase in r.phases:
                    if phase.phase is not Phase.CALL and report_category(phase) == "error":
                        lines.append(self._with_message(f"ERROR {r.nodeid}", phase.message))
        elif char == "s":
            counts: Counter[tuple[str, str]] = Counter()
            word = None
            for r in self.results:
                for phase in r.phases:
                    skipped = phase.outcome is PhaseOutcome.SKIPPED and not phase.xfail
                    # A skipped subtest is filed as a skip only when the verbosity is not the default
                    # one, as pytest 9 counts it (see count_outcomes).
                    subtest_skip = phase.subtest is not None and self.verbose != 0
                    if skipped and (subtest_skip or report_category(phase) == "skipped"):
                        counts[(phase.message or r.path, phase.skip_reason)] += 1
                        # pytest heads every folded line with the first skip's word, which for a
                        # subtest's skip is its -v word ("SUBSKIPPED[msg] (i=1)").
                        if word is None:
                            word = "SKIPPED" if phase.subtest is None else f"SUBSKIPPED{phase.subtest}"
            for (where, reason), count in counts.items():
                lines.append(f"{word} [{count}] {where}: {reason}")
        elif char == "x":
            for r in self.results:
                for p in r.phases:
                    xfailed = p.xfail and p.outcome is PhaseOutcome.SKIPPED
                    subtest_xfail = p.subtest is not None and self.verbose != 0  # as skips above
                    if xfailed and (subtest_xfail or report_category(p) == "xfailed"):
                        where = "" if p.phase is Phase.CALL else f"at {p.phase.value} of "
                        word = "XFAIL" if p.subtest is None else f"SUBXFAIL{p.subtest}"
                        lines.append(f"{word} {where}{r.nodeid}" + (f" - {p.reason}" if p.reason else ""))
        elif char == "X":
            for r in self.results:
                if any(report_category(p) == "xpassed" for p in r.phases):
                    xpass_reason = next((p.reason for p in r.phases if p.xfail), "")
                    lines.append(f"XPASS {r.nodeid}" + (f" - {xpass_reason}" if xpass_reason else ""))
        elif char == "p":
            for r in self.results:
                # A passing call whose teardown failed is listed too.
                if any(report_category(p) == "passed" for p in r.phases):
                    lines.append(f"PASSED {r.nodeid}")
        return lines

    def _with_message(self, head: str, message: str | None) -> str:
        return with_message(head, message, self.width, self.verbose)

    def counts(self) -> dict[str, int]:
        return count_outcomes(
            self.results, len(self.collect_errors), self.deselected, len(self.warnings), self.verbose
        )

    def summary_line(self, duration: float) -> str:
        if self.collect_only:
            words = collected_summary(self._total, self.deselected, len(self.collect_errors))
            return f"{words} in {format_session_duration(duration)}"
        return format_summary_line(self.counts(), duration)


def count_outcomes(
    results: Iterable[TestResult], collect_errors: int, deselected: int, warnings: int, verbose: int = 0
) -> dict[str, int]:
    """Counts keyed by outcome word ("passed", "error", "warnings"...), as the closing line needs them.

    As pytest 9: a failed subtest counts as "failed"; passed and skipped subtests count ("subtests
    passed", "skipped") only when the verbosity is not the default one."""
    counts: Counter[str] = Counter()
    for r in results:
        for p in r.phases:
            category = report_category(p)
            if category:  # "" is not counted: a passed set-up, or a report a plugin hid
                counts[category] += 1
        if verbose:
            for p in r.phases:
                if p.subtest is not None and p.outcome is PhaseOutcome.PASSED:
                    counts["subtests passed"] += 1
                elif p.subtest is not None and p.outcome is PhaseOutcome.SKIPPED:
                    counts["xfailed" if p.xfail else "skipped"] += 1
        if r.retried:
            counts[r.retried] += 1  # pytest-retry reports a retried test once, whatever its attempts
        if r.reruns:
            counts["rerun"] += len(r.reruns)
            # An attempt rerun for its teardown had a passing call, which pytest counts as well.
            counts["passed"] += sum(attempt.phase is Phase.TEARDOWN for attempt in r.reruns)
    counts["error"] += collect_errors
    if deselected:
        counts["deselected"] = deselected
    if warnings:
        counts["warnings"] = warnings
    return dict(counts)


def format_summary_line(counts: Mapping[str, int], duration: float) -> str:
    """The closing ``2 failed, 10 passed in 0.42s``: pytest's wording and order, which CI tools parse.

    Shared by every terminal reporter so the line cannot drift between them.
    """
    parts: list[str] = []
    # pytest's own categories in its order, then those plugins' report_teststatus hooks made up.
    for key in [*_ORDER, *(key for key in counts if key not in _ORDER)]:
        value = counts.get(key, 0)
        if not value:
            continue
        word = key
        if key == "error":
            word = "errors" if value != 1 else "error"
        elif key == "warnings":
            word = "warnings" if value != 1 else "warning"
        parts.append(f"{value} {word}")
    if not parts:
        parts.append("no tests ran")
    return f"{', '.join(parts)} in {format_session_duration(duration)}"


def format_session_duration(seconds: float) -> str:
    """The run's length as pytest closes with it: ``12.34s``, and from a minute on ``75.10s (0:01:15)``.

    CI logs and tools that read the closing line see the same text as under pytest.
    """
    if seconds < 60:
        return f"{seconds:.2f}s"
    # pytest shows whole seconds in the clock form: the fraction is already in the first number.
    return f"{seconds:.2f}s ({datetime.timedelta(seconds=int(seconds))})"


def collection_line(event: CollectionFinished) -> str:
    """pytest's "collected 12 items / 1 error / 3 deselected / 9 selected" line."""
    total = len(event.nodeids) + event.deselected
    parts = [f"collected {total} item{'' if total == 1 else 's'}"]
    if event.errors:
        parts.append(f"{len(event.errors)} error{'s' if len(event.errors) != 1 else ''}")
    if event.deselected:
        parts.append(f"{event.deselected} deselected")
    if event.skipped:
        parts.append(f"{event.skipped} skipped")
    if event.deselected:
        parts.append(f"{len(event.nodeids)} selected")
    return " / ".join(parts)


def _errored(result: TestResult) -> bool:
    """A set-up or teardown error the ERRORS section shows (not one --pdb showed already)."""
    return any(shown_error(p) for p in result.phases)


def shown_error(phase: PhaseResult) -> bool:
    """A set-up or teardown failure the ERRORS section shows (--pdb showed the others already)."""
    return phase.phase is not Phase.CALL and report_category(phase) == "error" and not phase.debugged


def shown_failure(phase: PhaseResult) -> bool:
    """A test's (or subtest's) failure the FAILURES section shows (--pdb showed the others already)."""
    return phase.phase is Phase.CALL and report_category(phase) == "failed" and not phase.debugged


# pytest's default for --durations-min: shorter phases are left out of --durations unless -vv.
DEFAULT_DURATIONS_MIN = 0.005


def has_timed_phases(results: Iterable[TestResult]) -> bool:
    """Whether any test ran a phase: pytest's --durations section lists the reports that have a
    duration, and leaves out its heading when there are none (no test selected, only collection errors)."""
    return any(r.phases for r in results)


def slowest_phases(
    results: Iterable[TestResult], count: int, minimum: float | None, verbose: int
) -> tuple[list[tuple[float, str, str]], str]:
    """The ``count`` slowest phases (all when 0) as (duration, phase, node id), slowest first and ties
    in the order they ran, and pytest's line about those shorter than ``--durations-min`` ("" when
    none is hidden)."""
    if minimum is None:
        minimum = DEFAULT_DURATIONS_MIN if verbose < 2 else 0.0
    timed = sorted(
        ((p.duration, p.phase.value, r.nodeid) for r in results for p in r.phases),
        key=lambda entry: entry[0],
        reverse=True,  # a stable sort: equal durations keep their order
    )[: count if count > 0 else None]
    shown = [entry for entry in timed if entry[0] >= minimum]
    hidden = len(timed) - len(shown)
    if not hidden:
        return shown, ""
    hint = "  Use -vv to show these durations." if verbose < 2 else ""
    return shown, f"({hidden} durations < {minimum:g}s hidden.{hint})"


def shown_sections(sections: Iterable[tuple[str, str]], show_capture: str) -> list[tuple[str, str]]:
    """The captured-output sections ``--show-capture`` lets a report show: none, all, or those of
    one kind ("stdout", "stderr", "log": the word in "Captured stdout call")."""
    if show_capture == "no":
        return []
    return [(title, content) for title, content in sections if show_capture == "all" or show_capture in title]
