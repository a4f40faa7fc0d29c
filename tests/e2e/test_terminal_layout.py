"""The plain terminal report (what CI logs show) laid out as pytest's.

``terminal_layout`` has failures of every traceback shape (nested calls with arguments, a method, a
decorated test with a statement over several lines, a chained exception, a multi-line message), a
file long enough to wrap the progress line, skip / xfail reasons, a teardown error, a missing
fixture, a conftest's ``pytest_assertrepr_compare``, ``pytest_terminal_summary`` and
``pytest_report_header``. Each run is checked for a few lines that say the layout is right; with a
reference pytest available, the whole report is compared line by line once the lines that must
differ (the header, timings, object addresses, the program's name) are normalised.
"""

from __future__ import annotations

import difflib
import re
import subprocess

import pytest
from harness import reference_python, run_asynctestrun, run_both, run_cli

ARGS = [
    (),
    ("-q",),
    ("-qq",),
    ("-v",),
    # Reasons in full, a long one wrapped short of the progress share.
    ("-vv",),
    ("-rA",),
    ("-l",),
    ("--tb=short",),
    ("--tb=line",),
    ("--tb=long",),
    ("--tb=no",),
    ("--show-capture=stdout",),
    ("--show-capture=no", "-rA"),
    # No "[ 42%]" at the right edge: output not captured, or the classic style.
    ("-s",),
    ("-o", "console_output_style=classic"),
    ("-s", "-o", "console_output_style=progress-even-when-capture-no"),
    # A run stopped early: pytest's "stopping after N failures" line, no "[100%]" on the last line.
    ("-x",),
    ("--maxfail=2", "-q"),
    # Asserts not rewritten: a failed assert is a bare AssertionError, as Python raises it.
    ("--assert=plain",),
]

WIDTH = 120  # the harness runs with COLUMNS=120
# Header lines that differ by design; "benchmark: " is pytest-benchmark's, "codspeed: " pytest-codspeed's
# and "hypothesis profile " hypothesis's (all test extras), whose plugins asynctestrun does not load.
_HEADER = (
    "platform ",
    "rootdir: ",
    "configfile: ",
    "plugins: ",
    "asyncio: ",
    "cachedir: ",
    "benchmark: ",
    "codspeed: ",
    "hypothesis profile ",
)


def normalise(stdout: str, sample: str = "terminal_layout") -> list[str]:
    lines = []
    for line in stdout.splitlines():
        if line.startswith(_HEADER) or re.fullmatch(r"-+ generated xml file: .* -+", line):
            continue
        line = re.sub(r"in \d+\.\d+s", "in T", line)
        line = re.sub(r" at 0x[0-9a-f]+", " at 0xADDR", line)
        line = line.replace("'pytest --fixtures", "'asynctestrun --fixtures")
        line = line.replace("collecting ... collected", "collected")
        # The fixtures on offer differ (pytest-asyncio's private ones, anyio's) and paths are per copy.
        line = re.sub(r"^(>       available fixtures:).*", r"\1 ...", line)
        line = re.sub(rf"/\S+/{sample}/", "/SAMPLE/", line)
        # Deliberately clearer than pytest: a missing fixture's summary line names it.
        line = line.replace(" - fixture 'no_such_fixture' not found", "")
        lines.append(line.rstrip("= ") if line.endswith("=") and " in T" in line else line)
    return lines


def assert_same_lines(expected: list[str], got: list[str]) -> None:
    assert got == expected, "\n".join(
        difflib.unified_diff(expected, got, "pytest", "asynctestrun", lineterm="")
    )


def assert_reads_as_pytests(sample: str, *args: str, tmp_path) -> None:
    """The sample's whole report under both runners, the same once normalised."""
    reference, candidate = run_both(sample, *args, tmp_root=tmp_path)
    assert_same_lines(normalise(reference.stdout, sample), normalise(candidate.stdout, sample))


@pytest.mark.parametrize("args", ARGS, ids=lambda args: " ".join(args) or "default")
def test_report_reads_as_pytests(args, tmp_path):
    if reference_python()[0] is None:
        pytest.skip("no reference pytest to compare with")
    reference, candidate = run_both("terminal_layout", *args, tmp_root=tmp_path)
    assert candidate.exit_code == reference.exit_code == 1
    expected, got = normalise(reference.stdout), normalise(candidate.stdout)
    assert_same_lines(expected, got)


def test_no_durations_section_when_no_test_ran(tmp_path):
    # pytest's --durations lists the reports that have a duration; with every test deselected there
    # are none, and its heading is left out too.
    result = run_asynctestrun("terminal_layout", "-k", "no_such_test", "--durations=5", tmp_root=tmp_path)
    assert result.exit_code == 5 and "slowest" not in result.stdout
    if reference_python()[0] is not None:
        assert_reads_as_pytests("terminal_layout", "-k", "no_such_test", "--durations=5", tmp_path=tmp_path)


def test_blank_source_lines_read_as_pytests(tmp_path):
    # A blank or whitespace-only line inside a listed function is the four-space prefix alone, as
    # pytest prints it; trailing spaces of source lines are dropped.
    out = run_asynctestrun("blank_source_lines", tmp_root=tmp_path).stdout
    assert "        start = 1\n    \n    \n>       helper(start)\n" in out
    assert "    def helper(value):\n        doubled = value * 2\n    \n>       assert" in out


def test_carets_under_the_failing_expression(tmp_path):
    # pytest's long style underlines the failing part of the line, as the short style does; not a
    # whole line nor an expression over several lines.
    out = run_asynctestrun("traceback_carets", tmp_root=tmp_path).stdout
    assert (
        ">       with contextlib.suppress(mod.Missing):\n                                 ^^^^^^^^^^^\n"
        in out
    )
    assert ">       boom(2)\n\ntest_carets.py" in out
    assert "    result = boom(value) + 1\n             ^^^^^^^^^^^\n" in out  # a short frame
    # Trailing spaces count among the characters pytest strips: the carets move left with them.
    assert ">       x = boom(4)\n         ^^^^^^^\n" in out


@pytest.mark.parametrize(
    "sample",
    [
        "blank_source_lines",
        "traceback_carets",
        "wrapped_test_frames",
        "unittest_traceback_frames",
        "assert_name_references",
    ],
)
@pytest.mark.parametrize(
    "args",
    [(), ("--tb=short",), ("--tb=long",), ("-l",), ("-l", "--tb=short")],
    ids=["auto", "short", "long", "locals", "locals-short"],
)
def test_source_listings_read_as_pytests(sample, args, tmp_path):
    if reference_python()[0] is None:
        pytest.skip("no reference pytest to compare with")
    assert_reads_as_pytests(sample, *args, tmp_path=tmp_path)


def test_a_file_ending_on_the_wrap_repeats_its_share(tmp_path):
    # pytest writes " [ 75%]" when the third result fills the line, then, as the next file starts,
    # fills the (now empty) line with the share once more: a line holding only "[ 75%]".
    out = run_asynctestrun("progress_wrap", tmp_root=tmp_path).stdout.splitlines()
    wrapped = next(i for i, line in enumerate(out) if line.endswith("xxxx.py ... [ 75%]"))
    assert out[wrapped + 1] == "[ 75%]".rjust(WIDTH - 1)
    assert out[wrapped + 2].startswith("test_after.py .")
    if reference_python()[0] is None:
        return
    assert_reads_as_pytests("progress_wrap", tmp_path=tmp_path)


def test_a_title_too_long_for_the_width_keeps_one_rule_character_each_side(tmp_path):
    # pytest's rule never has fewer than one character each side of its title ("_ title _"), so a
    # long test id's section header runs past the width rather than growing to "__ title __".
    out = run_asynctestrun("long_rule_titles", tmp_root=tmp_path).stdout.splitlines()
    headers = [line for line in out if line.startswith("_ test_failing_with_a_long_id[")]
    assert len(headers) == 3, out
    assert all(line.endswith("] _") for line in headers)
    assert [len(line) for line in headers] == [121, 122, 144]
    if reference_python()[0] is None:
        return
    assert_reads_as_pytests("long_rule_titles", tmp_path=tmp_path)


def test_parameter_ids_with_colons_head_their_sections_as_pytests(tmp_path):
    # Only the names of a node id are joined with dots in a section title: an id's own "::" (an IPv6
    # address) stays, as in pytest's "TestHost.test_connect[::1]".
    out = run_asynctestrun("colon_param_ids", tmp_root=tmp_path).stdout.splitlines()
    titles = [line.strip("_ ") for line in out if line.startswith("___")]
    assert "TestHost.test_connect[::1]" in titles
    assert "ERROR at setup of TestHost.test_setup_error[::1]" in titles
    assert "test_module_level[a::b::c]" in titles
    if reference_python()[0] is None:
        return
    assert_reads_as_pytests("colon_param_ids", tmp_path=tmp_path)


@pytest.mark.parametrize(
    ("args", "rule"),
    [
        (("test_b_pytest_exit.py",), "_pytest.outcomes.Exit: stopping early"),
        (("-x", "-k", "second_failure", "test_a_system_exit.py"), "stopping after 1 failures"),
    ],
    ids=["pytest-exit", "maxfail-on-the-last-test"],
)
def test_a_stopped_run_says_why_as_pytest_does(args, rule, tmp_path):
    # pytest's "!" rule carries what stopped the run: pytest.exit()'s crash message (the exception's
    # full name), and -x / --maxfail's reason as it is, also when the last test reached the count.
    out = run_asynctestrun("early_exit", *args, tmp_root=tmp_path).stdout.splitlines()
    assert [line.strip("! ") for line in out if line.startswith("!!")] == [rule]
    if reference_python()[0] is None:
        return
    assert_reads_as_pytests("early_exit", *args, tmp_path=tmp_path)


@pytest.mark.parametrize(
    "args",
    [
        ("test_a_passes.py", "test_b_exit.py"),
        ("-v", "test_a_passes.py", "test_b_exit.py"),
        ("-q", "test_a_passes.py", "test_b_exit.py"),
        ("test_b_exit.py",),
        ("test_a_passes.py", "test_c_exit_in_fixture.py"),
    ],
    ids=["second-file", "second-file-v", "second-file-q", "first-file", "in-a-fixture"],
)
def test_a_run_stopped_in_a_files_first_test_names_that_file(args, tmp_path):
    # pytest writes a test's file (its id under -v) as the test starts, ending the previous file's
    # line with its share first: a run stopped inside the test still shows where.
    out = run_asynctestrun("exit_at_a_files_first_test", *args, tmp_root=tmp_path).stdout.splitlines()
    stopped_in = "test_c_exit_in_fixture.py" if "test_c_exit_in_fixture.py" in args else "test_b_exit.py"
    assert any(line.startswith(stopped_in) for line in out) != ("-q" in args)  # -q names no files
    if reference_python()[0] is None:
        return
    assert_reads_as_pytests("exit_at_a_files_first_test", *args, tmp_path=tmp_path)


@pytest.mark.parametrize("quiet", [(), ("-q",), ("-qq",)], ids=["default", "q", "qq"])
def test_a_pytest_exit_with_another_status_says_why_after_the_closing_line(quiet, tmp_path):
    # pytest's terminal reporter writes the stop's line above the closing line only under exit
    # status 2; pytest.exit(returncode=0)'s comes as the run unconfigures, below it.
    args = (*quiet, "-k", "first or exits")
    out = run_asynctestrun("coverage_stopped_run", *args, tmp_root=tmp_path).stdout.splitlines()
    assert out[-1].strip("! ") == "_pytest.outcomes.Exit: enough"
    if reference_python()[0] is None:
        return
    assert_reads_as_pytests("coverage_stopped_run", *args, tmp_path=tmp_path)


@pytest.mark.parametrize(
    ("args", "shown"), [((), ["testpaths: checks"]), (("checks",), [])], ids=["from-ini", "given"]
)
def test_the_header_names_the_testpaths_the_run_took_its_paths_from(args, shown, tmp_path):
    # pytest's header has a "testpaths:" line under "configfile:" when no path was given, so the
    # ini's testpaths (as written) chose what to collect.
    out = run_asynctestrun("ini_options", *args, tmp_root=tmp_path).stdout.splitlines()
    assert [line for line in out if line.startswith("testpaths:")] == shown
    if reference_python()[0] is None:
        return
    reference, _ = run_both("ini_options", *args, tmp_root=tmp_path)
    header = [line for line in reference.stdout.splitlines() if line.startswith("testpaths:")]
    assert header == shown


def test_long_tracebacks_show_arguments_source_and_locations(tmp_path):
    out = run_asynctestrun("terminal_layout", tmp_root=tmp_path).stdout
    assert "x = 1, key = 3, args = (2,), kw = {}" in out  # the arguments of a frame
    assert "thing = {'a': 1}" in out
    assert "E               AssertionError: nested" in out  # E lines at the failing line's indent
    assert "E               assert 1 == 2" in out
    assert '    @pytest.mark.parametrize("n", [1])\n    def test_deco(n):' in out  # decorators
    assert ">       assert n == (\n            2\n        )\nE       assert 1 == 2" in out  # whole statement
    assert "\n\nDuring handling of the above exception, another exception occurred:\n\n" in out
    assert "test_tracebacks.py:17: \n" + "_ " * (WIDTH // 2) + "\n" in out


def test_progress_and_quiet_layouts(tmp_path):
    out = run_asynctestrun("terminal_layout", tmp_root=tmp_path).stdout.splitlines()
    progress = [line for line in out if line.endswith("%]")]
    assert progress[-1].endswith("[100%]") and all(len(line) == WIDTH - 1 for line in progress)
    assert any(line.startswith("test_reasons.py ") and ".E" in line for line in progress)
    quiet = run_asynctestrun("terminal_layout", "-q", tmp_root=tmp_path).stdout.splitlines()
    assert quiet[-1].startswith("6 failed, ") and not quiet[-1].startswith("=")
    very_quiet = run_asynctestrun("terminal_layout", "-qq", tmp_root=tmp_path).stdout.splitlines()
    assert very_quiet[-1].startswith("ERROR ")  # no closing line at all


def test_tb_line_and_no(tmp_path):
    out = run_asynctestrun("terminal_layout", "--tb=line", tmp_root=tmp_path).stdout
    assert re.search(r"^/\S+/test_tracebacks\.py:7: AssertionError: nested$", out, re.MULTILINE)
    assert "E   RuntimeError: line one\n    line two\n" in out
    quiet = run_asynctestrun("terminal_layout", "--tb=no", tmp_root=tmp_path).stdout
    assert "FAILURES" not in quiet and "ERRORS" not in quiet


def test_collection_error_summaries_read_as_pytests(tmp_path):
    """Each kind of collection error's heading and summary line: none for a failed import or a misused
    skip (pytest reports those as text), ``Failed:`` for what pytest raises with ``pytest.fail()``, and a
    class's error headed by its file. The tracebacks above them are left out: pytest's show the import
    machinery's frames, which asynctestrun's leave out on purpose."""
    if reference_python()[0] is None:
        pytest.skip("no reference pytest to compare with")
    args = ("--strict-markers", "--continue-on-collection-errors", "-k", "not deselected")
    reference, candidate = run_both("collection_error_reports", *args, tmp_root=tmp_path)

    def summaries(stdout: str) -> list[str]:
        lines = normalise(stdout)
        start = lines.index(_rule("short test summary info"))
        return [line for line in lines if "ERROR collecting" in line] + lines[start:]

    expected, got = summaries(reference.stdout), summaries(candidate.stdout)
    assert_same_lines(expected, got)


@pytest.mark.parametrize("verbosity", [(), ("-vv",)], ids=["default", "vv"])
def test_parametrize_errors_name_the_test_by_node_id(verbosity, tmp_path):
    """parametrize's refusals (an argument the test does not take, or takes with a default, an unknown
    indirect name, too few values, a class's test) read as pytest's, on the summary lines too: there a
    message of several lines is cut to its first, but for -vv (and on CI) where it is whole. pytest's
    report of an unknown scope also shows the enum's ValueError it was raised from; that is left out."""
    args = ("--continue-on-collection-errors", *verbosity)
    result = run_asynctestrun("parametrize_errors", *args, tmp_root=tmp_path)
    expected = "In test_a_unused_argument.py::test_takes_no_x: function uses no argument 'x'"
    assert expected in result.stdout.splitlines()
    if verbosity:
        assert "must be equal to the number of values (1):" in result.stdout.split("short test summary")[1]
    if reference_python()[0] is None:
        return
    reference, candidate = run_both("parametrize_errors", *args, tmp_root=tmp_path)

    def messages(stdout: str) -> list[str]:
        lines = normalise(stdout)
        start = lines.index(_rule("short test summary info"))
        errors = lines[lines.index(_rule("ERRORS")) : start]
        kept = [line for line in errors if "parametrize" in line or line.startswith(("In ", "  ", "must"))]
        return kept + lines[start:]

    assert_same_lines(messages(reference.stdout), messages(candidate.stdout))


def _rule(title: str) -> str:
    fill = WIDTH - len(title) - 2
    return "=" * (fill // 2) + f" {title} " + "=" * (fill - fill // 2)


@pytest.mark.parametrize("selection", [(), ("-k", "test_deco or test_money"), ("-k", "no_such_test")])
def test_collect_only_summary_reads_as_pytests(selection, tmp_path):
    """``--co -q``'s closing line: "N tests collected", "S/N tests collected (D deselected)" or
    "no tests collected (D deselected)", as pytest words it."""
    if reference_python()[0] is None:
        pytest.skip("no reference pytest to compare with")
    reference, candidate = run_both("terminal_layout", "--co", "-q", *selection, tmp_root=tmp_path)
    closing = [normalise(run.stdout)[-1] for run in (reference, candidate)]
    assert closing[1] == closing[0]
    assert candidate.exit_code == reference.exit_code


@pytest.mark.parametrize(
    "args",
    [
        (),
        ("-v", "--doctest-modules"),
        ("-q",),
        ("-qq",),
        ("-k", "status or TestUsers"),
        ("--asyncio-mode=auto",),
        ("tests/api/test_routes.py::TestUsers",),
    ],
    ids=["tree", "verbose-docstrings", "node-ids", "counts-per-file", "deselected", "auto-mode", "one-class"],
)
def test_collect_only_reads_as_pytests(args, tmp_path):
    # The header, then the tree from the rootdir down: <Dir> / <Package> / <Module> / <Class> (nested) /
    # <UnitTestCase>, pytest-asyncio's <Coroutine> beside <Function>, <DoctestModule> /
    # <DoctestTextfile> / <DoctestItem>; -v adds each node's docstring, -q lists node ids and -qq counts
    # per file; the closing line says how many were collected.
    if reference_python()[0] is None:
        pytest.skip("no reference pytest to compare with")
    assert_reads_as_pytests("collect_tree", "--co", *args, tmp_path=tmp_path)


@pytest.mark.parametrize(
    "args",
    [("-s",), ("-s", "-v"), ("-s", "-vv", "-rA"), ("-s", "-q")],
    ids=["default", "verbose", "very-verbose", "quiet"],
)
def test_uncaptured_output_follows_its_tests_place(args, tmp_path):
    # With -s a test's prints reach the terminal as it runs: its file's name (or its id, with -v) is
    # written when it starts, so what it prints reads under it; its outcome when its call (or a
    # failing set-up) is reported, so what the teardowns print comes after the letter or word.
    if reference_python()[0] is None:
        pytest.skip("no reference pytest to compare with")
    assert_reads_as_pytests("uncaptured_output", *args, tmp_path=tmp_path)


def test_warnings_summary_reads_as_pytests(tmp_path):
    # One block per distinct warning, headed by the tests that raised it (or each file's count once
    # there are ten or more), and by file and line for one raised while a conftest or module imported.
    out = run_asynctestrun("warnings_summary", tmp_root=tmp_path).stdout
    assert "\ntest_repeated.py: 13 warnings\n  /" in out
    assert "\nconftest.py:5\n  /" in out and "\ntest_module_import.py:3\n  /" in out
    assert "test_few[0]\ntest_repeated.py::test_few[1]\ntest_repeated.py::test_few[2]\n  /" in out
    assert "UserWarning: a message\n  over two lines\n" in out
    assert "never awaited\n    asyncio.sleep(0)\n  Enable tracemalloc to get traceback" in out
    assert "\n-- Docs: https://docs.pytest.org/en/stable/how-to/capture-warnings.html\n" in out
    if reference_python()[0] is None:
        return
    reference, candidate = run_both("warnings_summary", tmp_root=tmp_path)

    def placed(stdout: str) -> list[str]:  # each runner's copy of the sample is elsewhere
        return [re.sub(r"/\S+/warnings_summary/", "/SAMPLE/", line) for line in normalise(stdout)]

    expected, got = placed(reference.stdout), placed(candidate.stdout)
    assert_same_lines(expected, got)


def test_an_imported_classs_warning_is_placed_where_it_is_defined(tmp_path):
    # pytest places the collection warning for a class by the class's own file and line, also when the
    # test module only imported it; its Testdir, imported for an annotation, gets no warning.
    out = run_asynctestrun("imported_test_classes", tmp_root=tmp_path).stdout
    assert "\nhelpers.py:4\n  /" in out and "'TestClient' because it has a __init__" in out
    assert "Testdir" not in out
    if reference_python()[0] is None:
        return
    assert_reads_as_pytests("imported_test_classes", tmp_path=tmp_path)


@pytest.mark.parametrize(
    "args",
    [
        ("--setup-show",),
        ("--setup-show", "-v"),
        ("--setup-show", "-q"),
        ("--setup-show", "-s"),
        ("--setup-show", "-x"),
        ("--setup-only",),
        ("--setup-plan", "-v"),
    ],
    ids=" ".join,
)
def test_setup_show_lines_read_as_pytests(args, tmp_path):
    # Each fixture's SETUP / TEARDOWN line indented by scope, with what it uses and its parameter;
    # each test's line naming its fixtures, its outcome after it; direct parameters and pytest-asyncio's
    # loop fixtures listed as pytest lists them; no progress share.
    out = run_asynctestrun("setup_show", *args, tmp_root=tmp_path).stdout
    assert "\n    SETUP    M connection (fixtures used: database)\n" in out
    assert "\n        SETUP    F number['one']\n" in out and "\n    TEARDOWN M y[1]\n" in out
    if "-x" not in args:  # the run stops at the first failure, before the async tests
        assert "(fixtures used: _function_scoped_runner, clean, client, connection, database" in out
    assert "[100%]" not in out
    if reference_python()[0] is None:
        return
    assert_reads_as_pytests("setup_show", *args, tmp_path=tmp_path)


@pytest.mark.parametrize(
    "args",
    [
        (),
        ("-q",),
        ("-s",),
        ("-x",),
        ("-rA",),
        ("--log-cli-level=DEBUG",),
        ("-o", "log_cli_format=%(message)s"),
    ],
    ids=lambda args: " ".join(args) or "plain",
)
def test_live_log_records_read_as_pytests(args, tmp_path):
    # log_cli: each test on its own line, its records under "live log setup / call / teardown"
    # headings as they come, the outcome word on a line of its own after them.
    out = run_asynctestrun("live_logging", *args, tmp_root=tmp_path).stdout
    if not args:
        assert "\ntest_live.py::test_logs_in_every_phase \n" in out
        assert "- live log call -" in out and "- live log teardown -" in out
        assert (
            "\nINFO     svc:test_live.py:31 in the test\nWARNING  svc:test_live.py:33 careful\nPASSED " in out
        )
    if reference_python()[0] is None:
        return
    assert_reads_as_pytests("live_logging", *args, tmp_path=tmp_path)


def test_the_header_warns_about_ignored_config_files(tmp_path):
    # pytest names the files beside the config file that configure pytest too and are not read.
    expected = "configfile: pytest.ini (WARNING: ignoring pytest config in pyproject.toml, tox.ini!)"
    result = run_asynctestrun("ignored_config_files", tmp_root=tmp_path)
    assert expected in result.stdout.splitlines()
    if reference_python()[0] is not None:
        reference, _ = run_both("ignored_config_files", tmp_root=tmp_path)
        assert expected in reference.stdout.splitlines()


def test_the_junit_file_is_named_above_conftest_summaries_and_coverage(tmp_path):
    # pytest's junitxml summary hook runs before the initial conftests' and pytest-cov's.
    pytest.importorskip("pytest_cov")
    result = run_asynctestrun("coverage_after_tests", "--cov=app", tmp_root=tmp_path)
    lines = result.stdout.splitlines()
    junit = next(i for i, line in enumerate(lines) if re.fullmatch(r"-+ generated xml file: .* -+", line))
    conftest = lines.index("summary from the conftest")
    coverage = next(i for i, line in enumerate(lines) if "tests coverage" in line)
    assert junit < conftest < coverage


def test_a_warning_from_pytest_sessionfinish_is_in_the_summary(tmp_path):
    # As pytest's warnings plugin around that hook: not written to stderr, but summarised and counted.
    result = run_asynctestrun("sessionfinish_warnings", tmp_root=tmp_path)
    assert (
        "\nconftest.py:14\n  /" in result.stdout
        and "UserWarning: \n  2 tests reported\n  \n" in result.stdout
    )
    assert "2 passed, 1 warning" in result.stdout and "UserWarning" not in result.stderr
    if reference_python()[0] is not None:
        reference, candidate = run_both("sessionfinish_warnings", tmp_root=tmp_path)

        def placed(stdout: str) -> list[str]:  # each runner's copy of the sample is elsewhere
            return [re.sub(r"/\S+/sessionfinish_warnings/", "/SAMPLE/", line) for line in normalise(stdout)]

        assert_same_lines(placed(reference.stdout), placed(candidate.stdout))


def test_a_warning_a_plugin_raises_on_import_is_in_the_summary(tmp_path):
    # As pytest's capture of plugin imports: headed by file and line, counted, not written to stderr.
    result = run_asynctestrun("plugin_import_filters", tmp_root=tmp_path)
    assert "\nlibplugin.py:18\n  /" in result.stdout and "UserWarning: libplugin imported\n" in result.stdout
    assert "libplugin imported" not in result.stderr
    if reference_python()[0] is not None:
        reference, candidate = run_both("plugin_import_filters", tmp_root=tmp_path)

        def placed(stdout: str) -> list[str]:  # each runner's copy of the sample is elsewhere
            return [re.sub(r"/\S+/plugin_import_filters/", "/SAMPLE/", line) for line in normalise(stdout)]

        assert_same_lines(placed(reference.stdout), placed(candidate.stdout))


@pytest.mark.parametrize(
    ("plugin", "first_lines"),
    [
        ("broken_plugin", ['Error while loading plugin "broken_plugin".', "broken_plugin.py:3: in <module>"]),
        (
            "no_such_plugin",
            ["ERROR: Error importing plugin \"no_such_plugin\": No module named 'no_such_plugin'"],
        ),
    ],
    ids=["raises", "not-found"],
)
def test_a_plugin_failing_to_import_reads_as_pytests(plugin, first_lines, tmp_path):
    # pytest's two reports: a plugin found but raising (its traceback, exit 3), one not found (exit 4).
    result = run_asynctestrun("plugin_import_errors", "-p", plugin, tmp_root=tmp_path)
    assert result.stderr.splitlines()[: len(first_lines)] == first_lines
    if reference_python()[0] is not None:
        reference, candidate = run_both("plugin_import_errors", "-p", plugin, tmp_root=tmp_path)
        # pytest ends a usage error with a blank line, which asynctestrun leaves out.
        assert_same_lines(
            reference.stderr.rstrip("\n").splitlines(), candidate.stderr.rstrip("\n").splitlines()
        )


@pytest.mark.parametrize(
    "args",
    [
        ("--cov=app", "--cov-report=term-missing", "--cov-fail-under=95"),
        ("--cov=app", "--cov-report=term:skip-covered", "--cov-report=xml:out/cov.xml", "--cov-branch"),
        ("--cov=app", "--cov-report=term-missing", "-n", "2"),
    ],
    ids=["fail-under", "files", "workers"],
)
def test_coverage_section_reads_as_pytest_covs(args, tmp_path):
    # The "tests coverage" section: coverage.py's table (the conftest imports the measured package, so
    # its module-level lines count as run), the files written and the fail-under verdict.
    pytest.importorskip("pytest_cov")
    candidate = run_asynctestrun("coverage_report", *args, tmp_root=tmp_path)
    section = _coverage_section(candidate.stdout)
    assert section[0] == _rule("tests coverage") and "TOTAL " in "\n".join(section), candidate.stdout
    if reference_python()[0] is None:
        return
    reference, candidate = run_both("coverage_report", *args, tmp_root=tmp_path)
    assert candidate.exit_code == reference.exit_code
    assert _coverage_section(candidate.stdout) == _coverage_section(reference.stdout)


def _coverage_section(stdout: str) -> list[str]:
    lines = normalise(stdout)
    start = lines.index(_rule("tests coverage"))
    return lines[start : next(i for i in range(start + 1, len(lines)) if lines[i].startswith("==="))]


@pytest.mark.parametrize(
    ("args", "line"),
    [(("-x",), "stopping after 1 failures"), (("--maxfail=2",), "stopping after 2 failures")],
    ids=["exitfirst", "reached-by-the-last-test"],
)
def test_a_maxfail_stop_is_its_reason_alone(args, line, tmp_path):
    # pytest's -x / --maxfail stop is no interruption: "!!! stopping after 1 failures !!!", also when
    # the last test reached the limit.
    out = run_asynctestrun("maxfail_stop_line", *args, tmp_root=tmp_path).stdout
    assert re.search(rf"^!+ {line} !+$", out, re.MULTILINE), out
    assert "Interrupted" not in out
    if reference_python()[0] is None:
        return
    assert_reads_as_pytests("maxfail_stop_line", *args, tmp_path=tmp_path)


def test_collection_errors_reaching_maxfail_say_both(tmp_path):
    # Collection errors that reach --maxfail with the last file collected: pytest's report says it
    # would stop, then that the collection errors interrupted the run.
    args = ("--maxfail=2", "test_a_good.py", "test_b_broken.py", "test_c_good.py", "test_d_broken.py")
    out = run_asynctestrun("maxfail_collection_errors", *args, tmp_root=tmp_path).stdout
    closing = [line for line in out.splitlines() if line.startswith("!")]
    assert [line.strip("! ") for line in closing] == [
        "stopping after 2 failures",
        "Interrupted: 2 errors during collection",
    ]
    if reference_python()[0] is None:
        return
    reference, _ = run_both("maxfail_collection_errors", *args, tmp_root=tmp_path)
    assert [line for line in reference.stdout.splitlines() if line.startswith("!")] == closing


@pytest.mark.parametrize("args", [(), ("-q",), ("-qq",)], ids=["default", "q", "qq"])
def test_warnings_summary_and_junit_footers(args, tmp_path):
    # As pytest: the warnings summary ends with its "-- Docs:" line and is shown at every quietness;
    # --junitxml's file is named above the short test summary (not with -q or quieter).
    result = run_asynctestrun("warnings_summary_footer", *args, tmp_root=tmp_path)
    lines = result.stdout.splitlines()
    assert "-- Docs: https://docs.pytest.org/en/stable/how-to/capture-warnings.html" in lines
    generated = [line for line in lines if re.fullmatch(r"-+ generated xml file: .* -+", line)]
    assert len(generated) == (0 if args else 1)
    if args == ():
        assert str(result.workdir.parent / "junit.xml") in generated[0]
    if reference_python()[0] is None:
        return
    reference, candidate = run_both("warnings_summary_footer", *args, tmp_root=tmp_path)

    def comparable(run):
        return [line.replace(str(run.workdir), "SAMPLE") for line in normalise(run.stdout)]

    expected, got = comparable(reference), comparable(candidate)
    assert_same_lines(expected, got)


SUBDIRECTORY_SUITE = """\
import pytest


def test_passes():
    pass


def test_fails():
    assert 1 == 2


@pytest.mark.skip(reason="not today")
def test_skipped():
    pass
"""


def test_a_run_from_a_subdirectory_names_tests_from_there(tmp_path):
    # pytest's terminal shows paths relative to where it was started (cd tests: "test_x.py::test_y"),
    # in the progress, verbose and summary lines and in tracebacks; node ids stay rootdir-relative.
    (tmp_path / "pytest.ini").write_text("[pytest]\nasyncio_default_fixture_loop_scope = function\n")
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "test_here.py").write_text(SUBDIRECTORY_SUITE)
    args = ("-p", "no:cacheprovider", "-rA")
    out = run_cli(tmp_path / "tests", *args).stdout
    assert "\ntest_here.py .Fs" in out and "\ntest_here.py:9: AssertionError\n" in out
    assert "FAILED test_here.py::test_fails - assert 1 == 2" in out
    assert "SKIPPED [1] test_here.py:12: not today" in out
    python = reference_python()[0]
    if python is None:
        return
    reference = subprocess.run(
        [python, "-m", "pytest", *args], cwd=tmp_path / "tests", capture_output=True, text=True, check=False
    )
    expected, got = normalise(reference.stdout), normalise(out)
    assert_same_lines(expected, got)


def test_disable_warnings_leaves_out_the_summary_not_the_count(tmp_path):
    out = run_asynctestrun("warnings_summary", "--disable-warnings", tmp_root=tmp_path).stdout
    assert "warnings summary" not in out and "19 passed, 22 warnings" in out
    if reference_python()[0] is not None:
        assert_reads_as_pytests("warnings_summary", "--disable-warnings", tmp_path=tmp_path)


def test_a_value_released_at_teardown_warns_for_its_test(tmp_path):
    # The unawaited coroutine a fixture returned warns when the test's values are dropped: inside the
    # test's warning capture, so it is listed under the test in the summary, not printed raw.
    out = run_asynctestrun("released_fixture_values", "-p", "no:cacheprovider", tmp_root=tmp_path).stdout
    # The failed (undriven) test's too: its failure's traceback holds no fixture value.
    assert (
        "test_released.py::test_sync\ntest_released.py::test_async\ntest_released.py::test_not_run\n" in out
    )
    assert "1 failed, 2 passed, 3 warnings" in out


@pytest.mark.parametrize(
    "args",
    [
        ("--doctest-modules", "--continue-on-collection-errors", "-v"),
        ("--doctest-modules", "--doctest-continue-on-failure", "pkg", "docs"),
        ("--doctest-modules", "--doctest-report", "ndiff", "pkg"),
        ("--doctest-modules", "--doctest-report", "none", "-q", "pkg"),
        ("--doctest-modules", "--tb=line", "pkg", "docs"),
    ],
    ids=["verbose", "continue-on-failure", "ndiff", "report-none", "tb-line"],
)
def test_doctest_failures_read_as_pytests(args, tmp_path):
    # The docstring's numbered lines up to the failing example, Expected / Got (or a diff, or the
    # unexpected exception), then "path:line: DocTestFailure"; headed "[doctest] pkg.mod.func", no
    # message on the short-summary line. A module that fails to import shows importlib's frame.
    if reference_python()[0] is None:
        pytest.skip("no reference pytest to compare with")
    assert_reads_as_pytests("doctests", *args, tmp_path=tmp_path)


def test_an_async_generator_tests_warning_is_placed_at_its_definition(tmp_path):
    # pytest-asyncio's collection warning names the test's file as its node id does and the line its
    # definition starts on (the decorator); the summary heads it with that place.
    out = run_asynctestrun("async_generator_tests", tmp_root=tmp_path).stdout
    assert "\ntest_generators.py:7\n  test_generators.py:7: PytestCollectionWarning: " in out
    assert "\n    @pytest.mark.asyncio\n" in out
    if reference_python()[0] is None:
        return
    reference, candidate = run_both("async_generator_tests", tmp_root=tmp_path)

    def summary(stdout: str) -> list[str]:  # the unmarked test's failure reads differently on purpose
        lines = normalise(stdout)
        start = next(i for i, line in enumerate(lines) if "warnings summary" in line)
        return lines[
            start : lines.index("-- Docs: https://docs.pytest.org/en/stable/how-to/capture-warnings.html")
        ]

    assert_same_lines(summary(reference.stdout), summary(candidate.stdout))


@pytest.mark.parametrize("args", [(), ("--tb=short",), ("--tb=line",)], ids=["auto", "short", "line"])
def test_frames_of_asyncio_a_test_calls_into_are_listed(args, tmp_path):
    # The loop running the test is not shown, the asyncio code the test calls is (wait_for's frames,
    # asyncio.run's, those of a chained exception caught inside asyncio), and the crash is placed there.
    out = run_asynctestrun("asyncio_frames", *args, tmp_root=tmp_path).stdout
    if args == ("--tb=line",):
        assert re.search(r"^/\S+/asyncio/tasks\.py:\d+: TimeoutError$", out, re.MULTILINE)
    else:
        assert "asyncio/tasks.py:" in out and "asyncio/runners.py:" in out
    if reference_python()[0] is None:
        return
    reference, candidate = run_both("asyncio_frames", *args, tmp_root=tmp_path)

    def placed(stdout: str) -> list[str]:  # each runner's copy of the sample is elsewhere
        return [re.sub(r"/\S+/asyncio_frames/", "/SAMPLE/", line) for line in normalise(stdout)]

    assert_same_lines(placed(reference.stdout), placed(candidate.stdout))


@pytest.mark.parametrize("args", [(), ("--tb=short",), ("--tb=line",)], ids=["auto", "short", "line"])
def test_looping_and_unraised_exception_chains_read_as_pytests(args, tmp_path):
    # A chain that loops back shows each exception once; a cause that was never raised is shown as
    # Python shows it, without E markers.
    out = run_asynctestrun("exception_chain_loops", *args, tmp_root=tmp_path).stdout
    assert out.count("The above exception was the direct cause") == 2  # one in each of two chains
    assert "\nValueError: never raised\nover two lines\n\nThe above exception was the direct cause" in out
    if reference_python()[0] is None:
        return
    assert_reads_as_pytests("exception_chain_loops", *args, tmp_path=tmp_path)


@pytest.mark.parametrize(
    "args", [(), ("--tb=short",), ("--tb=long",), ("--tb=line",)], ids=["auto", "short", "long", "line"]
)
def test_frames_without_source_read_as_pytests(args, tmp_path):
    # A frame of code made by exec has no source: "???" where its line would be, marked as the
    # failing line in the long style; a test module's ImportError leaves such frames out.
    args = ("--continue-on-collection-errors", *args)
    out = run_asynctestrun("sourceless_frames", *args, tmp_root=tmp_path).stdout
    if "--tb=line" not in args and "--tb=long" not in args:
        assert "<string>:2: in made\n    ???\n" in out
    assert "<string>:2: in load" not in out
    if reference_python()[0] is None:
        return
    assert_reads_as_pytests("sourceless_frames", *args, tmp_path=tmp_path)


@pytest.mark.parametrize(
    "args", [(), ("--tb=short",), ("--tb=long",), ("--tb=line",)], ids=["auto", "short", "long", "line"]
)
def test_frames_of_the_import_machinery_read_as_pytests(args, tmp_path):
    # importlib.import_module failing in a test: the frozen frames under it are listed, and the
    # crash is placed in the last of them, as pytest does. A unittest set-up from another module
    # failing there has them left out.
    out = run_asynctestrun("import_machinery_frames", *args, tmp_root=tmp_path).stdout
    assert "\n<frozen importlib._bootstrap>:" in out
    if "--tb=line" not in args:
        set_up_failure = out[out.index("TestWithFailingSetUp.test_never_runs") :]
        assert "<frozen" not in set_up_failure[: set_up_failure.index("ModuleNotFoundError")]
    if reference_python()[0] is None:
        return
    if not args:
        # Under auto, pytest shows the set-up's frame short, where asynctestrun shows it long (the
        # frame unittest's own frames were above): compare the frozen frames' lines only.
        reference, candidate = run_both("import_machinery_frames", *args, tmp_root=tmp_path)

        def frozen(stdout: str) -> list[str]:
            return [line for line in stdout.splitlines() if line.startswith("<frozen")]

        assert frozen(candidate.stdout) == frozen(reference.stdout)
        return
    assert_reads_as_pytests("import_machinery_frames", *args, tmp_path=tmp_path)


@pytest.mark.parametrize("style", ["auto", "long", "line", "no"])
def test_a_modules_collection_error_follows_the_tb_style(style, tmp_path):
    # pytest's collectors show an error raised while a test module imports in the --tb style (short
    # for auto); an ImportError keeps its own short report.
    args = ("--continue-on-collection-errors", f"--tb={style}")
    out = run_asynctestrun("collection_error_styles", *args, tmp_root=tmp_path).stdout
    assert ("ImportError while importing test module" in out) is (style != "no")
    assert ("\n>   RESULT = compute(0)\n" in out) is (style == "long")
    if reference_python()[0] is None:
        return
    assert_reads_as_pytests("collection_error_styles", *args, tmp_path=tmp_path)


@pytest.mark.parametrize("args", [(), ("--tb=long",), ("-vv",)], ids=["auto", "long", "vv"])
def test_showlocals_lists_a_modules_globals_in_its_collection_error(args, tmp_path):
    # pytest's collectors show -l's locals for an error raised while a test module imports: the
    # module's frame lists its globals, naming the builtins rather than printing them.
    args = ("-l", "--continue-on-collection-errors", *args)
    out = run_asynctestrun("collection_error_locals", *args, tmp_root=tmp_path).stdout
    assert "SETTINGS   = {" in out and "__builtins__ = <builtins>\n" in out
    if reference_python()[0] is None:
        return
    reference, candidate = run_both("collection_error_locals", *args, tmp_root=tmp_path)

    def without_loader(stdout: str) -> list[str]:
        # The module's loader is each runner's own import hook.
        lines = normalise(stdout, "collection_error_locals")
        return [line for line in lines if not re.match(r" *__(loader|spec)__ +=", line)]

    assert_same_lines(without_loader(reference.stdout), without_loader(candidate.stdout))


@pytest.mark.parametrize("args", [(), ("--tb=short",), ("--tb=long",)], ids=["auto", "short", "long"])
def test_a_compiled_modules_frame_shows_its_shipped_source(args, tmp_path):
    # uvloop's loop.pyx is named relative to sys.path and its loader gives no source: the line is
    # read from the file found along sys.path, as inspect.findsource (so pytest) reads it.
    pytest.importorskip("uvloop")
    out = run_asynctestrun("compiled_module_frames", *args, tmp_root=tmp_path).stdout
    assert re.search(r"^>?   +return future\.result\(\)$", out, re.MULTILINE)
    if reference_python()[0] is None:
        return
    assert_reads_as_pytests("compiled_module_frames", *args, tmp_path=tmp_path)


def test_an_installed_plugins_asserts_are_rewritten(tmp_path):
    # pytest-mock's wrapper of unittest.mock's asserts explains the difference with a rewritten assert
    # of its own; without the rewriting it adds nothing.
    pytest.importorskip("pytest_mock")
    out = run_asynctestrun("plugin_assert_rewrite", tmp_root=tmp_path).stdout
    assert out.count("\nE       pytest introspection follows:\n") == 2
    assert "E       assert (1,) == (2,)" in out
    if reference_python()[0] is not None:
        assert_reads_as_pytests("plugin_assert_rewrite", tmp_path=tmp_path)


def test_old_style_hook_options_and_plugin_import_warnings_read_as_pytests(tmp_path):
    # A PytestRemovedIn10Warning at each hook declaring tryfirst / trylast by a mark or an attribute,
    # and the warning a plugin loaded with -p gives while it imports, in the summary as pytest's.
    result = run_asynctestrun("legacy_hook_options", "-p", "early_plugin", tmp_root=tmp_path)
    assert "uses old-style configuration options (marks or attributes)" in result.stdout
    assert "\nearly_plugin.py:7\n  /" in result.stdout and "1 failed, 1 passed, 4 warnings" in result.stdout
    if reference_python()[0] is not None:
        assert_reads_as_pytests("legacy_hook_options", "-p", "early_plugin", tmp_path=tmp_path)


def test_hypothesis_notes_its_example_on_pytest_fail(tmp_path):
    # hypothesis finds pytest's modules imported, as under pytest: pytest.fail in a @given test is a
    # failure, shrunk and noted with its example (no "You can reproduce" seed line); notes on
    # pytest.fail's exception are shown below it.
    pytest.importorskip("hypothesis")
    result = run_asynctestrun("hypothesis_pytest_outcomes", "test_given.py", tmp_root=tmp_path)
    assert "E           Failing test case: test_pytest_fail_is_a_failure_hypothesis_shrinks(" in result.stdout
    assert "E           a note below it" in result.stdout
    assert "You can reproduce this failure by adding @seed" not in result.stdout
    if reference_python()[0] is not None:
        assert_reads_as_pytests("hypothesis_pytest_outcomes", "test_given.py", tmp_path=tmp_path)


@pytest.mark.parametrize(
    "args",
    [("-q",), ("-qq",), ("-q", "test_ok.py", "-k", "nothing"), ("-qq", "test_ok.py", "-k", "nothing")],
    ids=["collection-error-q", "collection-error-qq", "deselected-q", "deselected-qq"],
)
def test_a_quiet_run_without_tests_starts_its_summary_with_an_empty_line(args, tmp_path):
    # pytest's summary starts with a line break: after the progress line it ends that line; with no
    # progress written, quiet, it is an empty line above the ERRORS section or "no tests ran".
    result = run_asynctestrun("quiet_no_tests_ran", *args, tmp_root=tmp_path)
    assert result.stdout.startswith("\n") and not result.stdout.startswith("\n\n")
    if reference_python()[0] is not None:
        assert_reads_as_pytests("quiet_no_tests_ran", *args, tmp_path=tmp_path)


def test_an_xdist_worker_hook_is_named_unsupported_only_in_a_run_with_workers(tmp_path):
    # pytest-xdist's controller alone calls pytest_testnodedown, and only when workers go down: a run
    # without -n reads as pytest's, with no warning; with -n the main process names it once.
    pytest.importorskip("xdist")
    warning = "hook pytest_testnodedown in worker_reports is not supported"
    result = run_asynctestrun("xdist_worker_hooks", tmp_root=tmp_path)
    assert warning not in result.stdout and "1 failed, 1 passed in " in result.stdout
    with_workers = run_asynctestrun("xdist_worker_hooks", "-n", "2", tmp_root=tmp_path)
    assert with_workers.stdout.count(warning) == 1, with_workers.stdout
    if reference_python()[0] is not None:
        assert_reads_as_pytests("xdist_worker_hooks", tmp_path=tmp_path)


def test_the_unset_loop_scope_warning_is_placed_at_pytest_asyncios_call(tmp_path):
    # pytest-asyncio's warning for an unset asyncio_default_fixture_loop_scope, on stderr as Python
    # shows it: headed by the installed plugin module's path and line, that line's source below.
    from importlib.machinery import PathFinder

    if PathFinder.find_spec("pytest_asyncio") is None:
        pytest.skip("pytest-asyncio is not installed: the warning has a stand-in place")
    args = ("-o", "filterwarnings=")
    result = run_asynctestrun("unset_loop_scope", *args, tmp_root=tmp_path)
    lines = result.stderr.splitlines()
    assert re.fullmatch(r"/\S+/pytest_asyncio/plugin\.py:\d+: PytestDeprecationWarning: The .*", lines[0])
    assert lines[-1] == "  warnings.warn(PytestDeprecationWarning(_DEFAULT_FIXTURE_LOOP_SCOPE_UNSET))"
    if reference_python()[0] is not None:
        reference, candidate = run_both("unset_loop_scope", *args, tmp_root=tmp_path)

        def placed(stderr: str) -> list[str]:  # the reference's pytest-asyncio may be installed elsewhere
            return [re.sub(r"^/\S+/pytest_asyncio/", "/SITE/", line) for line in stderr.splitlines()]

        assert_same_lines(placed(reference.stderr), placed(candidate.stderr))


@pytest.mark.parametrize(
    "args", [(), ("--tb=short",), ("--tb=line",), ("-rA", "-v")], ids=["auto", "short", "line", "rA-v"]
)
def test_an_exception_group_is_shown_in_pythons_layout(args, tmp_path):
    # pytest shows a failure holding an exception group as Python's traceback does (pytest-dev/pytest#9159),
    # keeping only the frames it would list, and ends the chain there.
    result = run_asynctestrun("exception_group_reports", *args, tmp_root=tmp_path)
    assert "  + Exception Group Traceback (most recent call last):" in result.stdout
    assert "  | ExceptionGroup: unhandled errors in a TaskGroup (2 sub-exceptions)" in result.stdout
    if reference_python()[0] is not None:
        assert_reads_as_pytests("exception_group_reports", *args, tmp_path=tmp_path)


@pytest.mark.parametrize("args", [(), ("--tb=short",), ("--tb=long",)], ids=["auto", "short", "long"])
def test_a_replaced_test_objects_failures_are_cut_at_the_replacement(args, tmp_path):
    # pytest cuts a failure's frames at item.obj as it is when the report is made: a conftest's runner
    # (pytest-trio's kind) is listed above the test, and a sub-exception that never passed through
    # the runner keeps all its frames (helpers.py's), where a plain test's starts in the test file.
    out = run_asynctestrun("replaced_test_object", *args, tmp_root=tmp_path).stdout
    assert "in run_test" in out or "conftest.py:11" in out
    if reference_python()[0] is not None:
        assert_reads_as_pytests("replaced_test_object", *args, tmp_path=tmp_path)


@pytest.mark.parametrize("args", [(), ("--tb=short",), ("--tb=long",)], ids=["auto", "short", "long"])
def test_frames_are_absolute_while_a_test_has_moved_the_working_directory(args, tmp_path):
    # As pytest's _repr_failure_py: paths relative to the working directory only while it is the one
    # the run started in; a test's failure made after monkeypatch.chdir (undone at teardown, after the
    # report) or inside a unittest class's chdir names its frames by absolute path.
    out = run_asynctestrun("changed_working_directory", *args, tmp_root=tmp_path).stdout
    assert re.search(r"^/\S+/changed_working_directory/helpers\.py:2", out, re.MULTILINE)
    assert "\nhelpers.py:2" in out
    if reference_python()[0] is None:
        return
    assert_reads_as_pytests("changed_working_directory", *args, tmp_path=tmp_path)


@pytest.mark.parametrize("args", [(), ("-v",), ("-rA",)], ids=["default", "verbose", "rA"])
def test_report_teststatus_hook_reads_as_pytests(args, tmp_path):
    # A conftest's own letters and -v words, reports it hides, its categories in the closing line
    # (after pytest's), and the FAILURES section and short summary leaving out what it filed elsewhere.
    out = run_asynctestrun("report_teststatus_hook", *args, tmp_root=tmp_path).stdout
    assert "3 network passed, 1 network failed" in out
    if reference_python()[0] is not None:
        assert_reads_as_pytests("report_teststatus_hook", *args, tmp_path=tmp_path)


@pytest.mark.parametrize(
    "args", [(), ("-q",), ("--collect-only",), ("-v",)], ids=["default", "q", "collect-only", "v"]
)
def test_report_collectionfinish_lines_read_as_pytests(args, tmp_path):
    # A conftest's pytest_report_collectionfinish lines under the collection line (with -q too).
    out = run_asynctestrun("progress_hooks", *args, tmp_root=tmp_path).stdout
    assert "selected: 3 tests\norder: test_first, test_async, test_param[1]\n" in out
    if reference_python()[0] is not None:
        assert_reads_as_pytests("progress_hooks", *args, tmp_path=tmp_path)


def test_a_declared_hook_is_not_named_unsupported(tmp_path):
    # pytest_addhooks and the hook it declares are called, with no PluginWarning about either.
    out = run_asynctestrun("plugin_hookspecs", tmp_root=tmp_path).stdout
    assert "PluginWarning" not in out and "1 passed in" in out
    if reference_python()[0] is not None:
        assert_reads_as_pytests("plugin_hookspecs", tmp_path=tmp_path)


def test_late_conftest_plugins_read_as_pytests(tmp_path):
    # The directory's collection error: pytest's message naming the conftest and the rootdir.
    out = run_asynctestrun("late_conftest_plugins", tmp_root=tmp_path).stdout
    assert "ERROR sub - Failed: Defining 'pytest_plugins' in a non-top-level conftest is" in out
    if reference_python()[0] is None:
        return
    reference, candidate = run_both("late_conftest_plugins", tmp_root=tmp_path)

    def lines(stdout: str) -> list[str]:
        # The rootdir the message names is each run's own copy of the sample.
        return [re.sub(r"\S+/late_conftest_plugins(?=/|$)", "ROOTDIR", line) for line in normalise(stdout)]

    assert_same_lines(lines(reference.stdout), lines(candidate.stdout))


@pytest.mark.parametrize(
    "args", [("-rs",), ("-v", "-rs"), ("--collect-only",)], ids=["rs", "v", "collect-only"]
)
def test_a_skipping_conftest_reads_as_pytests(args, tmp_path):
    # Its directory is a skipped collector: counted, and named with the conftest's line under -rs.
    out = run_asynctestrun("conftest_skips", *args, tmp_root=tmp_path).stdout
    if "--collect-only" not in args:
        assert "SKIPPED [1] tests/no_backend/conftest.py:3: no backend configured" in out
    if reference_python()[0] is not None:
        assert_reads_as_pytests("conftest_skips", *args, tmp_path=tmp_path)


@pytest.mark.parametrize("args", [("-rs",), ("-v",)], ids=["rs", "v"])
def test_a_true_skipif_names_the_reason_before_any_skip_mark(args, tmp_path):
    out = run_asynctestrun("skip_mark_precedence", *args, tmp_root=tmp_path).stdout
    if "-rs" in args:
        assert "SKIPPED [1] test_precedence.py:9: module skipif" in out
    if reference_python()[0] is not None:
        assert_reads_as_pytests("skip_mark_precedence", *args, tmp_path=tmp_path)


@pytest.mark.parametrize("args", [("-rA",), ("--tb=short",), ("--tb=line",)], ids=["rA", "short", "line"])
def test_captured_output_keeps_its_blank_lines(args, tmp_path):
    # pytest drops one final line break of a captured section: the blank lines printed last stay, a
    # bare print() is a section of one empty line, and a passing test whose teardown alone printed
    # has no heading of its own under PASSES, only its teardown section.
    out = run_asynctestrun("captured_output_sections", *args, tmp_root=tmp_path).stdout
    assert " Captured stdout call -+\nprinted\n\n\n" in re.sub(r"-{3,}", "-+", out)
    if args == ("-rA",):
        assert "_ test_passes_printing_in_teardown_only _" not in out
    if reference_python()[0] is not None:
        assert_reads_as_pytests("captured_output_sections", *args, tmp_path=tmp_path)


def test_an_outcome_exception_while_importing_reads_as_pytests(tmp_path):
    # pytest names Failed bare and Exit / XFailed by their module (_pytest.outcomes) in a collection
    # error; pytest.exit() there is the file's error, not the run's end.
    out = run_asynctestrun("exit_at_import", tmp_root=tmp_path).stdout
    assert "ERROR test_b_exits.py - _pytest.outcomes.Exit: no service to test against" in out
    assert "ERROR test_d_fails.py - Failed: fails while importing" in out
    if reference_python()[0] is not None:
        assert_reads_as_pytests("exit_at_import", tmp_path=tmp_path)


@pytest.mark.parametrize("args", [(), ("-q",)], ids=["default", "q"])
def test_what_a_terminal_summary_hook_prints_is_among_the_summary(args, tmp_path):
    # print() in pytest_terminal_summary (pytest-textual-snapshot's report, through a rich Console):
    # after the failures, before the short summary, as pytest shows it; not above the progress line's end.
    out = run_asynctestrun("terminal_summary_print", *args, tmp_root=tmp_path).stdout
    failure = out.index("AssertionError")
    printed = out.index("REPORT (printed): 2 tests looked at\nexit status 1\nREPORT (terminal reporter)\n")
    assert failure < printed < out.index("short test summary info")
    if reference_python()[0] is not None:
        assert_reads_as_pytests("terminal_summary_print", *args, tmp_path=tmp_path)


@pytest.mark.parametrize("args", [(), ("-q",), ("-x",)], ids=["default", "q", "x"])
def test_what_session_end_hooks_print_is_where_pytest_shows_it(args, tmp_path):
    # pytest_sessionfinish's print() right after the progress line's share, pytest_unconfigure's after
    # the closing line: both ran before the reporter wrote those places, and went out first.
    out = run_asynctestrun("session_end_prints", *args, tmp_root=tmp_path).stdout
    assert re.search(r"(\[100%\]|F)sessionfinish: status 1\n", out)
    assert re.search(r"1 failed, \d passed in .*\nunconfigure: done\n$", out)
    if reference_python()[0] is not None:
        assert_reads_as_pytests("session_end_prints", *args, tmp_path=tmp_path)


@pytest.mark.parametrize("args", [(), ("-vv",), ("--tb=short",)], ids=["default", "vv", "short"])
def test_a_fixture_lookup_at_run_time_reads_as_at_set_up(args, tmp_path):
    # request.getfixturevalue of an unknown fixture (in a fixture, in a sync and an async test) is
    # reported as pytest's lookup errors are: who asked, the problem on an "E" line, the fixtures there
    # are; its summary line names the problem (normalise() takes that deliberate part out), not
    # asynctestrun's exception class. A test's own pytest.fail(..., pytrace=False) text is summed up
    # by its first line, "E" lines or not.
    out = run_asynctestrun("fixture_lookup_summary", *args, tmp_root=tmp_path).stdout
    assert "::test_looks_up_unknown_fixture - fixture 'no_such_fixture' not found" in out
    assert "::test_fail_without_traceback_and_an_e_line - Failed: the first line" in out
    assert "asynctestrun._execute" not in out
    if reference_python()[0] is not None:
        assert_reads_as_pytests("fixture_lookup_summary", *args, tmp_path=tmp_path)


def test_a_record_logged_while_importing_is_not_captured_output(tmp_path):
    # pytest's run-wide log handlers are on the root logger while modules import: a record logged
    # before an import error is kept by none of them, so the error's report has no "Captured stderr"
    # (logging's last resort would print it there).
    result = run_asynctestrun("import_time_logging", "broken", tmp_root=tmp_path)
    assert result.exit_code == 2
    assert "ERROR broken/test_logs_then_fails.py - RuntimeError: cannot import" in result.stdout
    assert "Captured stderr" not in result.stdout
    if reference_python()[0] is not None:
        assert_reads_as_pytests("import_time_logging", "broken", tmp_path=tmp_path)


@pytest.mark.parametrize(
    "args", [("-rs",), ("-v", "-rs"), ("-q", "-rA")], ids=["default", "verbose", "quiet"]
)
def test_a_skip_inside_a_unittest_subtest_reads_as_pytests(args, tmp_path):
    # ``self.skipTest()`` inside ``subTest`` skips that subtest alone: its test passes (or fails on
    # its own), and the skip counts only when the verbosity is not the default one, as in pytest 9.
    out = run_asynctestrun("unittest_subtest_skip", *args, tmp_root=tmp_path).stdout
    assert "1 failed, 3 passed" in out and "error" not in out
    if reference_python()[0] is not None:
        assert_reads_as_pytests("unittest_subtest_skip", *args, tmp_path=tmp_path)


@pytest.mark.parametrize(
    "args", [("-rsx",), ("-v", "-rsx"), ("-q", "-rsx")], ids=["default", "verbose", "quiet"]
)
def test_skipped_subtests_in_the_short_summary_read_as_pytests(args, tmp_path):
    # A skipped or expected-to-fail block of the subtests fixture is listed only when the verbosity
    # is not the default one; pytest heads every folded skip line with the first skip's word.
    out = run_asynctestrun("subtest_skip_summary", *args, tmp_root=tmp_path).stdout
    if args == ("-rsx",):
        assert "block skipped" not in out and "SKIPPED [1] test_skip_summary.py:13: marked" in out
    else:
        assert "SUBSKIPPED[skips] [1] test_skip_summary.py:13: marked" in out
        assert "SUBXFAIL(i=1) test_skip_summary.py::test_expected_failure_in_a_block - not yet" in out
    if reference_python()[0] is not None:
        assert_reads_as_pytests("subtest_skip_summary", *args, tmp_path=tmp_path)


@pytest.mark.parametrize(
    "args",
    [("-rA",), ("-v", "-rA"), ("-q", "-rA"), ("--tb=short",), ("--capture=sys", "-q", "-rA")],
    ids=["default", "verbose", "quiet", "short", "sys-capture"],
)
def test_unittest_subtest_reports_land_in_the_capture_as_pytests(args, tmp_path):
    # pytest reports a unittest subTest from inside the call with the capture on: under fd capture
    # its letter or -v line is part of the test's captured stdout, not the terminal's line.
    out = run_asynctestrun("unittest_subtest_capture", *args, tmp_root=tmp_path).stdout
    if args == ("-q", "-rA"):
        assert out.startswith("F.......  ") and "\nbefore\ninside 0\nuinside 1\nu\n" in out
    if reference_python()[0] is not None:
        assert_reads_as_pytests("unittest_subtest_capture", *args, tmp_path=tmp_path)


@pytest.mark.parametrize("args", [("--tb=line",), ("-q", "--tb=line")], ids=["default", "quiet"])
def test_tb_line_places_a_unittest_failure_where_it_was_raised(args, tmp_path):
    # As pytest's crash line: a failed assertEqual is placed in unittest's case.py, whose frames the
    # longer styles leave out.
    out = run_asynctestrun("unittest_crash_line", *args, tmp_root=tmp_path).stdout
    assert "/unittest/case.py:" in out
    if reference_python()[0] is not None:
        assert_reads_as_pytests("unittest_crash_line", *args, tmp_path=tmp_path)


@pytest.mark.parametrize(
    "args",
    [("-rA", "--tb=short"), ("-q", "--tb=short"), ("--capture=sys", "--tb=short"), ("--tb=line",)],
    ids=["all", "quiet", "sys-capture", "line"],
)
def test_a_subtests_blocks_output_reads_as_pytests(args, tmp_path):
    # What a block prints and logs is captured on its own: a failed block shows it (after its test's
    # set-up output), its test's output does not hold it, and a passing block's is not shown.
    out = run_asynctestrun("subtest_block_output", *args, tmp_root=tmp_path).stdout
    if args[0] == "-rA":
        assert " Captured stdout call -+\nblock 1\n-+ Captured stderr call -+\nblock 1 to stderr\n" in re.sub(
            r"-{3,}", "-+", out
        )
        assert "printed by a passing block" not in out
    if reference_python()[0] is not None:
        assert_reads_as_pytests("subtest_block_output", *args, tmp_path=tmp_path)


@pytest.mark.parametrize(
    "args",
    [("-s",), ("-s", "-v"), ("-s", "-q", "-rA"), ("--setup-show",), ("--setup-show", "-v")],
    ids=["default", "verbose", "quiet", "setup-show", "setup-show-verbose"],
)
def test_subtest_reports_are_written_as_their_blocks_end(args, tmp_path):
    # Output not captured (or --setup-show): pytest writes a subtest's letter or -v line as its
    # block ends, so what the test prints after it follows it on the terminal.
    out = run_asynctestrun("subtest_live_reports", "--tb=short", *args, tmp_root=tmp_path).stdout
    if args == ("-s", "-v"):
        assert "\nin 0\nSUBPASSED(i=0)in 1\n" in out
    if reference_python()[0] is not None:
        assert_reads_as_pytests("subtest_live_reports", "--tb=short", *args, tmp_path=tmp_path)


@pytest.mark.parametrize(
    "args",
    [("-rA", "--tb=short"), ("-s", "--tb=short"), ("--capture=sys", "--tb=line")],
    ids=["all", "s", "sys"],
)
def test_a_capture_fixtures_unread_output_is_its_phases(args, tmp_path):
    # pytest's capsys / capfd stop at each phase's end, their unread output going to that phase's
    # section (under -s, to the terminal then), not the teardown's.
    out = run_asynctestrun("capture_fixture_phases", "--asyncio-mode=auto", *args, tmp_root=tmp_path).stdout
    if args[0] == "-rA":
        assert re.search(r" Captured stdout call -+\nnever read\n", out)
        assert "Captured stdout teardown" not in out
    if reference_python()[0] is not None:
        assert_reads_as_pytests("capture_fixture_phases", "--asyncio-mode=auto", *args, tmp_path=tmp_path)
