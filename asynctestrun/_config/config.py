"""The Config dataclass: every setting of a run, resolved and validated.

Layering (lowest first): built-in defaults < pytest ini section < ``[tool.asynctestrun]`` < ``addopts``
< command line. ``build_config`` validates every value once, so later stages can trust the types.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .._model.exit_codes import EXIT_INTERNAL_ERROR, EXIT_USAGE_ERROR
from .._model.scopes import SCOPE_NAMES, LoopScope

ASYNCIO_MODES = ("strict", "auto")
CAPTURE_METHODS = ("fd", "sys", "no", "tee-sys")
IMPORT_MODES = ("prepend", "append", "importlib")
LOOP_FACTORIES = ("asyncio", "uvloop")
DOCTEST_REPORTS = ("udiff", "cdiff", "ndiff", "only_first_failure", "none")
DEFAULT_NORECURSE = ("*.egg", ".*", "_darcs", "build", "CVS", "dist", "node_modules", "venv", "{arch}")
# pytest-split's name for recorded test durations, so a project moving over keeps its committed file.
DEFAULT_DURATIONS_FILE = ".test_durations"


class ConfigError(Exception):
    """A bad configuration value or usage: reported with exit code 4 (pytest's usage error)."""

    prefix = "ERROR: "  # pytest's heading for a usage error
    exit_code = EXIT_USAGE_ERROR


class ConftestImportError(ConfigError):
    """A conftest that failed while the run started up: a usage error pytest reports without a heading."""

    prefix = ""


class StartupCrash(ConfigError):
    """A conftest that raised something other than an ``Exception`` (``pytest.skip``, ``pytest.fail``,
    ``sys.exit``) while the run started up. pytest does not catch it there: the run ends with Python's
    traceback and exit status (1, or the ``SystemExit``'s code)."""

    prefix = ""

    def __init__(self, message: str, exit_code: int) -> None:
        super().__init__(message)
        self.exit_code = exit_code


class PluginImportError(ConfigError):
    """A ``-p`` plugin that was found but raised while importing. pytest tells it from a plugin that is
    not there (a usage error): a defect of the plugin, an internal error (exit 3), reported with the
    plugin's traceback under its own heading."""

    prefix = ""
    exit_code = EXIT_INTERNAL_ERROR


@dataclass(frozen=True, slots=True)
class Config:
    rootdir: Path
    invocation_dir: Path
    inipath: Path | None
    ini: Mapping[str, str | list[str]]
    args: tuple[str, ...]  # positional paths / node ids as given (after testpaths fallback)
    args_from_testpaths: bool = False
    # The positional arguments exactly as typed, none when there were none: pytest's
    # ``config.option.file_or_dir``. syrupy treats any path given as a partial run.
    given_args: tuple[str, ...] = ()
    # Config files beside ``inipath`` whose pytest settings are ignored (the header warns, as pytest's).
    ignored_config_files: tuple[str, ...] = ()
    # asyncio
    asyncio_mode: str = "strict"
    default_fixture_loop_scope: LoopScope | None = None  # None: the fixture's own scope
    default_test_loop_scope: LoopScope = LoopScope.FUNCTION
    asyncio_debug: bool = False
    slow_callback_ms: float = 100.0  # with asyncio_debug: callbacks slower than this are reported
    loop_factory: str = "asyncio"
    # False where pytest would not load pytest-asyncio (``-p no:asyncio``, or plugin autoload off and no
    # ``-p pytest_asyncio``): then no async test is driven on a loop, it fails as under bare pytest.
    asyncio_plugin: bool = True
    # The same for anyio's plugin (``-p no:anyio``): without it there are no anyio fixtures or mark, and
    # nothing runs a test or async fixture on anyio's runner, even where a suite defines anyio_backend.
    anyio_plugin: bool = True
    loop_matrix: tuple[str, ...] = ()  # --loop-matrix: async tests run once per named loop factory
    # collection
    python_files: tuple[str, ...] = ("test_*.py", "*_test.py")
    python_classes: tuple[str, ...] = ("Test",)
    python_functions: tuple[str, ...] = ("test",)
    # pytest-describe's block prefixes; empty when that plugin is not installed or is disabled.
    describe_prefixes: tuple[str, ...] = ()
    norecursedirs: tuple[str, ...] = DEFAULT_NORECURSE
    ignore: tuple[str, ...] = ()
    ignore_glob: tuple[str, ...] = ()
    deselect: tuple[str, ...] = ()
    import_mode: str = "prepend"
    pyargs: bool = False  # --pyargs: an argument may name a module or package (_collect/discover.py)
    continue_on_collection_errors: bool = False
    keyword: str = ""
    markexpr: str = ""
    strict_markers: bool = False
    markers: tuple[str, ...] = ()
    # The ini keys pytest would check after collecting (its section's and -o's), and whether an unknown
    # one is a usage error rather than a warning (strict_config, else strict).
    pytest_ini_keys: frozenset[str] = frozenset()
    strict_config: bool = False
    xfail_strict: bool = False
    runxfail: bool = False  # xfail marks are ignored and pytest.xfail() does nothing, as pytest's
    strict_parametrization_ids: bool = False  # duplicate parametrize ids are a collection error
    empty_parameter_set_mark: str = "skip"
    # doctests (_collect/doctests.py): --doctest-modules collects every .py file's docstrings; text
    # files matching doctest_globs (test*.txt when empty) are collected whatever the flag.
    doctest_modules: bool = False
    doctest_globs: tuple[str, ...] = ()
    doctest_continue_on_failure: bool = False
    doctest_report: str = "udiff"
    doctest_ignore_import_errors: bool = False
    doctest_plugin: bool = True  # False under -p no:doctest: no doctest is collected at all
    # running
    maxfail: int = 0
    capture: str = "fd"
    timeout: float | None = None
    # False under ``-p no:timeout``: pytest-timeout is unloaded, so neither the ``timeout`` ini key nor
    # ``@pytest.mark.timeout`` ends a test (and the mark is unknown), as under pytest.
    timeout_plugin: bool = True
    strict_leaks: bool = False
    # run-again selection (--lf, --ff, --nf, --sw...): see _plan/rerun.py
    last_failed: bool = False
    failed_first: bool = False
    new_first: bool = False
    stepwise: bool = False
    stepwise_skip: bool = False
    stepwise_reset: bool = False
    last_failed_no_failures: str = "all"
    cache_clear: bool = False
    use_cache: bool = True
    worker: bool = False  # a worker process: events go to stdout as JSON lines
    worker_input: str = ""  # in a worker: what the parent's pytest_configure_node hooks added (JSON)
    # In a worker: the parent's arguments (absolute), whose conftests are the start-up ones there as in
    # the parent; a worker's own arguments are all the files of the run.
    initial_args: tuple[str, ...] = ()
    # In a worker: the files it runs (rootdir-relative); it collects all the run's files, as an xdist
    # worker does, so import-time side effects of the others happen there too. Empty: runs all it collects.
    worker_own: tuple[str, ...] = ()
    numprocesses: int = 0  # -n: worker processes (0: run in this process)
    shard: tuple[int, int] | None = None  # --shard i/N
    durations_path: Path | None = None  # --durations-path / durations_path; None: see durations_file()
    store_durations: bool = False  # --store-durations: write this run's durations to durations_file()
    filterwarnings: tuple[str, ...] = ()
    # reporting
    verbose: int = 0
    tb_style: str = "auto"
    report_chars: str = "fE"
    junitxml: Path | None = None
    junit_suite_name: str = "pytest"
    junit_prefix: str | None = None  # --junitprefix: put before every testcase's classname
    json_report: Path | None = None
    durations: int | None = None
    durations_min: float | None = None  # --durations-min; None: 0.005 s, or 0 with -vv (as pytest)
    showlocals: bool = False
    show_capture: str = "all"  # --show-capture: which captured output a failure shows
    max_warnings: int | None = None  # --max-warnings: more warnings than this fail a passing run (exit 6)
    color: str = "auto"
    collect_only: bool = False
    show_fixtures: bool = False
    fixtures_per_test: bool = False  # --fixtures-per-test: list each selected test's fixtures, run nothing
    show_markers: bool = False  # --markers: list the registered marks, run nothing
    cache_show: str | None = None  # --cache-show [GLOB]: print the cache entries matching GLOB, run nothing
    noconftest: bool = False  # --noconftest: no conftest.py is imported
    # --setup-only: fixtures are set up and torn down but no test is called (its set-up report decides
    # the outcome); --setup-plan (which implies it) does not even run the fixtures.
    setup_only: bool = False
    setup_plan: bool = False
    # --setup-show (implied by both): pytest's SETUP / TEARDOWN lines for each fixture, and each test's
    # line naming the fixtures it uses, written as the tests run.
    setup_show: bool = False
    # free-form options declared by conftest pytest_addoption (dest -> value)
    plugin_options: Mapping[str, Any] = field(default_factory=dict)
    disabled_plugins: tuple[str, ...] = ()
    early_plugins: tuple[str, ...] = ()  # -p NAME: plugin modules (or entry points) to load first
    # Every -p and -W value as given (addopts, PYTEST_ADDOPTS, then the command line): pytest's
    # ``option.plugins`` and ``option.pythonwarnings``, which conftests read and rewrite.
    plugin_args: tuple[str, ...] = ()
    warning_args: tuple[str, ...] = ()
    basetemp: Path | None = None
    log_level: str | None = None
    log_disable: tuple[str, ...] = ()  # --log-disable: loggers disabled for the run
    # Live logging: the ini's log_cli, or --log-cli-level given. Records are written to the terminal
    # under "live log <phase>" headings as the tests run, each test on its own line (verbosity 1 or more).
    log_cli: bool = False
    # False with --disable-plugin-autoload or PYTEST_DISABLE_PLUGIN_AUTOLOAD: no entry-point plugins.
    plugin_autoload: bool = True
    pdb: bool = False  # --pdb: the debugger opens where a test fails (see _execute/debugger.py)
    pdbcls: str | None = None  # --pdbcls=module:Class, the debugger --pdb and --trace open
    trace: bool = False  # --trace: the debugger opens on each test's first line
    # pytest's option values that are the command line's as given, where the setting in effect may come
    # from the ini file or the environment (``option.rootdir`` is None without ``--rootdir``, and
    # ``option.quiet`` exists only with ``-q``): dest -> value.
    given_options: Mapping[str, Any] = field(default_factory=dict)

    def getini(self, name: str) -> str | list[str] | None:
        return self.ini.get(name)

    def blocked_plugins(self) -> frozenset[str]:
        """The plugin names ``-p no:NAME`` blocks, as pytest's ``consider_pluginarg``: NAME and
        pytest_NAME. pytest matches a plugin by the name it registers under (an entry point's name,
        a ``pytest_plugins`` module path), never by the module an entry point points to."""
        names = set(self.disabled_plugins)
        names.update(f"pytest_{name}" for name in self.disabled_plugins if not name.startswith("pytest_"))
        return frozenset(names)

    @property
    def warnings_plugin(self) -> bool:
        """False under ``-p no:warnings`` (also from ``addopts``: pytest unregisters its built-in plugin
        then). Without it pytest neither records warnings nor applies ``filterwarnings`` (ini, ``-W``,
        marks) while collecting and running tests, and the ``filterwarnings`` mark is not registered."""
        return "warnings" not in self.disabled_plugins

    @property
    def unittest_plugin(self) -> bool:
        """False under ``-p no:unittest``: pytest then collects a ``unittest.TestCase`` as any other
        class, which is to say not at all (``TestCase`` has an ``__init__``)."""
        return "unittest" not in self.disabled_plugins

    def asyncio_plugin_absence(self) -> str:
        """Why pytest-asyncio takes no part in this run, in the words of the command line."""
        if "asyncio" in self.disabled_plugins:
            return "pytest-asyncio is disabled in this run (-p no:asyncio)"
        return "pytest-asyncio is not loaded in this run (plugin autoload is off and -p asyncio is not given)"

    def durations_file(self) -> Path:
        """Recorded test durations: what ``--shard`` balances by and ``--store-durations`` writes."""
        return self.durations_path or self.rootdir / DEFAULT_DURATIONS_FILE


def parse_choice(value: str, choices: Sequence[str], what: str) -> str:
    if value not in choices:
        raise ConfigError(f"{what}: {value!r} is not one of {', '.join(repr(c) for c in choices)}")
    return value


def parse_fixture_loop_scope(value: str | None) -> LoopScope | None:
    """``asyncio_default_fixture_loop_scope``: a scope, or 'fixture-scope'/unset for the fixture's own."""
    if value is None or value in {"", "fixture-scope"}:
        return None
    return parse_default_loop_scope(value, "asyncio_default_fixture_loop_scope")


def parse_default_loop_scope(value: str, key: str) -> LoopScope:
    """An ``asyncio_default_*_loop_scope`` ini value; a bad one is a usage error worded as
    pytest-asyncio's (suites and their tools match its text)."""
    if value not in SCOPE_NAMES:
        raise ConfigError(f"{value!r} is not a valid {key}. Valid scopes are: {', '.join(SCOPE_NAMES)}.")
    return LoopScope(value)


def parse_asyncio_mode(value: str) -> str:
    if value not in ASYNCIO_MODES:
        raise ConfigError(
            f"{value!r} is not a valid asyncio_mode. Valid modes: {', '.join(sorted(ASYNCIO_MODES))}."
        )
    return value


def running_on_ci() -> bool:
    """Whether this looks like a CI run, by pytest's test: ``CI`` or ``BUILD_NUMBER`` is set (to
    anything). pytest then shows messages and assertion diffs in full."""
    import os

    return "CI" in os.environ or "BUILD_NUMBER" in os.environ
