"""Write docs/configuration.md from the code, so the reference cannot drift away from it.

    python docs/gen_reference.py           rewrite docs/configuration.md
    python docs/gen_reference.py --check   exit 1 if the committed file is out of date

Where each part comes from:

- Command-line options: the click commands themselves (``asynctestrun.cli.command``,
  ``asynctestrun.report_cli.report_command()`` and ``asynctestrun.merge_cli.merge_command()``): flags,
  value and help text as ``--help`` prints them.
  Hidden options are left out, as ``--help`` leaves them out.
- Configuration keys: the union of the keys pytest, its plugins and pytest-asyncio declare (the table
  in ``asynctestrun/_config/known_ini.py``, with pytest's value types) and every key asynctestrun's
  own code reads. That second set is found by reading the source with ``ast``: calls such as
  ``get_bool(values, "xfail_strict", False)`` or ``config.ini.get("cache_dir")``. Which ``Config``
  field a key ends up in is read from the ``Config(...)`` call in ``asynctestrun/_config/load.py``
  (following local variables), and every field name is checked against ``dataclasses.fields(Config)``.
- What each key means: ``KEY_DOCS`` below, written by hand because ini keys carry no help text in the
  code. A key missing from it is rendered with a visible placeholder, and
  ``tests/unit/test_docs_reference.py`` fails until it is described.
- Environment variables: ``ENV_DOCS`` below; the same test checks each name still occurs in the code.

Everything is sorted, so the output depends only on the code, not on the machine or the click version.
"""

from __future__ import annotations

import ast
import dataclasses
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "asynctestrun"
OUTPUT = ROOT / "docs" / "configuration.md"
PLACEHOLDER = "**Not described yet**: add this key to `KEY_DOCS` in `docs/gen_reference.py`."

# key -> (where the key comes from, what it does). The "Acted on" column is computed from the code, so a
# description says what the key means; whether asynctestrun applies it is not repeated here.
KEY_DOCS: dict[str, tuple[str, str]] = {
    "assertion_text_diff_style": (
        "pytest",
        "How a failed comparison of two strings shows their difference: `ndiff` (default) or `block`.",
    ),
    "collect_imported_tests": (
        "pytest",
        "Whether tests a test module imports from elsewhere are collected there too. Default `true`.",
    ),
    "describe_docstrings": (
        "pytest-describe",
        "Whether a describe block's docstring names it in reports, read when that plugin is installed.",
    ),
    "disable_test_id_escaping_and_forfeit_all_rights_to_community_support": (
        "pytest",
        "Keep non-ASCII characters of parametrize ids as they are, unescaped.",
    ),
    "enable_assertion_pass_hook": (
        "pytest",
        "Call the `pytest_assertion_pass` hook for every assertion that passes. Default `false`.",
    ),
    "log_auto_indent": (
        "pytest",
        "How the lines of a multi-line log message are indented: `true`, `false` or a number of spaces.",
    ),
    "looponfailroots": (
        "pytest-xdist",
        "Directories `--looponfail` watches, read when that plugin is installed.",
    ),
    "max_warnings": (
        "pytest",
        "More warnings than this fail a run that otherwise passes, like `--max-warnings`.",
    ),
    "parametrize_long_str_id_strategy": (
        "pytest",
        "How a long string parameter becomes part of a test id: `short` (default), `sha256`, `legacy` "
        "or `disallow`.",
    ),
    "rsyncdirs": (
        "pytest-xdist",
        "Directories pytest-xdist copies to remote workers, read when that plugin is installed.",
    ),
    "rsyncignore": ("pytest-xdist", "Paths left out of what pytest-xdist copies to remote workers."),
    "session_timeout": (
        "pytest-timeout",
        "Seconds after which the whole run stops, read when that plugin is installed.",
    ),
    "timeout_disable_debugger_detection": (
        "pytest-timeout",
        "Apply timeouts even while a debugger is attached.",
    ),
    "timeout_func_only": (
        "pytest-timeout",
        "Time the test function alone, not its fixtures' set-up and teardown.",
    ),
    "timeout_method": ("pytest-timeout", "How pytest-timeout interrupts a test: `signal` or `thread`."),
    "truncation_limit_chars": (
        "pytest",
        "Characters after which a failed assertion's explanation is cut short (unless `-vv`).",
    ),
    "truncation_limit_lines": (
        "pytest",
        "Lines after which a failed assertion's explanation is cut short (unless `-vv`).",
    ),
    "verbosity_assertions": (
        "pytest",
        "Verbosity of failed assertions' explanations, a number or `auto` (default: the run's `-v` level).",
    ),
    "verbosity_subtests": (
        "pytest",
        "Verbosity of subtest reports, a number or `auto` (default: the run's `-v` level).",
    ),
    "verbosity_test_cases": (
        "pytest",
        "Verbosity of the test progress lines, a number or `auto` (default: the run's `-v` level).",
    ),
    "addopts": (
        "pytest",
        "Extra command-line arguments, put in front of the ones given on the command line.",
    ),
    "anyio_mode": (
        "anyio",
        "`auto` runs every async test with anyio's test runner, as if marked `@pytest.mark.anyio`.",
    ),
    "asyncio_debug": ("pytest-asyncio", "Run event loops in debug mode, like `--asyncio-debug`."),
    "asyncio_default_fixture_loop_scope": (
        "pytest-asyncio",
        "Loop scope of async fixtures that give no `loop_scope=`. Unset or `fixture-scope`: each fixture's "
        "own scope. See [Event loop scopes](loop-scopes.md).",
    ),
    "asyncio_default_test_loop_scope": (
        "pytest-asyncio",
        "Loop scope of async tests whose `asyncio` mark gives no `loop_scope=`. Default `function`.",
    ),
    "asyncio_loop": (
        "asynctestrun",
        "Event loop implementation, `asyncio` (default) or `uvloop`, like `--loop`.",
    ),
    "asyncio_mode": ("pytest-asyncio", "`strict` (default) or `auto`, like `--asyncio-mode`."),
    "cache_dir": (
        "pytest",
        "Directory of the cache behind `--lf`, `--ff`, `--nf` and `--sw`, relative to the rootdir (`~` and "
        "`$VARS` are expanded). Default `.asynctestrun_cache`.",
    ),
    "console_output_style": ("pytest", "Style of the progress shown in pytest's terminal output."),
    "faulthandler_timeout": (
        "pytest",
        "Seconds after which every thread's stack is written to stderr while one test runs (it goes on).",
    ),
    "faulthandler_exit_on_timeout": (
        "pytest",
        "With `faulthandler_timeout`: exit once the stacks are written.",
    ),
    "consider_namespace_packages": (
        "pytest",
        "Whether namespace packages count when module names are worked out.",
    ),
    "durations_path": (
        "asynctestrun",
        "The file of recorded test durations that `--shard` balances by and `--store-durations` writes "
        "(`--durations-path` on the command line), relative to the rootdir. Default `.test_durations`.",
    ),
    "empty_parameter_set_mark": (
        "pytest",
        "What a `parametrize` with no values does: `skip` (default), `xfail` or `fail_at_collect`.",
    ),
    "filterwarnings": (
        "pytest",
        "Warning filters applied to each test, one per line, e.g. `error::DeprecationWarning`.",
    ),
    "junit_family": (
        "pytest",
        "Flavour of the JUnit XML file: `xunit2` (default), or `xunit1` / `legacy`, which add each "
        "testcase's `file` and `line` and `record_xml_attribute`'s attributes.",
    ),
    "junit_logging": (
        "pytest",
        "Which captured output each test writes into the JUnit XML file: `no` (default), `log`, "
        "`system-out`, `system-err`, `out-err` or `all`, each kind under its heading.",
    ),
    "junit_log_passing_tests": (
        "pytest",
        "Whether tests that passed write their captured output into the JUnit XML file too (with "
        "`junit_logging`). Default `true`.",
    ),
    "junit_duration_report": (
        "pytest",
        "A JUnit testcase's time: `total` (default, every phase) or `call` (the test call alone).",
    ),
    "doctest_encoding": ("pytest", "The encoding doctest text files are read with. Default `utf-8`."),
    "doctest_optionflags": (
        "pytest",
        "doctest option flags every doctest runs with (`ELLIPSIS NORMALIZE_WHITESPACE ...`, and pytest's "
        "`NUMBER`, `ALLOW_UNICODE`, `ALLOW_BYTES`). Default `ELLIPSIS`.",
    ),
    "junit_suite_name": (
        "pytest",
        "The `name` of the `<testsuite>` element in `--junitxml` files. Default `pytest`.",
    ),
    "log_cli": (
        "pytest",
        "Show log records live while the tests run: each test on its own line, its records under "
        "`live log setup` / `call` / `teardown` headings as they come (`--log-cli-level` turns it on too). "
        "Not under `-n` workers, as under pytest-xdist.",
    ),
    "log_cli_date_format": ("pytest", "Date format of live log records. Default: `log_date_format`."),
    "log_cli_format": ("pytest", "Format of live log records. Default: `log_format`."),
    "log_cli_level": (
        "pytest",
        "Level of live logging. As in pytest, the root logger is lowered to it for the whole run (live "
        "logging on or off), so `caplog` sees those records when `log_level` is unset.",
    ),
    "log_file": (
        "pytest",
        "A file (relative to the directory the run starts in) that every log record of the session at "
        "`log_file_level` and above is written to, from the first conftest's import on.",
    ),
    "log_file_format": ("pytest", "Format of the log file's records. Default: `log_format`."),
    "log_file_date_format": ("pytest", "Date format of the log file's records. Default: `log_date_format`."),
    "log_file_mode": (
        "pytest",
        "How the log file is opened: `w` (default, emptied first) or `a` (appended to).",
    ),
    "log_file_level": (
        "pytest",
        "Level of the log file. The root logger is lowered to it for the whole run, as for `log_cli_level`.",
    ),
    "log_date_format": ("pytest", "Date format of captured log records."),
    "log_format": ("pytest", "Format of captured log records."),
    "log_level": ("pytest", "Level of the log records captured for each test, like `--log-level`."),
    "markers": ("pytest", "Registered marks, one per line as `name: description`."),
    "minversion": ("pytest", "Oldest pytest version the project accepts."),
    "norecursedirs": ("pytest", "Glob patterns of directories that collection does not enter."),
    "python_classes": ("pytest", "Name prefixes (or globs) of test classes. Default `Test`."),
    "python_files": ("pytest", "Glob patterns of test files. Default `test_*.py *_test.py`."),
    "describe_prefixes": (
        "pytest-describe",
        "Name prefixes of pytest-describe's blocks, read when that plugin is installed. Default `describe`.",
    ),
    "python_functions": ("pytest", "Name prefixes (or globs) of test functions and methods. Default `test`."),
    "pythonpath": (
        "pytest",
        "Directories put at the front of `sys.path` before anything is imported, relative to the "
        "configuration file's directory.",
    ),
    "required_plugins": ("pytest", "Plugins that must be installed for a run to start."),
    "strict": (
        "pytest",
        "pytest 9's switch for its strictness options; asynctestrun applies it as `strict_markers`, "
        "`strict_xfail`, `strict_parametrization_ids` and `strict_config`.",
    ),
    "strict_config": (
        "pytest",
        "A configuration key that no plugin or conftest declares is an error (exit 4) instead of a "
        "`PytestConfigWarning`, like `--strict-config`.",
    ),
    "strict_leaks": (
        "asynctestrun",
        "Tasks a test leaves pending are a teardown error instead of a warning, like `--strict-leaks`.",
    ),
    "strict_markers": ("pytest", "Marks not registered in `markers` are errors, like `--strict-markers`."),
    "strict_parametrization_ids": (
        "pytest",
        "Duplicate parametrize or fixture-param ids are a collection error instead of being numbered.",
    ),
    "strict_xfail": ("pytest", "pytest 9's name for `xfail_strict`."),
    "testpaths": (
        "pytest",
        "Directories or globs to collect when no paths are given and asynctestrun runs from the rootdir.",
    ),
    "timeout": ("pytest-timeout", "Per-test timeout in seconds, like `--timeout`. Unset: no timeout."),
    "slow_callback_ms": (
        "asynctestrun",
        "With asyncio debug mode, event-loop callbacks slower than this many milliseconds are reported "
        "against the running test, like `--slow-callback-ms`. Default 100.",
    ),
    "tmp_path_retention_count": ("pytest", "How many runs' `tmp_path` directories are kept."),
    "tmp_path_retention_policy": (
        "pytest",
        "Which `tmp_path` directories are kept: `all`, `failed` or `none`.",
    ),
    "usefixtures": ("pytest", "Fixtures every test uses, as if marked `@pytest.mark.usefixtures`."),
    "xfail_strict": ("pytest", "Default for `xfail(strict=...)`: an unexpected pass fails the test."),
}

# Environment variables the runner reads: (name, meaning). Each name must occur in the package source.
ENV_DOCS: tuple[tuple[str, str], ...] = (
    ("PYTEST_ADDOPTS", "Extra arguments, added after the configuration file's `addopts`."),
    (
        "PYTEST_DISABLE_PLUGIN_AUTOLOAD",
        "When set, installed pytest plugins (`pytest11` entry points) are not loaded.",
    ),
    (
        "PYTEST_XDIST_AUTO_NUM_WORKERS",
        "The number of workers `-n auto` starts, instead of the number of CPUs.",
    ),
    (
        "PYTEST_CURRENT_TEST",
        "Set while a test runs, as pytest sets it: `<node id> (setup)`, `(call)` or `(teardown)`.",
    ),
    (
        "NO_COLOR",
        "When set, output to a terminal uses the plain layout without colour, as with `--color=no`.",
    ),
    ("PY_COLORS", "`1` or `0` turns colour in the rich output on or off; `--color` takes precedence."),
    (
        "FORCE_COLOR",
        "When set, the rich output is coloured; `--color`, `PY_COLORS` and `NO_COLOR` take precedence.",
    ),
    ("CI", "When set (as is `BUILD_NUMBER`), long `assert` explanations are not truncated."),
    (
        "ASYNCTESTRUN_WATCH_NO_FORK",
        "When set, watch mode starts each run as a new process instead of forking it.",
    ),
)

# Functions that read one ini key: name -> pytest's type for the value they return.
_READERS = {
    "_ini_str": "string",
    "log_setting": "string",
    "get_bool": "bool",
    "get_list": "args",
    "get_lines": "linelist",
    "get_args": "args",
}


# -- reading the code --------------------------------------------------------------------------------
def _sources() -> Iterator[tuple[str, ast.Module]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        yield path.relative_to(PACKAGE).as_posix(), ast.parse(path.read_text(encoding="utf-8"))


def _literal(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _key_read_by(call: ast.Call) -> tuple[str, str] | None:
    """(key, type) when ``call`` reads one ini key: ``get_bool(values, "key", ...)``, ``x.ini.get("key")``."""
    func = call.func
    name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None
    if name in _READERS and len(call.args) >= 2 and (key := _literal(call.args[1])):
        return key, _READERS[name]
    on_ini = (
        isinstance(func, ast.Attribute) and isinstance(func.value, ast.Attribute) and func.value.attr == "ini"
    )
    if name == "get" and on_ini and call.args and (key := _literal(call.args[0])):
        return key, "string"
    return None


def _keys_in(node: ast.AST) -> set[str]:
    return {found[0] for sub in ast.walk(node) if isinstance(sub, ast.Call) and (found := _key_read_by(sub))}


def keys_read_by_the_runner() -> dict[str, tuple[str, set[str]]]:
    """key -> (type, the modules that read it)."""
    read: dict[str, tuple[str, set[str]]] = {}
    for module, tree in _sources():
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and (found := _key_read_by(node)):
                key, kind = found
                read.setdefault(key, (kind, set()))[1].add(module)
    return read


def config_fields_by_key() -> dict[str, list[str]]:
    """key -> the ``Config`` fields ``_config/load.py`` fills from it (through local variables too)."""
    from asynctestrun._config.config import Config

    tree = ast.parse((PACKAGE / "_config" / "load.py").read_text(encoding="utf-8"))
    build = next(n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef) and n.name == "_build")
    local: dict[str, set[str]] = {}

    def depends_on(expr: ast.AST) -> set[str]:
        names = (n.id for n in ast.walk(expr) if isinstance(n, ast.Name))
        return _keys_in(expr).union(*(local.get(name, set()) for name in names))

    def bind(target: ast.AST, keys: set[str]) -> None:
        for name in ast.walk(target):
            if isinstance(name, ast.Name):
                local.setdefault(name.id, set()).update(keys)

    steps = [n for n in ast.walk(build) if isinstance(n, ast.Assign | ast.AnnAssign | ast.For | ast.Expr)]
    for step in sorted(steps, key=lambda n: (n.lineno, n.col_offset)):
        if isinstance(step, ast.Assign):
            for target in step.targets:
                bind(target, depends_on(step.value))
        elif isinstance(step, ast.AnnAssign) and step.value is not None:
            bind(step.target, depends_on(step.value))
        elif isinstance(step, ast.For):
            bind(step.target, depends_on(step.iter))
        elif isinstance(step, ast.Expr) and isinstance(step.value, ast.Call):
            # ``found.extend(...)`` / ``found.append(...)`` feed the list they are called on.
            func = step.value.func
            if (
                isinstance(func, ast.Attribute)
                and func.attr in ("append", "extend")
                and isinstance(func.value, ast.Name)
            ):
                bind(func.value, depends_on(step.value))
    call = next(
        n
        for n in ast.walk(build)
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == "Config"
    )
    field_names = {f.name for f in dataclasses.fields(Config)}
    by_key: dict[str, list[str]] = {}
    for keyword in call.keywords:
        if keyword.arg is None:
            continue
        if keyword.arg not in field_names:
            raise SystemExit(
                f"gen_reference: Config(...) in _config/load.py sets unknown field {keyword.arg!r}"
            )
        for key in depends_on(keyword.value):
            by_key.setdefault(key, []).append(keyword.arg)
    return {key: sorted(fields) for key, fields in by_key.items()}


def ini_keys() -> list[dict[str, str]]:
    """One row per configuration key: key, type, origin, acted_on, description."""
    from asynctestrun._config.known_ini import every_spec

    specs = {key: " or ".join(spec.kinds) for key, spec in every_spec().items()}
    read = keys_read_by_the_runner()
    fields = config_fields_by_key()
    rows = []
    for key in sorted(set(specs) | set(read)):
        kind = specs.get(key) or read[key][0]
        if key in fields:
            acted_on = "yes: " + ", ".join(f"`Config.{name}`" for name in fields[key])
        elif key in read:
            acted_on = "yes: read in " + ", ".join(f"`{module}`" for module in sorted(read[key][1]))
        else:
            acted_on = "no"
        origin, description = KEY_DOCS.get(key, ("", PLACEHOLDER))
        rows.append(
            {"key": key, "type": kind, "origin": origin, "acted_on": acted_on, "description": description}
        )
    return rows


def undescribed_keys() -> list[str]:
    return [row["key"] for row in ini_keys() if row["description"] == PLACEHOLDER]


def stale_descriptions() -> list[str]:
    """Keys described in KEY_DOCS that the runner neither accepts nor reads any more."""
    known = {row["key"] for row in ini_keys()}
    return sorted(set(KEY_DOCS) - known)


def env_names_missing_from_code(names: Iterable[str] = (name for name, _ in ENV_DOCS)) -> list[str]:
    source = "\n".join(path.read_text(encoding="utf-8") for path in sorted(PACKAGE.rglob("*.py")))
    return [name for name in names if f'"{name}"' not in source]


# -- command-line options ----------------------------------------------------------------------------
def _cell(text: str) -> str:
    """Text for a markdown table cell: pipes escaped, whitespace collapsed."""
    return " ".join(text.split()).replace("|", "\\|")


def option_rows(command: object) -> list[tuple[str, str, str]]:
    """(flags, value, help) per visible option of a click command, in ``--help`` order."""
    import click

    assert isinstance(command, click.Command)
    ctx = click.Context(command, info_name=command.name, **command.context_settings)
    rows = []
    for param in command.get_params(ctx):
        if not isinstance(param, click.Option) or param.hidden:
            continue
        record = param.get_help_record(ctx)
        if record is None:
            continue
        names, help_text = record
        # "-W, --pythonwarnings FILTER": comma-separated flags, then the value's metavar after a space.
        *first, last = names.split(", ")
        last_flag, _, value = last.partition(" ")
        flags = ", ".join([*first, last_flag])
        default = param.default
        plain = isinstance(default, str | int | float) and not isinstance(default, bool)
        if plain and not param.is_flag and not param.count and "default" not in help_text.lower():
            help_text = f"{help_text} Default: `{default}`."
        rows.append((flags, value, help_text))
    return rows


def _options_table(rows: list[tuple[str, str, str]]) -> list[str]:
    lines = ["| Option | Value | Description |", "| --- | --- | --- |"]
    for flags, value, help_text in rows:
        flag_cell = ", ".join(f"`{flag}`" for flag in flags.split(", "))
        value_cell = f"`{value}`" if value else ""
        lines.append(f"| {flag_cell} | {value_cell} | {_cell(help_text)} |")
    return lines


# -- the page ----------------------------------------------------------------------------------------
def render() -> str:
    from asynctestrun.cli import command
    from asynctestrun.merge_cli import merge_command
    from asynctestrun.report_cli import report_command

    out: list[str] = [
        "<!-- Generated by docs/gen_reference.py from the code. Do not edit this file: change the code or",
        "     the generator, then run `python docs/gen_reference.py`. A test fails while the two differ. -->",
        "",
        "# Configuration reference",
        "",
        "Every setting comes from one of these places. Later ones take precedence over earlier ones:",
        "",
        "1. the built-in defaults;",
        "2. the pytest section of the configuration file (`[tool.pytest.ini_options]` in `pyproject.toml`,",
        "   `[pytest]` in `pytest.ini`, `.pytest.ini` or `tox.ini`, `[tool:pytest]` in `setup.cfg`);",
        "3. a `[tool.asynctestrun]` table in `pyproject.toml`: the same keys, read by asynctestrun only;",
        "4. `addopts` from the configuration file, then the `PYTEST_ADDOPTS` environment variable;",
        "5. the command line.",
        "",
        "## Command line",
        "",
        "```text",
        "asynctestrun [OPTIONS] [ARGS]...          # run the tests",
        "asynctestrun watch [OPTIONS] [ARGS]...    # watch mode, the same as --watch",
        "asynctestrun report JSON_PATH --html OUT  # an HTML page from a --json-report file",
        "asynctestrun merge REPORT... --junitxml OUT | --json-report OUT  # --shard reports as one",
        "```",
        "",
        "`ARGS` are files, directories and node ids (`tests/test_x.py::TestY::test_z[param]`). Without",
        "any, asynctestrun collects `testpaths` when it runs from the rootdir, and the current directory",
        "otherwise. Options that a `conftest.py` or a plugin declares with `pytest_addoption` are accepted",
        "too, and so are options a suite's `addopts` often carries for pytest's output (`--no-header`,",
        "`--code-highlight`, `--log-cli-format`, ...) and for the plugins asynctestrun replaces",
        "(pytest-xdist's `--dist`, pytest-benchmark's `--benchmark-*`, pytest-timeout's `--timeout-method`,",
        "hypothesis's `--hypothesis-*`): they have no effect. pytest-cov's `--cov*` options measure",
        "coverage with coverage.py where it is installed (see [Migrating](migrating.md)); without it they",
        "are ignored with a warning. `--doctest-modules`, `--doctest-glob`, `--doctest-continue-on-failure`,",
        "`--doctest-report` and `--doctest-ignore-import-errors` collect and run doctests as pytest does",
        "(with the `doctest_optionflags` and `doctest_encoding` ini keys).",
        "`--runxfail` acts as in pytest: xfail marks are ignored and `pytest.xfail()` does nothing.",
        "`--assert=plain` turns assertion rewriting off, as in pytest.",
        "`--disable-warnings` leaves the warnings summary out, as in pytest.",
        "`--log-cli-level` and `--log-file-level` lower the root logger for the run, as in pytest.",
        "`--hypothesis-profile` loads the profile. The full list is in `asynctestrun/_config/tolerated.py`.",
        "Any other unknown option is a usage error (exit code 4).",
        "",
        "### `asynctestrun`",
        "",
        *_options_table(option_rows(command)),
        "",
        "### `asynctestrun report`",
        "",
        "`JSON_PATH` is a report written by `--json-report`. The format is described in",
        "[JSON report format](json-report.md).",
        "",
        *_options_table(option_rows(report_command())),
        "",
        "### `asynctestrun merge`",
        "",
        "`REPORT...` are the JUnit XML or the JSON reports of `--shard I/N` jobs, all of one kind.",
        "The merged file looks like the report of one run; see",
        "[Merging the shards' reports](ci.md#merging-the-shards-reports). Unreadable, mixed or",
        "overlapping reports are a usage error (exit code 4).",
        "",
        *_options_table(option_rows(merge_command())),
        "",
        "## Configuration keys",
        "",
        "Keys go in the pytest section of the configuration file, or in `[tool.asynctestrun]`. Keys whose",
        "origin is `asynctestrun` are unknown to pytest, which warns about unknown keys in its own section,",
        "so put those in `[tool.asynctestrun]` if the suite also runs under pytest. *Acted on*: `yes` names",
        "where asynctestrun uses the value. `no` means the key is accepted without an error, and",
        "`config.getini()` returns it to conftests and plugins, but asynctestrun itself ignores it.",
        "Keys that are not listed here are ignored.",
        "",
        "| Key | Type | Origin | Acted on | Description |",
        "| --- | --- | --- | --- | --- |",
    ]
    for row in ini_keys():
        cells = [f"`{row['key']}`", row["type"], row["origin"], row["acted_on"], _cell(row["description"])]
        out.append(f"| {' | '.join(cells)} |")
    out += [
        "",
        "Types are pytest's: `string`; `bool` (`true`/`false`, `yes`/`no`, `on`/`off` or `1`/`0`, in any",
        "case); `args` (a list, or a string split into words); `linelist` (one entry per line); `paths` (a",
        "list of paths).",
        "",
        "## Environment variables",
        "",
        "| Variable | Effect |",
        "| --- | --- |",
        *(f"| `{name}` | {_cell(meaning)} |" for name, meaning in ENV_DOCS),
        "",
    ]
    return "\n".join(out)


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(ROOT))
    text = render()
    if "--check" in argv:
        if OUTPUT.read_text(encoding="utf-8") != text:
            print(
                f"{OUTPUT.relative_to(ROOT)} is out of date: run python docs/gen_reference.py",
                file=sys.stderr,
            )
            return 1
        return 0
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUTPUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
