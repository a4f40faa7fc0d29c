"""The rich terminal reporter: live progress, failure panels and a summary table, fed only by events.

Two faces, chosen once in the constructor:

* **live** (output is a TTY and colour is allowed): a status line at the bottom of the screen with
  a bar, counts by outcome, elapsed time and the current test with its loop scope; finished lines
  (a file's ``..F.s``, or ``-v`` test lines) scroll above it. Failures are drawn as panels.
* **plain** (a pipe, CI, ``NO_COLOR``, ``--color=no``): no cursor movement and no box drawing, the
  same line-per-file layout as pytest, written as it happens; colour only if ``--color=yes``.

Redraws are synchronous and throttled to ``_REDRAW_INTERVAL``, and happen only when a test starts.
Events arrive between phases, while output capture is suspended; a refresh thread would write while
a test runs and its bytes would land in that test's fd-level capture (and threads do not survive the
fork of watch mode). The cost: during a test that starts within one interval of the last redraw, the
status line still names the previous test.

The last line is always the plain ``==== 2 failed, 10 passed in 0.42s ====`` built by terminal.py's
``format_summary_line``: CI tools parse it, so both reporters share that code.
"""

from __future__ import annotations

import os
import sys
import time
from collections import Counter
from collections.abc import Mapping
from typing import TextIO

from rich.console import Console, Group, RenderableType
from rich.live import Live
from rich.spinner import Spinner
from rich.text import Text

from .._model.events import (
    CollectionFinished,
    Event,
    SessionFinished,
    SessionStarted,
    TestFinished,
    TestStarted,
    WarningRaised,
)
from .._model.outcomes import CollectError, Outcome, Phase, PhaseOutcome, TestResult
from . import rich_panels as panels
from .terminal import _CHARS, _WORDS, _rule, count_outcomes, format_summary_line

_REDRAW_INTERVAL = 0.1  # seconds: at most ~10 redraws a second, whatever the test rate


def wants_colour(color: str, isatty: bool, environ: Mapping[str, str]) -> bool:
    """pytest's rule: ``--color`` wins, then PY_COLORS, NO_COLOR, FORCE_COLOR, then "is it a TTY"."""
    if color in ("yes", "no"):
        return color == "yes"
    if environ.get("PY_COLORS") in ("0", "1"):
        return environ["PY_COLORS"] == "1"
    if environ.get("NO_COLOR"):
        return False
    if environ.get("FORCE_COLOR"):
        return True
    return isatty and environ.get("TERM") != "dumb"


def _isatty(file: TextIO) -> bool:
    try:
        return file.isatty()
    except (AttributeError, ValueError):  # closed, or a file-like object without isatty
        return False


def make_console(file: TextIO, color: str, environ: Mapping[str, str]) -> Console:
    """A Console that colours exactly when ``wants_colour`` says so, sized like pytest's writer."""
    isatty = _isatty(file)
    colour = wants_colour(color, isatty, environ)
    width = None if isatty else int(environ.get("COLUMNS", "") or 80)
    return Console(file=file, force_terminal=isatty or colour, width=width,
                   color_system=("auto" if isatty else "standard") if colour else None,
                   no_color=not colour, highlight=False, markup=False, emoji=False)


class RichReporter:
    """A Reporter (``handle(event)``) drawing with rich. ``console`` is for tests and embedding."""

    def __init__(self, *, verbose: int = 0, report_chars: str = "fE", durations: int | None = None,
                 color: str = "auto", file: TextIO | None = None, showlocals: bool = False,
                 console: Console | None = None) -> None:
        self.verbose = verbose
        self.report_chars = report_chars
        self.durations = durations
        # Locals are rendered (or not) into longrepr by the executor; kept for interface parity.
        self.showlocals = showlocals
        # Pinned now: capture swaps sys.stdout during tests, the terminal stays where it was.
        file = file or sys.stdout
        self.console = console or make_console(file, color, os.environ)
        # A forced-colour console into a pipe is a "terminal" to rich; boxes and redraws need a real one.
        tty = self.console.is_terminal if console is not None else _isatty(file)
        self.boxed = tty and not self.console.is_dumb_terminal
        self.live_enabled = self.boxed and self.console.color_system is not None
        self.width = min(self.console.width, 120)
        self.results: list[TestResult] = []
        self.collect_errors: list[CollectError] = []
        self.warnings: list[WarningRaised] = []
        self.deselected = 0
        self._out = self.console.file
        self._total = 0
        self._tallies: Counter[Outcome] = Counter()
        self._current: TestStarted | None = None
        self._start = time.monotonic()
        self._live: Live | None = None
        self._last_draw = 0.0
        self._pending: list[Text] = []  # finished lines waiting for the next redraw (live only)
        self._line: Text | None = None  # the line being filled with outcome characters (live only)
        self._line_key: str | None = None  # its file (default) or row number (-q)
        self._column = 0
        self._spinner = Spinner("line" if self.console.options.ascii_only else "dots", style="cyan")
        styles = {*panels.STYLES.values(), "dim"}
        self._paint = {style: _ansi_wrap(self.console, style) for style in styles}

    # -- events --------------------------------------------------------------------------------
    def handle(self, event: Event) -> None:
        if isinstance(event, TestStarted):
            self._current = event
            if self.live_enabled:
                self._redraw()
        elif isinstance(event, TestFinished):
            self._test_finished(event.result)
        elif isinstance(event, WarningRaised):
            self.warnings.append(event)
        elif isinstance(event, SessionStarted):
            self._session_started(event)
        elif isinstance(event, CollectionFinished):
            self._collection_finished(event)
        elif isinstance(event, SessionFinished):
            self._session_finished(event)

    def close(self) -> None:
        """Take the live display down (restoring the cursor); safe to call more than once."""
        if self._live is not None:
            self._live.stop()
            self._live = None

    def _session_started(self, event: SessionStarted) -> None:
        self._start = time.monotonic()
        if self.verbose < 0:
            return
        self._print(panels.heading("test session starts", boxed=self.boxed, width=self.width))
        config = f", configfile: {event.inifile}" if event.inifile else ""
        self._print(Text(f"platform {sys.platform} -- Python {event.python}, asynctestrun\n"
                         f"rootdir: {event.rootdir}{config}\n"
                         f"asyncio: mode={event.asyncio_mode}, loop={event.loop_factory}"))

    def _collection_finished(self, event: CollectionFinished) -> None:
        self.collect_errors = list(event.errors)
        self.deselected = event.deselected
        self._total = len(event.nodeids)
        if self.verbose < 0:
            return
        parts = [f"collected {len(event.nodeids) + event.deselected} items"]
        if event.errors:
            parts.append(f"{len(event.errors)} error{'s' if len(event.errors) != 1 else ''}")
        if event.deselected:
            parts.extend([f"{event.deselected} deselected", f"{len(event.nodeids)} selected"])
        self._print(Text(" / ".join(parts) + "\n"))

    # -- progress ------------------------------------------------------------------------------
    def _test_finished(self, result: TestResult) -> None:
        self.results.append(result)
        outcome = result.outcome
        self._tallies[outcome] += 1
        style = panels.STYLES[outcome]
        if self.verbose > 0:
            sections = _section_lines(result, self.width) if self.verbose > 1 else []
            if self.live_enabled:
                self._pending.extend([panels.verbose_line(result), *sections])
                return
            (before, after), (dim, undim) = self._paint[style], self._paint["dim"]
            self._out.write(f"{before}{_WORDS[outcome]:<7}{after} {result.nodeid} "
                            f"{dim}{result.duration:.2f}s{undim}\n")
            self._out.write("".join(_render_plain(self.console, line) for line in sections))
            self._out.flush()
            return
        # One character per test: a line per file (default) or rows of the terminal's width (-q).
        key = result.path if self.verbose == 0 else str((len(self.results) - 1) // self.width)
        if self.live_enabled:
            if key != self._line_key:
                if self._line is not None:
                    self._pending.append(self._line)
                self._line = Text(f"{key} " if self.verbose == 0 else "")
                self._line_key = key
            assert self._line is not None
            self._line.append(_CHARS[outcome], style)
            return
        if key != self._line_key:
            if self._line_key is not None:
                self._out.write("\n")
            self._line_key = key
            if self.verbose == 0:
                self._out.write(f"{key} ")
        before, after = self._paint[style]
        self._out.write(f"{before}{_CHARS[outcome]}{after}")
        self._out.flush()

    def _redraw(self) -> None:
        now = time.monotonic()
        if now - self._last_draw < _REDRAW_INTERVAL:
            return
        self._last_draw = now
        if self._live is None:
            self._live = Live(console=self.console, auto_refresh=False, transient=True,
                              redirect_stdout=False, redirect_stderr=False)
            self._live.start()
        self._live.update(self._live_view())
        if self._pending:
            self.console.print(Text("\n").join(self._pending), soft_wrap=True)
            self._pending.clear()
        else:
            self._live.refresh()

    def _live_view(self) -> RenderableType:
        current = self._current
        status = panels.status_line(
            spinner=self._spinner, done=len(self.results), total=self._total, tallies=self._tallies,
            warnings=len(self.warnings), elapsed=time.monotonic() - self._start,
            current=current.nodeid if current else None, loop_scope=current.loop_scope if current else None)
        if self._line is None or self.verbose > 0:
            return status
        line = self._line
        if line.cell_len > self.console.width - 1:  # show the tail of a long file's line
            line = Text("...") + line[-(self.console.width - 4):]
        return Group(line, status)

    def _end_progress(self) -> None:
        self.close()
        if self._line is not None:
            self._pending.append(self._line)
            self._line = None
        if self._pending:
            self.console.print(Text("\n").join(self._pending), soft_wrap=True)
            self._pending.clear()
        elif self._line_key is not None and not self.live_enabled and self.verbose <= 0:
            self._out.write("\n")

    # -- summary -------------------------------------------------------------------------------
    def _session_finished(self, event: SessionFinished) -> None:
        self._end_progress()
        errored = [(r, p) for r in self.results for p in r.phases
                   if p.phase is not Phase.CALL and p.outcome is PhaseOutcome.FAILED]
        if self.collect_errors or errored:
            self._section("ERRORS", "bold magenta")
            for error in self.collect_errors:
                self._print(panels.failure_block(f"ERROR collecting {error.nodeid}", error.longrepr, (),
                                                 boxed=self.boxed, width=self.width, border="magenta"))
            for result, phase in errored:
                self._print(panels.failure_block(
                    f"ERROR at {phase.phase.value} of {result.nodeid}", phase.longrepr or "",
                    result.sections, boxed=self.boxed, width=self.width, border="magenta"))
        failures = [(r, p) for r in self.results for p in r.phases
                    if p.phase is Phase.CALL and p.outcome is PhaseOutcome.FAILED]
        if failures:
            self._section("FAILURES", "bold red")
            for result, phase in failures:
                self._print(panels.failure_block(result.nodeid, phase.longrepr or "", result.sections,
                                                 boxed=self.boxed, width=self.width))
        if self.warnings and self.verbose >= -1:
            self._section("warnings summary", "yellow")
            self._print(panels.warnings_summary(self.warnings))
        if self.durations is not None:
            count = self.durations or len(self.results)
            self._section(f"slowest {count} durations" if count else "slowest durations", "bold")
            self._print(panels.durations_table(self.results, count, boxed=self.boxed))
        counts = count_outcomes(self.results, len(self.collect_errors), self.deselected, len(self.warnings))
        if self.verbose >= 0 and any(counts.values()):
            self._print(Text(""))
            self._print(panels.counts_table(counts, boxed=self.boxed))
        lines = panels.short_summary(self.results, self.collect_errors, self.report_chars)
        if lines:
            self._section("short test summary info", "bold")
            self._print(Text("\n").join(lines))
        n_errors = len(self.collect_errors)
        if event.interrupted:
            self._print(Text(_rule(f"Interrupted: {event.interrupted}", "!", self.width), "bold red"))
        elif n_errors and event.exit_code == 2:
            self._print(Text(_rule(f"Interrupted: {n_errors} error{'s' if n_errors != 1 else ''} during "
                                   "collection", "!", self.width), "bold red"))
        closing = _rule(format_summary_line(counts, event.duration), width=self.width)
        if self.live_enabled:  # a person is watching: colour it; pipes and CI get it byte-plain
            bad = counts.get("failed") or counts.get("error") or event.interrupted
            self._print(Text(closing, "bold red" if bad else "bold green"))
        else:
            self._out.write(closing + "\n")
        self._out.flush()

    def _section(self, title: str, style: str) -> None:
        self._print(Text(""))
        self._print(panels.heading(title, boxed=self.boxed, width=self.width, style=style))

    def _print(self, renderable: RenderableType) -> None:
        if self.boxed:
            self.console.print(renderable)
            return
        # Plain: lines stay whole (a log viewer wraps them, rich must not split them) and tables
        # lose the trailing blanks rich pads their last column with.
        with self.console.capture() as capture:
            self.console.print(renderable, soft_wrap=isinstance(renderable, Text))
        self._out.write("\n".join(line.rstrip() for line in capture.get().split("\n")))


def _section_lines(result: TestResult, width: int) -> list[Text]:
    """-vv: a test's captured output under its line."""
    lines: list[Text] = []
    for name, content in result.sections:
        if content.strip():
            lines.append(Text(_rule(name, "-", width), "dim"))
            lines.append(Text(content.rstrip()))
    return lines


def _render_plain(console: Console, line: Text) -> str:
    with console.capture() as capture:
        console.print(line, soft_wrap=True)
    return capture.get()


def _ansi_wrap(console: Console, style: str) -> tuple[str, str]:
    """The escape codes around a text in ``style`` on this console ("", "" without colour).

    Per-test characters are written straight to the file with these: rendering each through rich
    would cost tens of microseconds a test.
    """
    with console.capture() as capture:
        console.print(Text("X", style), end="")
    before, _, after = capture.get().partition("X")
    return before, after
