"""The ``asynctestrun`` command: pytest's flags, parsed with click, handed to the session.

Arguments are parsed twice, as pytest does: once to find the configuration file (positional paths,
``-c``, ``--rootdir``, ``-o``), then again with the file's ``addopts`` (and ``PYTEST_ADDOPTS``) in front.
Flags the CLI does not know are kept for the options conftests and plugins declare with
``pytest_addoption``; whatever is still unknown after that is a usage error (exit 4).
"""

from __future__ import annotations

import os
import shlex
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Final

import click

from . import __version__
from ._model.exit_codes import EXIT_INTERNAL_ERROR, EXIT_USAGE_ERROR


def _options(func: Any) -> Any:
    decorators = [
        click.argument("args", nargs=-1, type=click.UNPROCESSED),
        click.option("-k", "keyword", default=None, help="Only run tests matching the keyword expression."),
        click.option("-m", "markexpr", default=None, help="Only run tests matching the mark expression."),
        click.option("-x", "--exitfirst", is_flag=True, help="Stop after the first failure or error."),
        click.option("--maxfail", type=int, default=None, help="Stop after N failures or errors."),
        click.option("-v", "--verbose", count=True, help="More output; repeat for even more."),
        click.option("-q", "--quiet", count=True, help="Less output; repeat for even less."),
        click.option(
            "--verbosity", type=int, default=None, help="Set the verbosity level (-v and -q add to it)."
        ),
        click.option("-s", "no_capture", is_flag=True, help="Shortcut for --capture=no."),
        click.option(
            "--capture",
            default=None,
            type=click.Choice(["fd", "sys", "no", "tee-sys"]),
            help="Per-test output capture method (default fd).",
        ),
        click.option(
            "--tb",
            "tb_style",
            default=None,
            type=click.Choice(["auto", "long", "short", "line", "native", "no"]),
            help="Traceback style for failures.",
        ),
        click.option("-r", "report_chars", default=None, help="Short summary chars (fEsxXpPaAN)."),
        click.option(
            "--junitxml",
            "--junit-xml",
            "junitxml",
            default=None,
            metavar="PATH",
            help="Write a JUnit XML report to PATH.",
        ),
        click.option(
            "--json-report", "json_report", default=None, metavar="PATH", help="Write a JSON report to PATH."
        ),
        click.option(
            "--asyncio-mode",
            "asyncio_mode",
            default=None,
            type=click.Choice(["strict", "auto"]),
            help="Which async tests and fixtures the runner drives (default strict).",
        ),
        click.option("--asyncio-debug", "asyncio_debug", is_flag=True, help="Run event loops in debug mode."),
        click.option(
            "--slow-callback-ms",
            "slow_callback_ms",
            type=float,
            default=None,
            help="Report event-loop callbacks slower than this (implies --asyncio-debug).",
        ),
        click.option(
            "--loop",
            "loop_factory",
            default=None,
            type=click.Choice(["asyncio", "uvloop"]),
            help="Event loop implementation (default asyncio).",
        ),
        click.option(
            "--loop-matrix",
            "loop_matrix",
            default=None,
            metavar="NAMES",
            help="Run every async test once per event loop implementation, e.g. asyncio,uvloop "
            "(like a pytest_asyncio_loop_factories hook returning them).",
        ),
        click.option(
            "-c",
            "--config-file",
            "inifile",
            default=None,
            metavar="FILE",
            help="Load configuration from FILE.",
        ),
        click.option("--rootdir", default=None, help="Override the rootdir."),
        click.option(
            "-o",
            "--override-ini",
            "overrides",
            multiple=True,
            metavar="KEY=VALUE",
            help="Override an ini option.",
        ),
        click.option(
            "-p", "plugins", multiple=True, metavar="NAME", help="Plugin to load or disable (no:NAME)."
        ),
        click.option("--ignore", multiple=True, metavar="PATH", help="Ignore PATH during collection."),
        click.option(
            "--ignore-glob", "ignore_glob", multiple=True, metavar="GLOB", help="Ignore paths matching GLOB."
        ),
        click.option("--deselect", multiple=True, metavar="NODEID", help="Deselect a node id prefix."),
        click.option(
            "-W",
            "--pythonwarnings",
            "warning_filters",
            multiple=True,
            metavar="FILTER",
            help="Add a warnings filter (as python -W).",
        ),
        click.option(
            "--import-mode",
            "import_mode",
            default=None,
            type=click.Choice(["prepend", "append", "importlib"]),
            help="How test modules are imported (default prepend).",
        ),
        click.option("--strict-markers", "strict_markers", is_flag=True, help="Unknown marks are errors."),
        click.option(
            "--strict",
            "strict",
            is_flag=True,
            help="As the strict ini key: strict markers, xfail, parametrize ids and config.",
        ),
        click.option(
            "--co",
            "--collect-only",
            "collect_only",
            is_flag=True,
            help="Only collect; print the tree of what was collected.",
        ),
        click.option("--durations", type=int, default=None, help="Show the N slowest phases (0 for all)."),
        click.option(
            "--durations-min",
            "durations_min",
            type=float,
            default=None,
            help="Shortest phase --durations lists, in seconds (default 0.005; 0 with -vv).",
        ),
        click.option("-l", "--showlocals", is_flag=True, help="Show locals in tracebacks."),
        click.option(
            "--no-showlocals", "no_showlocals", is_flag=True, help="Do not show locals (overrides -l)."
        ),
        click.option(
            "--show-capture",
            "show_capture",
            default="all",
            type=click.Choice(["no", "stdout", "stderr", "log", "all"]),
            help="Which captured output failed tests show (default all).",
        ),
        click.option(
            "--max-warnings",
            "max_warnings",
            type=int,
            default=None,
            help="Exit with status 6 when the tests pass but there are more warnings than this.",
        ),
        click.option(
            "--color", default="auto", type=click.Choice(["yes", "no", "auto"]), help="Colour output."
        ),
        click.option(
            "--continue-on-collection-errors",
            "continue_on_collection_errors",
            is_flag=True,
            help="Run the collected tests even when some files failed to collect.",
        ),
        click.option("--basetemp", default=None, metavar="DIR", help="Base directory for tmp_path."),
        click.option("--timeout", type=float, default=None, help="Per-test timeout in seconds."),
        click.option(
            "--lf", "--last-failed", "last_failed", is_flag=True, help="Rerun only last run's failures."
        ),
        click.option(
            "--ff", "--failed-first", "failed_first", is_flag=True, help="Run last run's failures first."
        ),
        click.option("--nf", "--new-first", "new_first", is_flag=True, help="Run new tests first."),
        click.option(
            "--sw",
            "--stepwise",
            "stepwise",
            is_flag=True,
            help="Stop at the first failure; next run continues from it.",
        ),
        click.option(
            "--sw-skip",
            "--stepwise-skip",
            "stepwise_skip",
            is_flag=True,
            help="Stepwise, but skip the first failing test.",
        ),
        click.option(
            "--sw-reset",
            "--stepwise-reset",
            "stepwise_reset",
            is_flag=True,
            help="Stepwise, starting again from the first test.",
        ),
        click.option(
            "--lfnf",
            "--last-failed-no-failures",
            "last_failed_no_failures",
            default="all",
            type=click.Choice(["all", "none"]),
            help="With --lf and no recorded failures: run all or none.",
        ),
        click.option(
            "-n",
            "--numprocesses",
            "numprocesses",
            default=None,
            metavar="N|auto",
            help="Run tests in N worker processes (whole files per worker).",
        ),
        click.option(
            "--shard",
            "shard",
            default=None,
            metavar="I/N",
            help="Run only shard I of N (whole files, balanced by --durations-path, else by a stable hash).",
        ),
        click.option(
            "--durations-path",
            "durations_path",
            default=None,
            metavar="FILE",
            help="Recorded test durations that --shard balances by (default .test_durations in the rootdir).",
        ),
        click.option(
            "--store-durations",
            "store_durations",
            is_flag=True,
            help="At the end, write each test's duration into the --durations-path file, merged with it.",
        ),
        click.option("--worker-jsonl", "worker", is_flag=True, hidden=True),
        click.option("--worker-input", "worker_input", default="", hidden=True),
        click.option("--worker-initial", "worker_initial", default="", hidden=True),
        click.option("--worker-own", "worker_own", default="", hidden=True),
        click.option("--cache-clear", "cache_clear", is_flag=True, help="Clear the cache before the run."),
        click.option(
            "--strict-leaks",
            "strict_leaks",
            is_flag=True,
            help="Tasks left pending by a test fail it instead of warning.",
        ),
        click.option("--log-level", "log_level", default=None, help="Level of log records captured."),
        click.option(
            "--log-disable",
            "log_disable",
            multiple=True,
            metavar="LOGGER",
            help="Disable a logger by name (repeatable).",
        ),
        click.option("--pdb", "pdb", is_flag=True, help="Open the Python debugger where a test fails."),
        click.option(
            "--trace", "trace", is_flag=True, help="Open the Python debugger at the start of each test."
        ),
        click.option(
            "--pdbcls",
            "pdbcls",
            default=None,
            metavar="MODULE:CLASS",
            help="The debugger --pdb opens (default pdb.Pdb).",
        ),
        click.option(
            "--disable-plugin-autoload",
            "disable_plugin_autoload",
            is_flag=True,
            help="Load no plugin through entry points; only -p and PYTEST_PLUGINS ones.",
        ),
        click.option("--version", "show_version", is_flag=True, help="Print the version and exit."),
        click.option("--fixtures", "show_fixtures", is_flag=True, help="List the available fixtures."),
        click.option(
            "--fixtures-per-test",
            "fixtures_per_test",
            is_flag=True,
            help="List the fixtures each selected test uses, and exit.",
        ),
        click.option("--markers", "show_markers", is_flag=True, help="List the registered marks, and exit."),
        click.option(
            "--cache-show",
            "cache_show",
            is_flag=False,
            flag_value="*",
            default=None,
            metavar="[GLOB]",
            help="Show the cache's contents (keys matching GLOB, default all), and exit.",
        ),
        click.option("--noconftest", "noconftest", is_flag=True, help="Load no conftest.py file."),
        click.option(
            "--setup-only",
            "setup_only",
            is_flag=True,
            help="Set up and tear down each test's fixtures without calling the test.",
        ),
        click.option(
            "--setup-plan",
            "setup_plan",
            is_flag=True,
            help="Go through each test's set-up without running fixtures or the test.",
        ),
        click.option(
            "--setup-show",
            "setup_show",
            is_flag=True,
            help="Show each fixture's set-up and teardown, and each test's fixtures, as the tests run.",
        ),
        click.option(
            "--watch",
            "watch",
            is_flag=True,
            help="Keep running; rerun the tests a saved change affects (also: asynctestrun watch).",
        ),
    ]
    for decorator in reversed(decorators):
        func = decorator(func)
    return func


@click.command(
    context_settings={
        "ignore_unknown_options": True,
        "allow_extra_args": True,
        "help_option_names": ["-h", "--help"],
    },
)
@_options
def command(**kwargs: Any) -> dict[str, Any]:
    """Run an async (pytest + pytest-asyncio style) test suite."""
    return kwargs


def parse(argv: Sequence[str]) -> dict[str, Any]:
    ctx = command.make_context("asynctestrun", list(argv))
    with ctx:
        result: dict[str, Any] = command.invoke(ctx)
    return result


def _value_taking_options() -> set[str]:
    """The command line's options that take a value (``-k``, ``--maxfail``), by every spelling."""
    return {
        opt
        for param in command.params
        if isinstance(param, click.Option) and not param.is_flag and not param.count
        for opt in param.opts
    }


def _split_attached_values(tokens: Sequence[str]) -> list[str]:
    """``-m=expr`` as ``-m expr``: pytest's argparse takes what follows the ``=`` of a short option as its
    value, where click would keep the ``=`` in it (``-k=name`` then fails as a malformed expression)."""
    takes_value = _value_taking_options()
    split: list[str] = []
    previous = ""
    for index, token in enumerate(tokens):
        if token == "--":
            return [*split, *tokens[index:]]
        short, equals, value = token.partition("=")
        # Only a flag in a flag's place: after -k, "-m=x" is -k's value.
        if equals and len(short) == 2 and short in takes_value and previous not in takes_value:
            split += [short, value]
        else:
            split.append(token)
        previous = token
    return split


# pytest 9's strictness flags are each `-o KEY=true` written where the flag stands (as well as setting
# the option), so the later of a flag and an -o for the same key wins: `--strict-config` in addopts
# then `-o strict_config=false` on the command line is not strict.
_STRICT_FLAGS: Final = {
    "--strict-config": "strict_config",
    "--strict-markers": "strict_markers",
    "--strict": "strict",
}


def _with_strict_overrides(tokens: Sequence[str]) -> list[str]:
    """Each strictness flag followed by the ``-o KEY=true`` it stands for in pytest; run after
    ``_split_attached_values``, so a value-taking option's value is the token after it."""
    takes_value = _value_taking_options()
    expanded: list[str] = []
    previous = ""
    for index, token in enumerate(tokens):
        if token == "--":
            return [*expanded, *tokens[index:]]
        expanded.append(token)
        key = _STRICT_FLAGS.get(token)
        if key is not None and previous not in takes_value:
            expanded += ["-o", f"{key}=true"]
        previous = token
    return expanded


def _split_args(raw: Sequence[str]) -> tuple[list[str], list[str]]:
    """Positional paths vs. flags the CLI did not know (kept with their values for the conftests)."""
    positional: list[str] = []
    unknown: list[str] = []
    for arg in raw:
        if (arg.startswith("-") and arg != "-") or (unknown and not _looks_like_path(arg)):
            unknown.append(arg)
        else:
            positional.append(arg)
    return positional, unknown


def _reparse_args(tokens: Sequence[str], unknown: Sequence[str], positional: Sequence[str]) -> list[str]:
    """The flags the CLI did not know and the paths, in command-line order, for the parse against the
    options plugins and conftests declare. Where the CLI took out options of its own between two of them,
    ARGUMENT_BREAK stands in their place: under pytest they end the option before them all the same."""
    from ._shim.config import ARGUMENT_BREAK

    ordered: list[str] = []
    flags, paths = list(unknown), list(positional)
    adjacent = False  # was the previous token one of ours?
    for token in tokens:
        source = flags if flags and token == flags[0] else paths if paths and token == paths[0] else None
        if source is None:
            adjacent = False
            continue
        if ordered and not adjacent:
            ordered.append(ARGUMENT_BREAK)
        ordered.append(source.pop(0))
        adjacent = True
    # Anything the CLI spelled differently from the command line keeps its place after the rest.
    return [*ordered, *flags, *paths]


def _looks_like_path(arg: str) -> bool:
    return os.path.exists(arg.split("::", 1)[0])


def _cli_options(values: dict[str, Any], positional: Sequence[str], extra: dict[str, Any]) -> Any:
    from ._config.load import CliOptions

    # --verbosity sets the level that -v and -q then raise and lower (pytest applies them in command-line
    # order; here they always count from --verbosity).
    verbose = (values["verbosity"] or 0) + values["verbose"] - values["quiet"]
    capture = "no" if values["no_capture"] else values["capture"]
    maxfail = 1 if values["exitfirst"] else values["maxfail"]
    return CliOptions(
        args=tuple(positional),
        keyword=values["keyword"],
        markexpr=values["markexpr"],
        maxfail=maxfail,
        verbose=verbose,
        quiet=values["quiet"],
        capture=capture,
        tb_style=values["tb_style"],
        report_chars=values["report_chars"],
        junitxml=values["junitxml"],
        json_report=values["json_report"],
        asyncio_mode=values["asyncio_mode"],
        asyncio_debug=values["asyncio_debug"],
        slow_callback_ms=values["slow_callback_ms"],
        loop_factory=values["loop_factory"],
        loop_matrix=values["loop_matrix"],
        inifile=values["inifile"],
        rootdir=values["rootdir"],
        overrides=tuple(values["overrides"]),
        plugins=tuple(values["plugins"]),
        ignore=tuple(values["ignore"]),
        ignore_glob=tuple(values["ignore_glob"]),
        deselect=tuple(values["deselect"]),
        warning_filters=tuple(values["warning_filters"]),
        import_mode=values["import_mode"],
        strict_markers=values["strict_markers"],
        strict=values["strict"],
        collect_only=values["collect_only"],
        durations=values["durations"],
        durations_min=values["durations_min"],
        showlocals=values["showlocals"] and not values["no_showlocals"],
        show_capture=values["show_capture"],
        max_warnings=values["max_warnings"],
        color=values["color"],
        continue_on_collection_errors=values["continue_on_collection_errors"],
        basetemp=values["basetemp"],
        timeout=values["timeout"],
        strict_leaks=values["strict_leaks"],
        last_failed=values["last_failed"],
        failed_first=values["failed_first"],
        new_first=values["new_first"],
        stepwise=values["stepwise"],
        stepwise_skip=values["stepwise_skip"],
        stepwise_reset=values["stepwise_reset"],
        last_failed_no_failures=values["last_failed_no_failures"],
        cache_clear=values["cache_clear"],
        worker=values["worker"],
        worker_input=values["worker_input"],
        worker_initial=values["worker_initial"],
        worker_own=values["worker_own"],
        show_fixtures=values["show_fixtures"],
        fixtures_per_test=values["fixtures_per_test"],
        show_markers=values["show_markers"],
        cache_show=values["cache_show"],
        noconftest=values["noconftest"],
        setup_only=values["setup_only"] or values["setup_plan"],
        setup_plan=values["setup_plan"],
        setup_show=values["setup_show"] or values["setup_only"] or values["setup_plan"],
        numprocesses=values["numprocesses"],
        shard=values["shard"],
        durations_path=values["durations_path"],
        store_durations=values["store_durations"],
        log_level=values["log_level"],
        log_disable=tuple(values["log_disable"]),
        disable_plugin_autoload=values["disable_plugin_autoload"],
        pdb=values["pdb"],
        pdbcls=values["pdbcls"],
        trace=values["trace"],
        extra=extra,
    )


def _run_click_command(command: click.Command, argv: Sequence[str], error_code: int | None = None) -> int:
    """Run a subcommand (``argv[0]``) with its arguments; a click error gives its own exit code, or
    ``error_code`` when given."""
    try:
        command.main(list(argv[1:]), prog_name=f"asynctestrun {argv[0]}", standalone_mode=False)
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code if error_code is None else error_code
    return 0


def _subcommand(argv: Sequence[str]) -> int | None:
    """``asynctestrun report ...``, ``merge ...`` and ``watch ...`` (unless a path of that name exists)."""
    if not argv or os.path.exists(argv[0]):
        return None
    if argv[0] == "report":
        from .report_cli import report_command

        return _run_click_command(report_command(), argv)
    if argv[0] == "merge":
        from .merge_cli import merge_command

        # A bad or overlapping report is bad input, as for a test run.
        return _run_click_command(merge_command(), argv, error_code=EXIT_USAGE_ERROR)
    if argv[0] == "watch":
        from ._watch import run_watch

        return run_watch(list(argv[1:]))
    return None


def run(argv: Sequence[str]) -> int:
    sub = _subcommand(argv)
    if sub is not None:
        return sub
    argv = _with_strict_overrides(_split_attached_values(argv))
    if "--watch" in argv:
        from ._watch import run_watch

        return run_watch([a for a in argv if a != "--watch"])
    try:
        first = parse(argv)
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.ClickException as exc:
        exc.show()
        return EXIT_USAGE_ERROR
    if first["show_version"]:
        click.echo(f"asynctestrun {__version__}")
        return 0
    from ._config.blocked_flags import blocked_flags, with_blocked, withheld
    from ._config.config import ConfigError
    from ._config.load import addopts, load, locate_ini

    invocation_dir = Path.cwd()
    try:
        positional, _ = _split_args(first["args"])
        ini = locate_ini(positional, invocation_dir, first["inifile"], first["rootdir"])
        prefix = _with_strict_overrides(
            _split_attached_values(
                [*addopts(ini, first["overrides"]), *shlex.split(os.environ.get("PYTEST_ADDOPTS", ""))]
            )
        )
        tokens = [*prefix, *argv]
        values = parse(tokens) if prefix else first
        positional, unknown = _split_args(values["args"])
        # The flags of a plugin -p no:NAME turns off are unknown under pytest: they fail as such. Only
        # the command line's own -p counts (``first``): pytest reads it before it loads its plugins and
        # their flags, while a -p from addopts or PYTEST_ADDOPTS comes after the flags are declared.
        disabled = [name[3:] for name in first["plugins"] if name.startswith("no:")]
        unknown = with_blocked(tokens, unknown, blocked_flags(tokens, disabled))
        config = load(_cli_options(values, positional, {}), invocation_dir, ini)
    except click.ClickException as exc:
        exc.show()
        return EXIT_USAGE_ERROR
    except ConfigError as exc:
        _show_config_error(exc)
        return exc.exit_code
    blocked = withheld(disabled)
    return _run_session(config, values, unknown, positional, invocation_dir, ini, argv, tokens, blocked)


def _run_session(
    config: Any,
    values: dict[str, Any],
    unknown: list[str],
    positional: list[str],
    invocation_dir: Path,
    ini: Any,
    argv: Sequence[str],
    tokens: Sequence[str],
    blocked: frozenset[str],
) -> int:
    """``tokens`` is ``argv`` after the ini's addopts and PYTEST_ADDOPTS; ``blocked``: the flags of the
    plugins the command line's ``-p no:NAME`` turns off (_config/blocked_flags.py)."""
    from ._config.config import ConfigError
    from ._config.load import load
    from ._model.events import Broadcast
    from .session import Session

    broadcast = Broadcast([])
    terminal: Any = None
    prestarted: Any = None
    if config.numprocesses and not config.collect_only and not config.worker:
        # Workers start importing now, while this process loads plugins and conftests and walks the
        # test paths; they get their arguments when that is done (_execute/prestart.py).
        from ._execute.prestart import prestart, take_early

        prestarted = take_early(config.numprocesses, invocation_dir) or prestart(
            config.numprocesses, invocation_dir
        )
    if config.worker:
        # A worker talks to its parent only: events as JSON lines on a private copy of stdout.
        from ._report.jsonlines import JsonLinesReporter, open_worker_stream

        broadcast.add(JsonLinesReporter(open_worker_stream()))
    elif "terminal" not in config.disabled_plugins:
        # -p no:terminal: pytest writes no report at all (the tests' own output under -s remains).
        terminal = _terminal_reporter(config)
        broadcast.add(terminal)
    session = Session(config, broadcast, argv)
    junit: Any = None
    try:
        # Unknown flags are parsed again against the options plugins and conftests declared, with the
        # paths: a flag's value may be among them. With no unknown flag, the paths stay as given.
        reparsed, extra = session.prepare(
            _reparse_args(tokens, unknown, positional) if unknown else [], withheld=blocked
        )
        if unknown:
            positional = reparsed
        if unknown or extra:
            config = load(_cli_options(values, positional, extra), invocation_dir, ini)
            session.reconfigure(config)
        if extra.get("disable_warnings") and terminal is not None:
            # pytest's --disable-warnings leaves out the summary's list, not the count in its last line.
            terminal.warnings_summary = False
        if config.junitxml is not None and not config.worker:
            from ._report.junit import JUnitReporter
            from ._report.terminal import TerminalReporter

            junit_logging = str(config.ini.get("junit_logging", "no") or "no")
            family = str(config.ini.get("junit_family", "xunit2"))
            junit = JUnitReporter(
                config.junitxml,
                config.junit_suite_name,
                junit_logging,
                family,
                _log_passing_tests(config),
                str(config.ini.get("junit_duration_report", "total")),
                config.junit_prefix,
            )
            broadcast.add(junit)
            if isinstance(terminal, TerminalReporter):
                # pytest names the file as its junitxml plugin stored it: absolute, normalised.
                terminal.junit_path = os.path.normpath(os.path.abspath(config.junitxml))
        if config.json_report is not None and not config.worker:
            from ._report.json_report import JsonReporter

            broadcast.add(JsonReporter(config.json_report))
        if config.store_durations and not config.worker and not config.collect_only:
            # In the parent only: with -n it sees every worker's results, and one process writes the file.
            from ._report.durations_file import DurationsFileReporter

            broadcast.add(DurationsFileReporter(config.durations_file()))
        if config.numprocesses and not config.collect_only:
            return _run_parallel(session, config, broadcast, argv, positional, invocation_dir, prestarted)
        return session.run()
    except ConfigError as exc:
        _show_config_error(exc)
        if junit is not None:
            junit.abort(None)
        return exc.exit_code
    except KeyboardInterrupt:
        click.echo("\n!!! KeyboardInterrupt !!!", err=True)
        return 2
    except BrokenPipeError:
        raise
    except SystemExit:
        if not session.wrapped:
            raise  # a start-up conftest's, or an end hook's: the process exits with it, as pytest's
        # pytest's session wrapper catches it as any other error, and says so.
        _internal_error(junit)
        click.echo("mainloop: caught unexpected SystemExit!", err=True)
        return EXIT_INTERNAL_ERROR
    except Exception as exc:
        import traceback

        from ._execute.unraisable import SessionEndError

        if isinstance(exc, SessionEndError):
            if isinstance(exc.error, SystemExit):
                raise exc.error from None  # a session-end hook's sys.exit(): the process exits with it
            # pytest's clean-up raised after the summary: its traceback, not an internal error.
            traceback.print_exception(exc.error)
            return 1

        _internal_error(junit)
        return EXIT_INTERNAL_ERROR
    finally:
        session.close()
        if prestarted is not None:
            prestarted.discard()  # those the run did not use (or all, when it ended early)
        close = getattr(terminal, "close", None)
        if close is not None:
            close()


def _internal_error(junit: Any) -> None:
    """The exception being handled, as pytest's INTERNALERROR lines (and in the JUnit file)."""
    import traceback

    text = traceback.format_exc()
    for line in text.splitlines():
        click.echo(f"INTERNALERROR> {line}", err=True)
    if junit is not None:
        junit.abort(text)


def _run_parallel(
    session: Any,
    config: Any,
    broadcast: Any,
    argv: Sequence[str],
    positional: list[str],
    invocation_dir: Path,
    prestarted: Any = None,
) -> int:
    """``-n N``: whole files per worker process; this process merges their events."""
    from ._config.config import ConfigError
    from ._execute.workers import run_workers, worker_argv, worker_targets
    from ._model.events import SessionFinished
    from ._plan.shard import durations_for_sharding, shard
    from ._report.cache import CacheReporter, read_durations

    if config.stepwise or config.stepwise_skip:
        raise ConfigError("--sw/--stepwise runs tests one after another; it cannot be combined with -n")
    if config.pdb or config.trace:
        # As pytest-xdist: a worker has no terminal to hold a debugger session on.
        flag = "--pdb" if config.pdb else "--trace"
        raise ConfigError(f"{flag} needs the terminal; it cannot be combined with -n (use -n 0)")
    files = worker_targets(config)
    last_failed = session.last_failed_filter()
    if last_failed is not None:
        files = last_failed.worker_files(files, config.rootdir)
    if not files:
        return int(session.run())
    from .session import log_root_level, warn_unset_fixture_loop_scope

    if "logging" not in config.blocked_plugins():
        # A bad level name stops the run here, as pytest's controller configures its logging plugin;
        # each worker would report it as a crash while collecting its files.
        log_root_level(config)
    # The workers' own warning goes to their stderr, which is not shown; under "error" each would
    # crash as a collection error instead of the run stopping as pytest's controller does (exit 3).
    warn_unset_fixture_loop_scope(config)
    durations = read_durations(session.cache) if config.use_cache else {}
    if config.shard:
        # The split between jobs must be the same in every job: the durations file only, never the cache.
        # The same file balances this job's workers, when it records anything.
        recorded = durations_for_sharding(config)
        files = shard(files, config.shard[0], config.shard[1], recorded)
        durations = recorded or durations
    if config.use_cache:
        broadcast.add(CacheReporter(session.cache, stepwise=None))

    final_code: list[int] = []

    def emit(event: Any) -> None:
        # As xdist's controller: this process's conftests and plugins write the end-of-run reports.
        if isinstance(event, SessionFinished):
            end = session.end_session(event.exit_code, loop_finished=event.interrupted is None)
            final_code.append(session.report_end(end, event))
            return
        broadcast.handle(event)

    session.start_as_controller()

    code = run_workers(
        worker_argv(argv, positional),
        files,
        config.numprocesses,
        emit,
        durations=durations,
        rootdir=config.rootdir,
        cwd=invocation_dir,
        inifile=config.inipath,
        basetemp=config.basetemp,
        maxfail=config.maxfail,
        continue_on_collection_errors=config.continue_on_collection_errors,
        echo_stderr=config.capture == "no",
        prestarted=prestarted,
        shown_warnings=frozenset(broadcast.session_warnings),
        configure_node=session.configure_node,
        initial_args=[str(config.invocation_dir / arg) for arg in config.args],
    )
    return final_code[-1] if final_code else code


def _log_passing_tests(config: Any) -> bool:
    """The ``junit_log_passing_tests`` ini key (pytest's default is true); a value that is no boolean
    keeps the default."""
    from ._config.inifile import get_bool

    try:
        return get_bool(config.ini, "junit_log_passing_tests", True)
    except ValueError:
        return True


def _terminal_reporter(config: Any) -> Any:
    """Rich output on an interactive terminal (or --color=yes); pytest's plain layout otherwise,
    so CI logs and tools that read them see what they expect."""
    interactive = sys.stdout.isatty() and config.color != "no" and not os.environ.get("NO_COLOR")
    # --collect-only's listing is pytest's plain one on any terminal: tools and people read it as text;
    # so are --setup-show's lines, which interleave with the tests' outcomes.
    # So are live logging's records (log_cli), written under each test's line.
    plain = config.collect_only or config.setup_show or config.log_cli
    if (interactive or config.color == "yes") and not plain:
        from ._report.rich_terminal import RichReporter

        return RichReporter(
            verbose=config.verbose,
            report_chars=config.report_chars,
            durations=config.durations,
            color=config.color,
            showlocals=config.showlocals,
            live=config.capture != "no" and interactive,
            durations_min=config.durations_min,
            show_capture=config.show_capture,
        )
    from ._report.terminal import TerminalReporter, shows_progress

    style = config.ini.get("console_output_style")
    # --setup-show's lines are written as the tests run in this process (not under workers): the
    # outcomes go with them, as under -s, and there is no progress share at the right edge.
    shows_setup = config.setup_show and not config.numprocesses
    return TerminalReporter(
        verbose=config.verbose,
        report_chars=config.report_chars,
        durations=config.durations,
        tb_style=config.tb_style,
        durations_min=config.durations_min,
        show_capture=config.show_capture,
        show_progress=shows_progress(style if isinstance(style, str) else None, config.capture)
        and not shows_setup,
        collect_only=config.collect_only,
        # Workers report tests as they end.
        echo=(config.capture == "no" or shows_setup or config.log_cli) and not config.numprocesses,
        setup_only=config.setup_only,
        log_cli=config.log_cli,
    )


def _show_config_error(exc: Any) -> None:
    """A usage error (a ConfigError) as pytest writes it: under its "ERROR: " heading the message is a
    line of its own followed by an empty one (conftest and plugin import errors have no heading, and no
    empty line). Typed loosely: the class is imported only where a run fails this way."""
    if str(exc):  # a start-up ``sys.exit(3)`` ends the run with nothing written, as Python
        click.echo(f"{exc.prefix}{exc}" + ("\n" if exc.prefix else ""), err=True)


def main(argv: Sequence[str] | None = None) -> None:
    try:
        code = run(list(sys.argv[1:] if argv is None else argv))
        sys.stdout.flush()
    except BrokenPipeError:
        # Output piped into `head` and the reader went away: not an error of the run.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        code = 0
    sys.exit(code)
