"""Pieces the rich reporter draws: failure panels, the live status line, summary tables, ``-r`` lines.

Pure functions from model objects to rich renderables; nothing here writes to a terminal or keeps
state, so each piece can be tested on its own and the reporter stays a thin event loop.

Every piece has a *boxed* form (panels and rules for a terminal a person watches) and a *plain* form
(pytest-like ``____ title ____`` rules, no box drawing) for CI logs and pipes. Colour is not decided
here: styles are always attached and the Console drops them when colour is off.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

from rich import box
from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from .._model.events import WarningRaised
from .._model.outcomes import CollectError, Outcome, Phase, PhaseOutcome, TestResult
from .terminal import _ORDER, _rule, expand_report_chars

STYLES = {
    Outcome.PASSED: "green",
    Outcome.FAILED: "bold red",
    Outcome.ERROR: "bold magenta",
    Outcome.SKIPPED: "yellow",
    Outcome.XFAILED: "yellow",
    Outcome.XPASSED: "bold yellow",
}
# Styles for the first word of the short summary lines and the outcome keys of the counts table.
WORD_STYLES = {
    "FAILED": "bold red",
    "SUBFAILED": "bold red",
    "ERROR": "bold magenta",
    "SKIPPED": "yellow",
    "XFAIL": "yellow",
    "XPASS": "bold yellow",
    "PASSED": "green",
    "failed": "bold red",
    "error": "bold magenta",
    "passed": "green",
    "skipped": "yellow",
    "xfailed": "yellow",
    "xpassed": "bold yellow",
    "deselected": "dim",
    "warnings": "yellow",
}
# "tests/test_x.py:12: AssertionError" and "tests/test_x.py:7: in helper" in a longrepr.
_LOCATION = re.compile(r"^\S+:\d+: ")


def highlight_longrepr(text: str) -> Text:
    """pytest's failure text with the ``E`` lines red and the ``>`` (failing source) line bold."""
    out = Text()
    for line in text.rstrip().splitlines():
        if line == "E" or line.startswith("E "):
            out.append(line, "bold red")
        elif line.startswith(">"):
            out.append(">", "bold red")
            out.append(line[1:], "bold")
        elif _LOCATION.match(line):
            out.append(line, "cyan")
        elif line.startswith(("_ _ ", "The above exception", "During handling")):
            out.append(line, "dim")
        else:
            out.append(line)
        out.append("\n")
    out.rstrip()
    return out


def heading(title: str, *, boxed: bool, width: int, style: str = "bold") -> RenderableType:
    """A section heading: a rich Rule when boxed, pytest's ``==== title ====`` otherwise."""
    if boxed:
        return Rule(Text(title, style), style=style)
    return Text(_rule(title, "=", width), style)


def failure_block(
    title: str,
    longrepr: str,
    sections: Sequence[tuple[str, str]],
    *,
    boxed: bool,
    width: int,
    border: str = "red",
) -> RenderableType:
    """One failure or error: a panel titled with the test id, its traceback, then captured output."""
    parts: list[RenderableType] = [highlight_longrepr(longrepr)]
    for name, content in sections:
        if content.strip():
            parts.append(Rule(Text(name), style="dim") if boxed else Text(_rule(name, "-", width), "dim"))
            parts.append(Text(content.rstrip()))
    if boxed:
        return Panel(
            Group(*parts), title=Text(title, "bold"), title_align="left", border_style=border, box=box.ROUNDED
        )
    return Group(Text(_rule(title, "_", width), border), *parts)


_SPINNER = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏"


def status_line(
    *,
    done: int,
    total: int,
    tallies: Mapping[Outcome, int],
    warnings: int,
    elapsed: float,
    current: str | None,
    loop_scope: str | None,
    width: int,
    ascii_only: bool,
) -> Text:
    """The live line, cut to ``width``: spinner, bar, done/total, counts, elapsed time, current test.

    One Text rather than a Table of columns: it is drawn up to ten times a second.
    """
    frames, bar = ("|/-\\", "#-") if ascii_only else (_SPINNER, "━━")
    filled = 20 * done // max(total, 1)
    line = Text.assemble(
        (frames[int(elapsed * 10) % len(frames)], "cyan"),
        " ",
        (bar[0] * filled, "magenta"),
        (bar[1] * (20 - filled), "bright_black"),
        f" {done}/{total}",
    )
    for outcome in Outcome:
        if tallies.get(outcome):
            line.append(f" {tallies[outcome]} {outcome.value}", STYLES[outcome])
    if warnings:
        line.append(f" {warnings} warning{'s' if warnings != 1 else ''}", "yellow")
    minutes, seconds = divmod(int(elapsed), 60)
    line.append(f" {minutes}:{seconds:02d} ", "dim")
    if current:
        line.append(current, "bold")
        if loop_scope:
            line.append(f" [{loop_scope} loop]", "magenta")
    line.truncate(width, overflow="ellipsis")
    return line


def counts_table(counts: Mapping[str, int], *, boxed: bool) -> Table:
    """Outcome counts as one header row and one number row, in the closing line's order."""
    table = Table(box=box.SIMPLE_HEAD if boxed else None, pad_edge=False, show_edge=False)
    # A plugin's own categories ("retried", a pytest_report_teststatus category) after pytest's.
    keys = [key for key in (*_ORDER, *(key for key in counts if key not in _ORDER)) if counts.get(key)]
    for key in keys:
        table.add_column(Text(key, WORD_STYLES.get(key, "")), justify="right")
    table.add_row(*(str(counts[key]) for key in keys))
    return table


def durations_table(timed: Iterable[tuple[float, str, str]], *, boxed: bool) -> Table:
    """Phases as (duration, phase, node id), in the order given (``terminal.slowest_phases``)."""
    table = Table(box=box.SIMPLE_HEAD if boxed else None, pad_edge=False, show_edge=False)
    table.add_column("duration", justify="right")
    table.add_column("phase")
    table.add_column("test", overflow="fold")
    for duration, phase, nodeid in timed:
        table.add_row(f"{duration:.2f}s", phase, Text(nodeid))  # Text: "[param]" is not markup
    return table


def warnings_summary(warnings: Iterable[WarningRaised], *, limit: int = 5) -> Text:
    """Warnings grouped by category and message, each with up to ``limit`` places it came from."""
    groups: dict[tuple[str, str], list[str]] = {}
    for warning in warnings:
        where = warning.nodeid or "(session)"
        if warning.location:
            where += f" ({warning.location})"
        groups.setdefault((warning.category, warning.message), []).append(where)
    out = Text()
    for (category, message), places in groups.items():
        out.append(f"{category}", "yellow")
        out.append(f": {message}")
        if len(places) > 1:
            out.append(f" ({len(places)} times)", "dim")
        unique = list(dict.fromkeys(places))
        for place in unique[:limit]:
            out.append(f"\n  {place}", "dim")
        if len(unique) > limit:
            out.append(f"\n  ... and {len(unique) - limit} more", "dim")
        out.append("\n\n")
    out.rstrip()
    return out


def short_summary(
    results: Sequence[TestResult], collect_errors: Sequence[CollectError], report_chars: str
) -> list[Text]:
    """The ``short test summary info`` lines: the same lines, in the same order, as terminal.py."""
    lines: list[tuple[str, str]] = []
    for char in expand_report_chars(report_chars):
        lines.extend(_summary_lines(char, results, collect_errors))
    return [Text.assemble((word, WORD_STYLES[word]), f" {rest}") for word, rest in lines]


def _message_suffix(message: str | None) -> str:
    """`` - `` and the message's first line (the console wraps what is too wide)."""
    return f" - {message.split(chr(10), 1)[0]}" if message else ""


def _summary_lines(
    char: str, results: Sequence[TestResult], collect_errors: Sequence[CollectError]
) -> list[tuple[str, str]]:
    lines: list[tuple[str, str]] = []
    if char == "f":
        for r in results:
            for p in r.phases:
                if p.subtest is not None and p.outcome is PhaseOutcome.FAILED:
                    lines.append(("SUBFAILED", f"{p.subtest} {r.nodeid}" + _message_suffix(p.message)))
            phase = r.phase(Phase.CALL)
            if phase is not None and phase.outcome is PhaseOutcome.FAILED:
                lines.append(("FAILED", r.nodeid + _message_suffix(phase.message)))
    elif char == "E":
        for error in collect_errors:
            lines.append(("ERROR", error.nodeid + (f" - {error.message}" if error.message else "")))
        for r in results:
            for p in r.phases:
                if p.phase is not Phase.CALL and p.outcome is PhaseOutcome.FAILED:
                    lines.append(("ERROR", r.nodeid + _message_suffix(p.message)))
    elif char == "s":
        skips: Counter[tuple[str, str]] = Counter()
        for r in results:
            for p in r.phases:
                if p.outcome is PhaseOutcome.SKIPPED and not p.xfail:
                    skips[(p.message or r.path, p.skip_reason)] += 1
        lines.extend(("SKIPPED", f"[{count}] {where}: {reason}") for (where, reason), count in skips.items())
    elif char in "xX":
        wanted, word = (Outcome.XFAILED, "XFAIL") if char == "x" else (Outcome.XPASSED, "XPASS")
        for r in results:
            if wanted in r.outcomes:
                reason = next((p.reason for p in r.phases if p.xfail), "")
                lines.append((word, r.nodeid + (f" - {reason}" if reason else "")))
    elif char == "p":
        # A passing call whose teardown failed is listed too, as pytest does.
        lines.extend(("PASSED", r.nodeid) for r in results if Outcome.PASSED in r.outcomes)
    return lines
