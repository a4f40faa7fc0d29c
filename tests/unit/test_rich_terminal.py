"""RichReporter (asynctestrun._report.rich_terminal), fed synthetic events.

Most cases write to a StringIO, which is not a TTY: the plain face CI sees. Where they overlap,
the rich reporter must print what the plain TerminalReporter prints (the closing line, the ``-r``
lines), so several cases run both reporters on the same events and compare. The live face is
checked through a Console forced to think it is a terminal, and a tiny screen emulator that
replays the cursor movements to see what a person would be left looking at.
"""

import io
import os
import re
import time

from rich.console import Console

from asynctestrun._model.events import (
    CollectionFinished,
    SessionFinished,
    SessionStarted,
    WarningRaised,
)
from asynctestrun._model.events import TestFinished as Finished  # aliased: a Test* name is collected
from asynctestrun._model.events import TestStarted as Started
from asynctestrun._model.outcomes import CollectError, Phase, PhaseOutcome, PhaseResult
from asynctestrun._model.outcomes import TestResult as Result
from asynctestrun._report.rich_terminal import RichReporter, wants_colour
from asynctestrun._report.terminal import TerminalReporter

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
LONGREPR = """    async def test_b():
        x = 1
>       assert x == 2
E       assert 1 == 2

tests/test_a.py:12: AssertionError"""


def _phases(call, *, setup=PhaseOutcome.PASSED, teardown=PhaseOutcome.PASSED, **call_fields):
    phases = [PhaseResult(Phase.SETUP, setup, 0.001, **({} if call else call_fields))]
    if call is not None:
        phases.append(PhaseResult(Phase.CALL, call, 0.01, **call_fields))
    broke = teardown is PhaseOutcome.FAILED
    phases.append(PhaseResult(Phase.TEARDOWN, teardown, 0.002,
                              longrepr="E   RuntimeError: cleanup" if broke else None,
                              message="RuntimeError: cleanup" if broke else None))
    return tuple(phases)


def passed(nodeid, **fields):
    return Result(nodeid, nodeid.split("::")[0], 1, _phases(PhaseOutcome.PASSED), **fields)


def failed(nodeid, **fields):
    phases = _phases(PhaseOutcome.FAILED, longrepr=LONGREPR, message="assert 1 == 2")
    return Result(nodeid, nodeid.split("::")[0], 1, phases, **fields)


def skipped(nodeid, reason="no database"):
    phase = PhaseResult(Phase.SETUP, PhaseOutcome.SKIPPED, 0.0, message=f"{nodeid.split('::')[0]}:3",
                        reason=reason)
    return Result(nodeid, nodeid.split("::")[0], 1, (phase,))


def xfailed(nodeid):
    phases = _phases(PhaseOutcome.SKIPPED, xfail=True, reason="known bug")
    return Result(nodeid, nodeid.split("::")[0], 1, phases)


def xpassed(nodeid):
    phases = _phases(PhaseOutcome.PASSED, xfail=True, reason="flaky")
    return Result(nodeid, nodeid.split("::")[0], 1, phases)


def teardown_error(nodeid):
    return Result(nodeid, nodeid.split("::")[0], 1, _phases(PhaseOutcome.PASSED,
                                                                teardown=PhaseOutcome.FAILED))


def mixed_results():
    return [
        passed("tests/test_a.py::test_one"),
        failed("tests/test_a.py::test_two[param]", sections=(("Captured stdout call", "hello [red]\n"),)),
        passed("tests/test_a.py::test_three"),
        skipped("tests/test_b.py::test_four"),
        xfailed("tests/test_b.py::test_five"),
        xpassed("tests/test_b.py::test_six"),
        teardown_error("tests/test_c.py::test_seven"),
    ]


def session(results, *, errors=(), warnings=(), exit_code=1, interrupted=None, deselected=0):
    # Run from the rootdir: tests are named as their node ids (see test_places_from_a_subdirectory).
    yield SessionStarted(os.getcwd(), "pyproject.toml", "3.11.7", "strict", "asyncio")
    yield CollectionFinished(tuple(r.nodeid for r in results), tuple(errors), deselected)
    for result in results:
        yield Started(result.nodeid, result.path, "module")
        yield Finished(result)
    yield from warnings
    yield SessionFinished(exit_code, 0.42, interrupted)


def run_rich(events, **options):
    out = io.StringIO()
    reporter = RichReporter(file=out, **{"color": "no", **options})
    for event in events:
        reporter.handle(event)
    return out.getvalue()


def run_plain(events, **options):
    out = io.StringIO()
    reporter = TerminalReporter(out=out, **options)
    reporter.width = 80  # the rich reporter sizes a pipe like a pipe; the plain one asks the tty
    for event in events:
        reporter.handle(event)
    return out.getvalue()


def section(text, title):
    """The lines under a ``==== title ====`` heading, up to the next heading."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if re.fullmatch(rf"=+ {title} =+", line))
    end = next((i for i in range(start + 1, len(lines)) if re.fullmatch(r"=+ .* =+", lines[i])), len(lines))
    return lines[start + 1:end]


def screen(raw):
    """What a terminal shows after ``raw``: just enough of VT100 for the live area."""
    rows, row, col = [""], 0, 0
    for token in re.split(r"(\x1b\[[0-9;?]*[A-Za-z]|\r|\n)", raw):
        if token == "\n":
            row, col = row + 1, 0
        elif token == "\r":
            col = 0
        elif token.startswith("\x1b["):
            code, arg = token[-1], token[2:-1]
            if code == "A":
                row -= int(arg or 1)
            elif code == "K":
                rows[row] = "" if arg == "2" else rows[row][:col]
            elif code == "J":
                rows[row] = rows[row][:col]
                del rows[row + 1:]
            elif code == "G":
                col = int(arg or 1) - 1
        elif token:
            line = rows[row].ljust(col)
            rows[row] = line[:col] + token + line[col + len(token):]
            col += len(token)
        rows.extend([""] * (row + 1 - len(rows)))
    return "\n".join(rows).rstrip("\n")


# -- the closing line -----------------------------------------------------------------------------

def test_closing_line_is_last_and_matches_the_plain_reporter():
    events = list(session(mixed_results(), warnings=[WarningRaised("old", "tests/test_a.py::test_one")]))
    rich_last = run_rich(events).splitlines()[-1]
    assert rich_last == run_plain(events).splitlines()[-1]
    assert rich_last.startswith("=") and rich_last.endswith("=")
    assert " 1 failed, 3 passed, 1 skipped, 1 xfailed, 1 xpassed, 1 warning, 1 error in 0.42s " in rich_last


def test_closing_line_for_edge_cases_matches_the_plain_reporter():
    cases = [
        session([], exit_code=5),
        session([passed("tests/test_a.py::test_one")], exit_code=0, deselected=3),
        session([], errors=[CollectError("tests/test_x.py", "E   ImportError", "ImportError")], exit_code=2),
    ]
    for case in cases:
        events = list(case)
        assert run_rich(events).splitlines()[-1] == run_plain(events).splitlines()[-1]
    expected = "=" * 28 + " no tests ran in 0.42s " + "=" * 29
    assert run_rich(session([], exit_code=5)).splitlines()[-1] == expected


def test_closing_line_is_plain_even_with_forced_colour():
    text = run_rich(session(mixed_results()), color="yes")
    assert "\x1b[" in text
    assert not ANSI.search(text.splitlines()[-1])


# -- failures and errors ------------------------------------------------------------------------

def test_failure_shows_test_id_traceback_and_captured_output():
    failures = section(run_rich(session(mixed_results())), "FAILURES")
    title = next(line for line in failures if "tests/test_a.py::test_two[param]" in line)
    assert title.startswith("_") and title.endswith("_")
    assert ">       assert x == 2" in failures
    assert "E       assert 1 == 2" in failures
    assert "tests/test_a.py:12: AssertionError" in failures
    assert any("Captured stdout call" in line for line in failures)
    assert "hello [red]" in failures  # captured text is not read as rich markup


def test_setup_teardown_and_collection_errors_are_listed():
    error = CollectError("tests/test_broken.py", "E   SyntaxError: invalid syntax", "SyntaxError")
    errors = section(run_rich(session(mixed_results(), errors=[error])), "ERRORS")
    assert any("ERROR collecting tests/test_broken.py" in line for line in errors)
    assert "E   SyntaxError: invalid syntax" in errors
    assert any("ERROR at teardown of tests/test_c.py::test_seven" in line for line in errors)
    assert "E   RuntimeError: cleanup" in errors


def test_failure_panel_on_a_terminal_highlights_e_and_source_lines():
    out = io.StringIO()
    console = Console(file=out, force_terminal=True, width=100, color_system="standard")
    reporter = RichReporter(console=console)
    for event in session([failed("tests/test_a.py::test_two")]):
        reporter.handle(event)
    raw = out.getvalue()
    text = screen(raw)
    assert re.search(r"╭─+ tests/test_a.py::test_two ─+╮", text)
    assert re.search(r"│ E       assert 1 == 2 +│", text)
    assert "\x1b[1;31mE       assert 1 == 2" in raw  # bold red
    assert "\x1b[1;31m>\x1b[0m\x1b[1m       assert x == 2" in raw


# -- verbosity ----------------------------------------------------------------------------------

def test_default_is_a_line_per_file_with_a_character_per_test():
    lines = run_rich(session(mixed_results())).splitlines()
    assert "tests/test_a.py .F." in lines
    assert "tests/test_b.py sxX" in lines
    assert "tests/test_c.py E" in lines
    assert lines[0].endswith(" test session starts " + "=" * 30)


def test_collection_line_and_notes():
    note = "run-last-failure: rerun previous 1 failure"
    event = CollectionFinished(("tests/t.py::test_a",), (), 2, notes=(note,))
    lines = run_rich([event]).splitlines()
    assert lines == ["collected 3 items / 2 deselected / 1 selected", note, ""]
    # The plain layout leaves the blank line to the first test's line, as pytest does.
    assert lines[:-1] == run_plain([event]).splitlines()


def test_quiet_prints_only_dots_and_the_summary():
    text = run_rich(session(mixed_results()), verbose=-1)
    assert text.splitlines()[0] == ".F.sxXE"
    assert "test session starts" not in text and "collected" not in text
    assert "FAILURES" in text


def test_verbose_prints_a_line_per_test_with_outcome_and_duration():
    lines = run_rich(session(mixed_results()), verbose=1).splitlines()
    assert "PASSED  tests/test_a.py::test_one 0.01s" in lines
    assert "FAILED  tests/test_a.py::test_two[param] 0.01s" in lines
    assert "SKIPPED tests/test_b.py::test_four 0.00s" in lines
    assert "XFAIL   tests/test_b.py::test_five 0.01s" in lines
    assert "XPASS   tests/test_b.py::test_six 0.01s" in lines
    assert "hello [red]" not in lines[: lines.index("PASSED  tests/test_a.py::test_three 0.01s")]


def test_very_verbose_adds_each_tests_captured_output():
    results = [passed("tests/test_a.py::test_one", sections=(("Captured stdout call", "from a pass\n"),))]
    lines = run_rich(session(results, exit_code=0), verbose=2).splitlines()
    at = lines.index("PASSED  tests/test_a.py::test_one 0.01s")
    assert "Captured stdout call" in lines[at + 1]
    assert lines[at + 2] == "from a pass"
    assert "from a pass" not in run_rich(session(results, exit_code=0), verbose=1)


# -- colour -------------------------------------------------------------------------------------

def test_no_escape_codes_without_colour():
    for verbose in (-1, 0, 1, 2):
        text = run_rich(session(mixed_results()), verbose=verbose, durations=3, report_chars="A")
        assert "\x1b" not in text
        assert not re.search(r"[╭│─━]", text)  # no box drawing for logs either


def test_auto_colour_on_a_pipe_is_plain(monkeypatch):
    for name in ("FORCE_COLOR", "PY_COLORS", "NO_COLOR"):
        monkeypatch.delenv(name, raising=False)
    assert "\x1b" not in run_rich(session(mixed_results()), color="auto")


def test_forced_colour_on_a_pipe_colours_but_never_moves_the_cursor():
    text = run_rich(session(mixed_results()), color="yes")
    assert "\x1b[1;31mF\x1b[0m" in text
    assert not re.search(r"\x1b\[(\?25[lh]|\d*A|2K)", text)


def test_colour_rule_follows_pytest():
    assert wants_colour("auto", True, {}) is True
    assert wants_colour("auto", False, {}) is False
    assert wants_colour("auto", True, {"NO_COLOR": "1"}) is False
    assert wants_colour("auto", True, {"TERM": "dumb"}) is False
    assert wants_colour("auto", False, {"FORCE_COLOR": "1"}) is True
    assert wants_colour("auto", True, {"PY_COLORS": "0"}) is False
    assert wants_colour("no", True, {"FORCE_COLOR": "1"}) is False
    assert wants_colour("yes", False, {"NO_COLOR": "1"}) is True


# -- live progress ------------------------------------------------------------------------------

def _live_run(results, **options):
    out = io.StringIO()
    console = Console(file=out, force_terminal=True, width=100, color_system="standard")
    reporter = RichReporter(console=console, **options)
    for event in session(results):
        reporter.handle(event)
    return out.getvalue()


def test_live_status_names_the_current_test_and_its_loop_scope_then_disappears():
    raw = _live_run(mixed_results())
    assert "tests/test_a.py::test_one [module loop]" in ANSI.sub("", raw)
    assert "\x1b[?25l" in raw and raw.rindex("\x1b[?25h") > raw.rindex("\x1b[?25l")  # cursor back
    final = screen(raw).splitlines()
    assert "[module loop]" not in "\n".join(final)
    assert "tests/test_a.py .F." in final and "tests/test_c.py E" in final
    closing = r"=+ 1 failed, 3 passed, 1 skipped, 1 xfailed, 1 xpassed, 1 error in 0.42s =+"
    assert re.fullmatch(closing, final[-1])


def test_live_can_be_turned_off_for_uncaptured_runs():
    raw = _live_run(mixed_results(), live=False)
    assert not re.search(r"\x1b\[(\?25[lh]|\d*A|J)", raw)
    assert "tests/test_a.py " in ANSI.sub("", raw) and "╭" not in raw


def test_plain_face_names_the_file_before_its_first_test_runs():
    # Under -s a test's prints reach the terminal as it runs: they must read under its file's name.
    out = io.StringIO()
    reporter = RichReporter(console=Console(file=out, force_terminal=True, width=100), live=False)
    events = list(session([passed("tests/test_a.py::test_one"), passed("tests/test_b.py::test_two")]))
    for event in events:
        reporter.handle(event)
        if isinstance(event, Started):
            out.write(f"<output of {event.nodeid}>")
    text = ANSI.sub("", out.getvalue())
    assert "tests/test_a.py <output of tests/test_a.py::test_one>." in text
    assert "tests/test_b.py <output of tests/test_b.py::test_two>." in text


def test_live_verbose_lines_all_reach_the_screen():
    results = [passed(f"tests/test_a.py::test_{i}") for i in range(50)]
    final = screen(_live_run(results, verbose=1)).splitlines()
    assert [line for line in final if line.startswith("PASSED")] == [
        f"PASSED  tests/test_a.py::test_{i} 0.01s" for i in range(50)
    ]


def test_live_redraws_are_throttled():
    results = [passed(f"tests/test_{i // 100}.py::test_{i}") for i in range(3000)]
    start = time.monotonic()
    raw = _live_run(results)
    elapsed = time.monotonic() - start
    redraws = raw.count("[module loop]")
    assert 1 <= redraws <= elapsed * 10 + 2
    final = screen(raw).splitlines()
    assert sum(line.count(".") for line in final if line.startswith("tests/test_")) >= 3000


# -- summary sections ---------------------------------------------------------------------------

def test_short_summary_lines_match_the_plain_reporter():
    error = CollectError("tests/test_broken.py", "E   SyntaxError", "SyntaxError: bad")
    results = [*mixed_results(), skipped("tests/test_b.py::test_eight")]
    for chars in ("fE", "s", "xX", "p", "a", "A", "fEsxXpP"):
        events = list(session(results, errors=[error]))
        rich = section(run_rich(events, report_chars=chars), "short test summary info")
        plain = section(run_plain(events, report_chars=chars), "short test summary info")
        assert rich == plain, chars
    lines = section(run_rich(list(session(results)), report_chars="a"), "short test summary info")
    assert "SKIPPED [2] tests/test_b.py:3: no database" in lines
    assert "XFAIL tests/test_b.py::test_five - known bug" in lines
    assert "FAILED tests/test_a.py::test_two[param] - assert 1 == 2" in lines
    assert not any(line.startswith("PASSED") for line in lines)


def test_no_short_summary_when_nothing_matches():
    assert "short test summary info" not in run_rich(session([passed("tests/t.py::test_a")], exit_code=0))


def test_counts_table_and_slowest_durations():
    results = [passed("tests/t.py::test_fast"),
               Result("tests/t.py::test_slow", "tests/t.py", 1,
                          (PhaseResult(Phase.SETUP, PhaseOutcome.PASSED, 1.5),
                           PhaseResult(Phase.CALL, PhaseOutcome.PASSED, 2.25)))]
    text = run_rich(session(results, exit_code=0), durations=2)
    rows = section(text, "slowest 2 durations")
    assert re.match(r"\s*2\.25s\s+call\s+tests/t.py::test_slow$", rows[1])
    assert re.match(r"\s*1\.50s\s+setup\s+tests/t.py::test_slow$", rows[2])
    assert not any("test_fast" in row for row in rows)
    header, counts = rows[-2:]
    assert header.split() == ["passed"] and counts.split() == ["2"]


def test_no_durations_section_when_no_test_ran():
    # pytest lists the reports that have a duration: with none (everything deselected, only collection
    # errors), its --durations heading is left out too.
    for run in (run_plain, run_rich):
        assert "slowest" not in run(session([], exit_code=5, deselected=1), durations=10)


def test_durations_min_hides_short_phases_as_pytest():
    # Each passed() result has phases of 0.001 s (setup), 0.01 s (call) and 0.002 s (teardown).
    results = [passed("tests/t.py::test_a"), passed("tests/t.py::test_b")]
    rows = section(run_plain(session(results, exit_code=0), durations=3), "slowest 3 durations")
    # Ties keep the order the tests ran in; below 0.005 s is hidden unless -vv.
    assert rows == ["0.01s call     tests/t.py::test_a", "0.01s call     tests/t.py::test_b", "",
                    "(1 durations < 0.005s hidden.  Use -vv to show these durations.)"]
    rows = section(run_plain(session(results, exit_code=0), durations=3, verbose=2), "slowest 3 durations")
    assert rows[-1] == "0.00s teardown tests/t.py::test_a"
    rows = section(run_plain(session(results, exit_code=0), durations=0, verbose=2, durations_min=0.005),
                   "slowest durations")
    assert rows[-1] == "(4 durations < 0.005s hidden.)"
    text = run_rich(session(results, exit_code=0), durations=0, durations_min=0.005)
    assert "(4 durations < 0.005s hidden.  Use -vv to show these durations.)" in text
    assert "teardown" not in "".join(section(text, "slowest durations"))


def test_show_capture_picks_the_sections_a_failure_shows():
    sections = (("Captured stdout call", "printed"), ("Captured stderr call", "warned"),
                ("Captured log call", "WARNING x:t.py:1 logged"))
    results = [failed("tests/t.py::test_a", sections=sections)]
    for show, shown in (("all", {"printed", "warned", "logged"}), ("stdout", {"printed"}),
                        ("log", {"logged"}), ("no", set())):
        for run in (run_plain, run_rich):
            text = run(session(results), show_capture=show)
            assert {word for word in ("printed", "warned", "logged") if word in text} == shown, (show, run)


def test_max_warnings_notice_comes_just_above_the_closing_line():
    events = list(session([passed("tests/t.py::test_a")], exit_code=6))
    events[-1] = SessionFinished(6, 0.42, None, "", "Tests pass, but maximum allowed warnings exceeded: 2 > 1")
    lines = run_plain(events).splitlines()
    assert lines[-2] == "Tests pass, but maximum allowed warnings exceeded: 2 > 1"
    assert "maximum allowed warnings exceeded" in run_rich(events)


def test_warnings_are_grouped_by_message():
    warnings = [WarningRaised("loop is deprecated", f"tests/t.py::test_{i}", "DeprecationWarning",
                              "src/app.py:7") for i in range(8)]
    warnings.append(WarningRaised("unclosed socket", None, "ResourceWarning"))
    lines = section(run_rich(session([passed("tests/t.py::test_0")], warnings=warnings)),
                    "warnings summary")
    assert "DeprecationWarning: loop is deprecated (8 times)" in lines
    assert "  tests/t.py::test_0 (src/app.py:7)" in lines
    assert "  ... and 3 more" in lines
    assert "ResourceWarning: unclosed socket" in lines and "  (session)" in lines
    assert run_rich(session([], warnings=warnings), verbose=-2).count("warnings summary") == 0


def test_interrupted_run_says_so_before_the_closing_line():
    lines = run_rich(session([failed("tests/t.py::test_a")], interrupted="KeyboardInterrupt",
                             exit_code=2)).splitlines()
    assert re.fullmatch(r"!+ Interrupted: KeyboardInterrupt !+", lines[-2])
    assert lines[-1].startswith("=")


def test_collection_errors_interrupt_with_a_count():
    errors = [CollectError(f"tests/test_{i}.py", "E   ImportError", "ImportError") for i in range(2)]
    lines = run_rich(session([], errors=errors, exit_code=2)).splitlines()
    assert re.fullmatch(r"!+ Interrupted: 2 errors during collection !+", lines[-2])
    assert re.fullmatch(r"=+ 2 errors in 0.42s =+", lines[-1])


def test_places_from_a_subdirectory(tmp_path, monkeypatch):
    # Both reporters name tests relative to where the run started, as pytest's terminal does.
    (tmp_path / "tests").mkdir()
    monkeypatch.chdir(tmp_path / "tests")
    events = list(session(mixed_results()))
    events[0] = SessionStarted(str(tmp_path), "pyproject.toml", "3.11.7", "strict", "asyncio")
    for run in (run_plain, run_rich):
        lines = section(run(events, report_chars="fE"), "short test summary info")
        assert "FAILED test_a.py::test_two[param] - assert 1 == 2" in lines, lines
