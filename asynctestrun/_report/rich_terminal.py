"""The rich terminal reporter: live progress, failure panels and a summary table, fed only by events.

Two faces, chosen once in the constructor:

* **live** (output is a TTY and colour is allowed): a status line at the bottom of the screen with
  a bar, counts by outcome, elapsed time and the current test with its loop scope; finished lines
  (a file's ``..F.s``, or ``-v`` test lines) scroll above it. Failures are drawn as panels.
* **plain** (a pipe, CI, ``NO_COLOR``, ``--color=no``): no cursor movement and no box drawing, the
  same line-per-file layout as pytest, written as it happens; colour only if ``--color=yes``.

The live area (the file line being filled, then the status line) is redrawn by hand rather than
with ``rich.live``: rendering every ``.`` as a rich Text cost ~70 us a test, too much for 10,000
tests, so progress text is pre-coloured strings and rich renders only the status line and the
final summary. Redraws are synchronous, throttled to ``_REDRAW_INTERVAL`` and happen when a test
starts: events arrive between phases while output capture is suspended, whereas a refresh thread
would write while a test runs and its bytes would land in that test's fd-level capture (and threads
do not survive the fork of watch mode). The cost: during a test that starts within one interval of
the last redraw, the status line still names the previous test.

The last line is always the plain ``==== 2 failed, 10 passed in 0.42s ====`` built by terminal.py's
``format_summary_line``: CI tools parse it, so both reporters share that code.
"""

from __future__ import annotations

import itertools
import os
import sys
import time
from collections import Counter
from collections.abc import Mapping
from dataclasses import replace
from typing import TextIO

from rich.cells import cell_len
from rich.console import Console, RenderableType
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
from .._model.outcomes import CollectError, Outcome, TestResult
from . import rich_panels as panels
from .terminal import (
    _CHARS,
    _WORDS,
    InvocationPlaces,
    _ignoring,
    _rule,
    collection_line,
    count_outcomes,
    format_summary_line,
    has_timed_phases,
    shown_error,
    shown_failure,
    shown_sections,
    slowest_phases,
)

_REDRAW_INTERVAL = 0.1  # seconds: at most ~10 redraws a second, whatever the test rate
_HIDE_CURSOR, _SHOW_CURSOR = "\x1b[?25l", "\x1b[?25h"


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
    columns = environ.get("COLUMNS", "")
    width = None if isatty else int(columns) if columns.isdigit() and int(columns) > 0 else 80
    return Console(
        file=file,
        force_terminal=isatty or colour,
        width=width,
        color_system=("auto" if isatty else "standard") if colour else None,
        no_color=not colour,
        highlight=False,
        markup=False,
        emoji=False,
    )


class RichReporter:
    """A Reporter (``handle(event)``) drawing with rich.

    ``live=False`` forces the plain face (for ``-s``, where tests write to the terminal and would
    tear the live area); ``console`` replaces the one built from ``file`` and ``color`` (tests).
    """

    def __init__(
        self,
        *,
        verbose: int = 0,
        report_chars: str = "fE",
        durations: int | None = None,
        color: str = "auto",
        file: TextIO | None = None,
        showlocals: bool = False,
        live: bool = True,
        console: Console | None = None,
        durations_min: float | None = None,
        show_capture: str = "all",
    ) -> None:
        self.verbose = verbose
        self.report_chars = report_chars
        self.durations = durations
        self.warnings_summary = True  # False under --disable-warnings
        self.durations_min = durations_min
        self.show_capture = show_capture
        # Locals are rendered (or not) into longrepr by the executor; kept for interface parity.
        self.showlocals = showlocals
        # Pinned now: capture swaps sys.stdout during tests, the terminal stays where it was.
        file = file or sys.stdout
        self.console = console or make_console(file, color, os.environ)
        # The live face (redraws, panels) needs a real terminal with colour; anything else is plain.
        # A forced-colour console into a pipe is a "terminal" to rich, hence the own isatty check.
        tty = self.console.is_terminal if console is not None else _isatty(file)
        self.live = (
            live
            and tty
            and not self.console.is_dumb_terminal
            and self.console.color_system is not None
            and not self.console.legacy_windows
        )
        self.width = min(self.console.width, 120)
        self.results: list[TestResult] = []
        self.collect_errors: list[CollectError] = []
        self.warnings: list[WarningRaised] = []
        self.places = InvocationPlaces()
        self.deselected = 0
        self._out = self.console.file
        self._total = 0
        self._tallies: Counter[Outcome] = Counter()
        self._current: TestStarted | None = None
        self._start = time.monotonic()
        self._line_key: str | None = None  # the file (default) or row number (-q) being filled
        self._chars: list[str] = []  # its outcome characters
        self._pending: list[str] = []  # finished lines waiting for the next redraw (live only)
        self._area_height = 0  # lines of the live area now on screen
        self._cursor_hidden = False
        self._last_draw = 0.0
        wraps = {style: _ansi_wrap(self.console, style) for style in {*panels.STYLES.values(), "dim"}}
        self._paint = {outcome: wraps[style] for outcome, style in panels.STYLES.items()}
        self._paint_char = {_CHARS[outcome]: wrap for outcome, wrap in self._paint.items()}
        self._dim = wraps["dim"]

    # -- events --------------------------------------------------------------------------------
    def handle(self, event: Event) -> None:
        if isinstance(event, TestStarted):
            self._current = event
            if self.live:
                self._redraw()
            elif self.verbose == 0:
                # Plain face (-s among others): the file's line starts before the test runs, so what
                # the test prints lands under its file's name, as in pytest, not under the previous one.
                self._start_line(self.places.nodeid(event.path))
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
        """Take the live area down and show the cursor again; safe to call more than once."""
        parts = [f"\x1b[{self._area_height}A\r\x1b[J"] if self._area_height else []
        parts.extend(line + "\n" for line in self._pending)
        if self._cursor_hidden:
            parts.append(_SHOW_CURSOR)
        self._area_height, self._cursor_hidden = 0, False
        self._pending.clear()
        if parts:
            self._out.write("".join(parts))
            self._out.flush()

    def _session_started(self, event: SessionStarted) -> None:
        self._start = time.monotonic()
        self.places.session_started(event.rootdir)
        if self.verbose < 0:
            return
        self._print(panels.heading("test session starts", boxed=self.live, width=self.width))
        ignoring = _ignoring(event.ignored_config_files)
        config = f", configfile: {event.inifile}{ignoring}" if event.inifile else ""
        self._print(
            Text(
                f"platform {sys.platform} -- Python {event.python}, asynctestrun\n"
                + "".join(line + "\n" for line in event.header_lines)
                + f"rootdir: {event.rootdir}{config}\n"
                f"asyncio: mode={event.asyncio_mode}, loop={event.loop_factory}"
            )
        )

    def _collection_finished(self, event: CollectionFinished) -> None:
        self.collect_errors = list(event.errors)
        self.deselected = event.deselected
        self._total = len(event.nodeids)
        if self.verbose < 0:
            return
        self._print(Text("\n".join([collection_line(event), *event.report_lines, *event.notes]) + "\n"))

    # -- progress ------------------------------------------------------------------------------
    def _test_finished(self, result: TestResult) -> None:
        result = self.places.result(result)
        self.results.append(result)
        outcome = result.outcome
        self._tallies[outcome] += 1
        if self.verbose > 0:
            (before, after), (dim, undim) = self._paint[outcome], self._dim
            line = f"{before}{_WORDS[outcome]:<7}{after} {result.nodeid} {dim}{result.duration:.2f}s{undim}"
            if self.verbose > 1:  # -vv: the test's captured output under its line
                for name, content in result.sections:
                    if content.strip():
                        line += "\n" + _render(self.console, Text(_rule(name, "-", self.width), "dim"))
                        line += "\n" + content.rstrip()
            self._emit(line)
            return
        # One character per test: a line per file (default) or rows of the terminal's width (-q).
        key = result.path if self.verbose == 0 else str((len(self.results) - 1) // self.width)
        self._start_line(key)
        char = _CHARS[outcome]
        self._chars.append(char)
        if not self.live:
            before, after = self._paint[outcome]
            self._out.write(f"{before}{char}{after}")
            self._out.flush()

    def _start_line(self, key: str) -> None:
        if key == self._line_key:
            return
        self._finish_line()
        self._line_key = key
        if not self.live and self.verbose == 0:
            self._out.write(f"{key} ")
            self._out.flush()

    def _emit(self, line: str) -> None:
        if self.live:
            self._pending.append(line)
        else:
            self._out.write(line + "\n")
            self._out.flush()

    def _finish_line(self) -> None:
        if self._line_key is None:
            return
        if self.live:
            self._pending.append(self._prefix() + self._painted(self._chars))
        else:
            self._out.write("\n")
        self._line_key, self._chars = None, []

    def _prefix(self) -> str:
        return f"{self._line_key} " if self.verbose == 0 and self._line_key is not None else ""

    def _painted(self, chars: list[str]) -> str:
        """Outcome characters coloured, one escape pair per run of equal characters."""
        runs = []
        for char, run in itertools.groupby(chars):
            before, after = self._paint_char[char]
            runs.append(f"{before}{''.join(run)}{after}")
        return "".join(runs)

    def _redraw(self) -> None:
        now = time.monotonic()
        if now - self._last_draw < _REDRAW_INTERVAL:
            return
        self._last_draw = now
        # Every line of the area must fit the width: a wrapped line would throw the cursor-up count off.
        width = self.console.width - 1
        area: list[str] = []
        if self._line_key is not None and self.verbose <= 0:
            prefix, room = self._prefix(), width - cell_len(self._prefix())
            if len(self._chars) > room:  # a long file: show the tail
                prefix, room = (prefix + "...", room - 3) if room > 12 else ("...", width - 3)
            area.append(prefix + self._painted(self._chars[-room:] if room > 0 else []))
        current = self._current
        area.append(
            _render(
                self.console,
                panels.status_line(
                    done=len(self.results),
                    total=self._total,
                    tallies=self._tallies,
                    warnings=len(self.warnings),
                    elapsed=now - self._start,
                    current=current.nodeid if current else None,
                    loop_scope=current.loop_scope if current else None,
                    width=width,
                    ascii_only=self.console.options.ascii_only,
                ),
            )
        )
        parts = [f"\x1b[{self._area_height}A\r\x1b[J" if self._area_height else _HIDE_CURSOR]
        parts.extend(line + "\n" for line in self._pending)
        parts.extend(line + "\n" for line in area)
        self._pending.clear()
        self._area_height, self._cursor_hidden = len(area), True
        self._out.write("".join(parts))
        self._out.flush()

    def _end_progress(self) -> None:
        self._finish_line()
        self.close()

    # -- summary -------------------------------------------------------------------------------
    def _session_finished(self, event: SessionFinished) -> None:
        self._end_progress()
        self._out.write(event.finish_output)  # what pytest_sessionfinish printed, at the progress' end
        if event.aborted:  # pytest_sessionfinish raised: its traceback follows, and no summary
            return
        errored = [(r, p) for r in self.results for p in r.phases if shown_error(p)]
        if self.collect_errors or errored:
            self._section("ERRORS", "bold magenta")
            for error in self.collect_errors:
                self._print(
                    panels.failure_block(
                        f"ERROR collecting {error.nodeid.split('::', 1)[0]}",
                        error.longrepr,
                        error.sections,
                        boxed=self.live,
                        width=self.width,
                        border="magenta",
                    )
                )
            for result, phase in errored:
                self._print(
                    panels.failure_block(
                        f"ERROR at {phase.phase.value} of {result.nodeid}",
                        phase.longrepr or "",
                        shown_sections(result.sections, self.show_capture),
                        boxed=self.live,
                        width=self.width,
                        border="magenta",
                    )
                )
        failures = [(r, p) for r in self.results for p in r.phases if shown_failure(p)]
        if failures:
            self._section("FAILURES", "bold red")
            for result, phase in failures:
                self._print(
                    panels.failure_block(
                        result.nodeid + (f" {phase.subtest}" if phase.subtest is not None else ""),
                        phase.longrepr or "",
                        shown_sections(result.sections, self.show_capture),
                        boxed=self.live,
                        width=self.width,
                    )
                )
        if self.warnings and self.warnings_summary and self.verbose >= -1:
            self._section("warnings summary", "yellow")
            self._print(panels.warnings_summary(self.warnings))
        if event.plugin_summary:
            self._out.write(event.plugin_summary)
        if self.durations is not None and has_timed_phases(self.results):
            count = self.durations or 0
            shown, hidden = slowest_phases(self.results, count, self.durations_min, self.verbose)
            self._section(f"slowest {count} durations" if count else "slowest durations", "bold")
            self._print(panels.durations_table(shown, boxed=self.live))
            if hidden:
                self._print(Text(hidden, "dim"))
        counts = count_outcomes(
            self.results, len(self.collect_errors), self.deselected, len(self.warnings), self.verbose
        )
        if self.verbose >= 0 and any(counts.values()):
            self._print(Text(""))
            self._print(panels.counts_table(counts, boxed=self.live))
        errors = [replace(error, nodeid=self.places.nodeid(error.nodeid)) for error in self.collect_errors]
        lines = panels.short_summary(self.results, errors, self.report_chars)
        if lines:
            self._section("short test summary info", "bold")
            self._print(Text("\n").join(lines))
        n_errors = len(self.collect_errors)
        if event.interrupted:
            self._print(Text(_rule(f"Interrupted: {event.interrupted}", "!", self.width), "bold red"))
        elif n_errors and event.exit_code == 2:
            self._print(
                Text(
                    _rule(
                        f"Interrupted: {n_errors} error{'s' if n_errors != 1 else ''} during collection",
                        "!",
                        self.width,
                    ),
                    "bold red",
                )
            )
        if event.notice:
            self._print(Text(event.notice, "bold red"))
        closing = _rule(format_summary_line(counts, event.duration), width=self.width)
        if self.live:  # a person is watching: colour it; pipes and CI get it byte-plain
            bad = counts.get("failed") or counts.get("error") or event.interrupted
            self._print(Text(closing, "bold red" if bad else "bold green"))
        else:
            self._out.write(closing + "\n")
        self._out.write(event.unconfigure_output)  # pytest_unconfigure runs after the closing line
        self._out.flush()

    def _section(self, title: str, style: str) -> None:
        self._print(Text(""))
        self._print(panels.heading(title, boxed=self.live, width=self.width, style=style))

    def _print(self, renderable: RenderableType) -> None:
        if self.live:
            self.console.print(renderable)
            return
        # Plain: lines stay whole (a log viewer wraps them, rich must not split them) and tables
        # lose the trailing blanks rich pads their last column with.
        with self.console.capture() as capture:
            self.console.print(renderable, soft_wrap=isinstance(renderable, Text))
        self._out.write("\n".join(line.rstrip() for line in capture.get().split("\n")))


def _render(console: Console, renderable: RenderableType) -> str:
    """``renderable`` as this console would write it (escape codes included), without a final newline."""
    with console.capture() as capture:
        console.print(renderable, end="", soft_wrap=True)
    return capture.get()


def _ansi_wrap(console: Console, style: str) -> tuple[str, str]:
    """The escape codes around a text in ``style`` on this console ("", "" without colour).

    Progress characters are written with these: rendering each through rich costs ~70 us a test.
    """
    before, _, after = _render(console, Text("X", style)).partition("X")
    return before, after
