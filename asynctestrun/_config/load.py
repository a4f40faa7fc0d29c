"""Turning the command line and the ini file into one validated Config.

The CLI parses its flags into ``CliOptions`` (None = not given). ``load`` finds the ini file, applies
``-o key=value`` overrides, fills every setting from CLI > ini > default, and validates each value once.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .._model.scopes import LoopScope
from .config import (
    CAPTURE_METHODS,
    DEFAULT_NORECURSE,
    DOCTEST_REPORTS,
    IMPORT_MODES,
    LOOP_FACTORIES,
    Config,
    ConfigError,
    parse_asyncio_mode,
    parse_choice,
    parse_default_loop_scope,
    parse_fixture_loop_scope,
)
from .inifile import ConfigFileError, IniConfig, IniValue, get_args, get_bool, get_lines, get_list, locate


@dataclass(frozen=True, slots=True)
class CliOptions:
    args: tuple[str, ...] = ()
    keyword: str | None = None
    markexpr: str | None = None
    maxfail: int | None = None
    verbose: int = 0
    quiet: int = 0  # the count of -q alone, for pytest's ``option.quiet`` (verbose already counts it)
    capture: str | None = None
    tb_style: str | None = None
    report_chars: str | None = None
    junitxml: str | None = None
    json_report: str | None = None
    asyncio_mode: str | None = None
    asyncio_debug: bool = False
    slow_callback_ms: float | None = None
    loop_factory: str | None = None
    loop_matrix: str | None = None
    inifile: str | None = None
    rootdir: str | None = None
    overrides: tuple[str, ...] = ()
    plugins: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    ignore_glob: tuple[str, ...] = ()
    deselect: tuple[str, ...] = ()
    warning_filters: tuple[str, ...] = ()
    import_mode: str | None = None
    strict_markers: bool = False
    strict: bool = False  # --strict: pytest 9's switch for every strictness option, as `strict = true`
    collect_only: bool = False
    durations: int | None = None
    durations_min: float | None = None
    showlocals: bool = False
    show_capture: str = "all"
    max_warnings: int | None = None
    color: str = "auto"
    continue_on_collection_errors: bool = False
    basetemp: str | None = None
    timeout: float | None = None
    strict_leaks: bool = False
    last_failed: bool = False
    failed_first: bool = False
    new_first: bool = False
    stepwise: bool = False
    stepwise_skip: bool = False
    stepwise_reset: bool = False
    last_failed_no_failures: str = "all"
    cache_clear: bool = False
    show_fixtures: bool = False
    fixtures_per_test: bool = False
    show_markers: bool = False
    cache_show: str | None = None
    noconftest: bool = False
    setup_only: bool = False
    setup_plan: bool = False
    setup_show: bool = False
    worker: bool = False
    worker_input: str = ""
    worker_initial: str = ""
    worker_own: str = ""
    numprocesses: str | None = None
    shard: str | None = None
    durations_path: str | None = None
    store_durations: bool = False
    log_level: str | None = None
    log_disable: tuple[str, ...] = ()
    disable_plugin_autoload: bool = False
    pdb: bool = False
    pdbcls: str | None = None
    trace: bool = False
    extra: Mapping[str, object] = field(default_factory=dict)


def apply_overrides(values: Mapping[str, IniValue], overrides: Sequence[str]) -> dict[str, IniValue]:
    merged = dict(values)
    for override in overrides:
        key, sep, value = override.partition("=")
        if not sep:
            raise ConfigError(f"-o/--override-ini expects option=value style (got: {override!r})")
        merged[key.strip()] = value
    return merged


def locate_ini(
    args: Sequence[str], invocation_dir: Path, inifile: str | None, rootdir: str | None
) -> IniConfig:
    try:
        return locate(args, invocation_dir, inifile=inifile, rootdir=rootdir)
    except ConfigFileError as exc:
        raise ConfigError(str(exc)) from None


def _ini_str(values: Mapping[str, IniValue], key: str) -> str | None:
    raw = values.get(key)
    if raw is None:
        return None
    return raw if isinstance(raw, str) else " ".join(raw)


def load(cli: CliOptions, invocation_dir: Path, ini: IniConfig | None = None) -> Config:
    ini = ini or locate_ini(cli.args, invocation_dir, cli.inifile, cli.rootdir)
    values = apply_overrides(ini.values, cli.overrides)
    try:
        return _build(cli, invocation_dir, ini, values)
    except ValueError as exc:
        raise ConfigError(str(exc)) from None


def _build(cli: CliOptions, invocation_dir: Path, ini: IniConfig, values: dict[str, IniValue]) -> Config:
    mode = cli.asyncio_mode or _ini_str(values, "asyncio_mode") or "strict"
    mode = parse_asyncio_mode(mode)
    fixture_loop = parse_fixture_loop_scope(_ini_str(values, "asyncio_default_fixture_loop_scope"))
    test_loop_raw = _ini_str(values, "asyncio_default_test_loop_scope")
    test_loop = (
        parse_default_loop_scope(test_loop_raw, "asyncio_default_test_loop_scope")
        if test_loop_raw
        else LoopScope.FUNCTION
    )
    debug = cli.asyncio_debug or get_bool(values, "asyncio_debug", False)
    loop_factory = parse_choice(
        cli.loop_factory or _ini_str(values, "asyncio_loop") or "asyncio",
        LOOP_FACTORIES,
        "--loop / asyncio_loop",
    )
    loop_matrix = _loop_matrix(cli.loop_matrix)
    if loop_factory == "uvloop":
        _require_uvloop("--loop uvloop / asyncio_loop", "run on the asyncio loop (--loop asyncio)")
    if "uvloop" in loop_matrix:
        _require_uvloop("--loop-matrix", "leave uvloop out of --loop-matrix")
    args = tuple(cli.args)
    from_testpaths = False
    if not args:
        testpaths = get_list(values, "testpaths")
        if testpaths and invocation_dir == ini.rootdir:
            import glob

            expanded: list[str] = []
            for pattern in testpaths:
                found = sorted(glob.glob(str(ini.rootdir / pattern), recursive=True))
                expanded.extend(found)
            args = tuple(expanded)
            from_testpaths = bool(expanded)
        if not args:
            args = (str(invocation_dir),)
    capture = parse_choice(cli.capture or "fd", CAPTURE_METHODS, "--capture")
    import_mode = parse_choice(cli.import_mode or "prepend", IMPORT_MODES, "--import-mode")
    tb_style = parse_choice(cli.tb_style or "auto", ("auto", "long", "short", "line", "native", "no"), "--tb")
    timeout_raw = cli.timeout if cli.timeout is not None else _ini_str(values, "timeout")
    timeout = float(timeout_raw) if timeout_raw not in (None, "") else None
    empty_mark = _ini_str(values, "empty_parameter_set_mark") or "skip"
    parse_choice(empty_mark, ("skip", "xfail", "fail_at_collect"), "empty_parameter_set_mark")
    python_files = tuple(get_list(values, "python_files")) or ("test_*.py", "*_test.py")
    # pytest 9's `strict` (the ini key, or --strict) is what each strictness option defaults to; the
    # option's own key, when set (even to false), wins over it. The flags reach `values` as the
    # `-o KEY=true` they stand for (cli._with_strict_overrides), so a later -o can undo them.
    strict = get_bool(values, "strict", False)
    # -p NAME loads a plugin first, -p no:NAME disables one.
    disabled_plugins = tuple(p[3:] for p in cli.plugins if p.startswith("no:"))
    early_plugins = tuple(p for p in cli.plugins if not p.startswith("no:"))
    # A -p no:timeout from addopts counts too: pytest unregisters the plugin, whose flags stay known.
    timeout_plugin = not set(TIMEOUT_DISABLED_BY) & set(disabled_plugins)
    autoload = not cli.disable_plugin_autoload and not os.environ.get("PYTEST_DISABLE_PLUGIN_AUTOLOAD")

    def plugin_enabled(disabled_by: Iterable[str], loaded_by: Iterable[str]) -> bool:
        return _plugin_enabled(
            disabled_by=disabled_by,
            loaded_by=loaded_by,
            disabled=disabled_plugins,
            early=early_plugins,
            autoload=autoload,
        )

    return Config(
        rootdir=ini.rootdir,
        invocation_dir=invocation_dir,
        inipath=ini.inipath,
        ignored_config_files=ini.ignored,
        ini=values,
        args=args,
        args_from_testpaths=from_testpaths,
        given_args=tuple(cli.args),
        asyncio_mode=mode,
        default_fixture_loop_scope=fixture_loop,
        default_test_loop_scope=test_loop,
        asyncio_debug=debug or cli.slow_callback_ms is not None,
        slow_callback_ms=cli.slow_callback_ms
        if cli.slow_callback_ms is not None
        else float(_ini_str(values, "slow_callback_ms") or 100.0),
        loop_factory=loop_factory,
        loop_matrix=loop_matrix,
        python_files=python_files,
        python_classes=tuple(get_list(values, "python_classes")) or ("Test",),
        python_functions=tuple(get_list(values, "python_functions")) or ("test",),
        asyncio_plugin=plugin_enabled(ASYNCIO_DISABLED_BY, ASYNCIO_LOADED_BY),
        anyio_plugin=plugin_enabled(ANYIO_DISABLED_BY, ANYIO_LOADED_BY),
        describe_prefixes=_describe_prefixes(
            get_args(values, "describe_prefixes"),
            disabled=disabled_plugins,
            early=early_plugins,
            autoload=autoload,
        ),
        norecursedirs=tuple(get_list(values, "norecursedirs")) or DEFAULT_NORECURSE,
        ignore=tuple(cli.ignore),
        ignore_glob=tuple(cli.ignore_glob),
        deselect=tuple(cli.deselect),
        import_mode=import_mode,
        continue_on_collection_errors=cli.continue_on_collection_errors,
        keyword=(cli.keyword or "").strip(),
        markexpr=cli.markexpr or "",
        strict_markers=get_bool(values, "strict_markers", strict),
        markers=tuple(get_lines(values, "markers")),
        pytest_ini_keys=_pytest_ini_keys(ini, cli.overrides),
        strict_config=get_bool(values, "strict_config", strict),
        xfail_strict=get_bool(values, "strict_xfail", get_bool(values, "xfail_strict", strict)),
        runxfail=bool(cli.extra.get("runxfail")),  # a tolerated option: it arrives with them
        pyargs=bool(cli.extra.get("pyargs")),  # as is --pyargs
        strict_parametrization_ids=get_bool(values, "strict_parametrization_ids", strict),
        empty_parameter_set_mark=empty_mark,
        # The doctest options are tolerated ones too (declared with pytest's dests).
        doctest_modules=bool(cli.extra.get("doctestmodules")),
        doctest_globs=tuple(str(glob) for glob in _as_list(cli.extra.get("doctestglob"))),
        doctest_continue_on_failure=bool(cli.extra.get("doctest_continue_on_failure")),
        doctest_report=parse_choice(
            str(cli.extra.get("doctestreport") or "udiff"), DOCTEST_REPORTS, "--doctest-report"
        ),
        doctest_ignore_import_errors=bool(cli.extra.get("doctest_ignore_import_errors")),
        doctest_plugin="doctest" not in disabled_plugins,
        maxfail=cli.maxfail or 0,
        capture=capture,
        timeout=timeout if timeout_plugin else None,
        timeout_plugin=timeout_plugin,
        strict_leaks=cli.strict_leaks or get_bool(values, "strict_leaks", False),
        last_failed=cli.last_failed,
        failed_first=cli.failed_first,
        new_first=cli.new_first,
        stepwise=cli.stepwise,
        stepwise_skip=cli.stepwise_skip,
        stepwise_reset=cli.stepwise_reset,
        last_failed_no_failures=cli.last_failed_no_failures,
        cache_clear=cli.cache_clear,
        worker=cli.worker,
        worker_input=cli.worker_input,
        initial_args=tuple(json.loads(cli.worker_initial)) if cli.worker_initial else (),
        worker_own=tuple(json.loads(cli.worker_own)) if cli.worker_own else (),
        show_fixtures=cli.show_fixtures,
        fixtures_per_test=cli.fixtures_per_test,
        show_markers=cli.show_markers,
        cache_show=cli.cache_show,
        noconftest=cli.noconftest,
        setup_only=cli.setup_only,
        setup_plan=cli.setup_plan,
        setup_show=cli.setup_show,
        numprocesses=_numprocesses(cli.numprocesses) if not cli.worker else 0,
        shard=_shard(cli.shard) if not cli.worker else None,
        durations_path=_durations_path(
            cli.durations_path, _ini_str(values, "durations_path"), invocation_dir, ini
        ),
        store_durations=cli.store_durations,
        use_cache=not any(p in ("no:cacheprovider", "no:cache") for p in cli.plugins),
        filterwarnings=(*get_lines(values, "filterwarnings"), *map(_escape_cli_filter, cli.warning_filters)),
        verbose=cli.verbose,
        tb_style=tb_style,
        report_chars=cli.report_chars if cli.report_chars is not None else "fE",
        junitxml=(invocation_dir / cli.junitxml) if cli.junitxml else None,
        junit_suite_name=_ini_str(values, "junit_suite_name") or "pytest",
        junit_prefix=str(cli.extra["junitprefix"]) if cli.extra.get("junitprefix") else None,
        json_report=(invocation_dir / cli.json_report) if cli.json_report else None,
        durations=cli.durations,
        durations_min=cli.durations_min,
        showlocals=cli.showlocals,
        show_capture=cli.show_capture,
        max_warnings=cli.max_warnings,
        color=cli.color,
        collect_only=cli.collect_only,
        plugin_options=dict(cli.extra),
        disabled_plugins=disabled_plugins,
        early_plugins=early_plugins,
        plugin_args=tuple(cli.plugins),
        warning_args=tuple(cli.warning_filters),
        basetemp=(invocation_dir / cli.basetemp) if cli.basetemp else None,
        log_level=cli.log_level or _ini_str(values, "log_level"),
        log_disable=cli.log_disable,
        log_cli="logging" not in disabled_plugins
        and (bool(cli.extra.get("log_cli_level")) or get_bool(values, "log_cli", False)),
        plugin_autoload=autoload,
        pdb=cli.pdb,
        pdbcls=cli.pdbcls,
        trace=cli.trace,
        given_options=_given_options(cli),
    )


def _given_options(cli: CliOptions) -> dict[str, object]:
    """pytest's values for the options whose setting asynctestrun resolves from more than the command
    line: what the command line said, None (or absent, for ``quiet``) where it said nothing."""
    given: dict[str, object] = {
        "rootdir": cli.rootdir,
        "inifilename": cli.inifile,
        "strict_markers": cli.strict_markers or None,
        "strict": cli.strict or None,
        "strict_config": cli.extra.get("strict_config") or None,
        "log_level": cli.log_level,
        "disable_plugin_autoload": cli.disable_plugin_autoload,
        # pytest-asyncio's options too: the mode and debug setting in effect may come from the ini file.
        "asyncio_mode": cli.asyncio_mode,
        "asyncio_debug": cli.asyncio_debug or None,
    }
    if cli.quiet:
        given["quiet"] = cli.quiet
    return given


def _as_list(value: object) -> list[object]:
    if value is None:
        return []
    return list(value) if isinstance(value, (list, tuple)) else [value]


def _pytest_ini_keys(ini: IniConfig, overrides: Sequence[str]) -> frozenset[str]:
    """The keys of pytest's own section (not ``[tool.asynctestrun]``) and of every ``-o``."""
    own = ini.pytest_keys if ini.pytest_keys is not None else frozenset(ini.values)
    return own | {override.partition("=")[0].strip() for override in overrides}


def _numprocesses(value: str | None) -> int:
    if not value:
        return 0
    from .._execute.prestart import resolve_numprocesses

    try:
        return resolve_numprocesses(value)
    except ValueError as exc:
        raise ConfigError(f"-n/--numprocesses: {exc}") from None


def _shard(value: str | None) -> tuple[int, int] | None:
    if not value:
        return None
    from .._plan.shard import parse_shard

    try:
        return parse_shard(value)
    except ValueError as exc:
        raise ConfigError(f"--shard: {exc}") from None


def _durations_path(
    cli_value: str | None, ini_value: str | None, invocation_dir: Path, ini: IniConfig
) -> Path | None:
    """``--durations-path`` is relative to the current directory, like every path on the command line;
    the ``durations_path`` key to the rootdir, like ``cache_dir``, so it means one file wherever a job
    starts. None leaves the default, ``Config.durations_file()``."""
    if cli_value:
        return invocation_dir / cli_value
    return ini.rootdir / ini_value if ini_value else None


def _loop_matrix(value: str | None) -> tuple[str, ...]:
    """``--loop-matrix asyncio,uvloop``: built-in loop factory names, each once."""
    if value is None:
        return ()
    names = tuple(name.strip() for name in value.split(","))
    for name in names:
        parse_choice(name, LOOP_FACTORIES, "--loop-matrix")
    if len(set(names)) != len(names):
        raise ConfigError(f"--loop-matrix: {value!r} names a loop implementation twice")
    return names


# pytest-describe's entry point name and module: ``-p no:NAME`` with any of them disables it.
DESCRIBE_PLUGIN_NAMES = ("pytest-describe", "pytest_describe", "pytest_describe.plugin")
# pytest-asyncio registers under its entry point name, so only ``-p no:asyncio`` disables it; with
# autoload off, ``-p asyncio`` or ``-p pytest_asyncio.plugin`` loads it (the bare package has no hooks).
ASYNCIO_DISABLED_BY = ("asyncio",)
ASYNCIO_LOADED_BY = ("asyncio", "pytest_asyncio.plugin")
# anyio's plugin is the entry point ``anyio`` (module anyio.pytest_plugin): the same rule.
ANYIO_DISABLED_BY = ("anyio",)
ANYIO_LOADED_BY = ("anyio", "anyio.pytest_plugin")
# pytest-timeout's entry point is ``timeout``: ``-p no:pytest_timeout`` leaves it loaded.
TIMEOUT_DISABLED_BY = ("timeout",)


def _plugin_enabled(
    *,
    disabled_by: Iterable[str],
    loaded_by: Iterable[str],
    disabled: Iterable[str],
    early: Iterable[str],
    autoload: bool,
) -> bool:
    """Whether pytest would load an installed plugin in this run: not disabled with ``-p no:NAME``, and
    autoloaded or named with ``-p NAME``."""
    if set(disabled_by) & set(disabled):
        return False
    return autoload or bool(set(loaded_by) & set(early))


def _describe_prefixes(
    ini_prefixes: Iterable[str], *, disabled: Iterable[str], early: Iterable[str], autoload: bool
) -> tuple[str, ...]:
    """pytest-describe's block prefixes, or none when pytest would not load that plugin in this run
    (asynctestrun collects its blocks itself; ``find_spec`` keeps the plugin unimported)."""
    import importlib.util

    names = DESCRIBE_PLUGIN_NAMES
    if not _plugin_enabled(
        disabled_by=names, loaded_by=names, disabled=disabled, early=early, autoload=autoload
    ):
        return ()
    if importlib.util.find_spec("pytest_describe") is None:
        return ()
    return tuple(ini_prefixes) or ("describe",)


def _require_uvloop(option: str, instead: str) -> None:
    """Fail before collecting when uvloop cannot be found, rather than at the first async test.
    ``find_spec`` locates the module without importing it: start-up stays fast."""
    import importlib.util
    import sys

    if importlib.util.find_spec("uvloop") is not None:
        return
    if sys.platform == "win32":
        raise ConfigError(f"{option}: uvloop does not support Windows; {instead}")
    raise ConfigError(
        f"{option}: uvloop is not installed for {sys.executable}. "
        f"Install it with 'pip install uvloop', or {instead}."
    )


def addopts(ini: IniConfig, overrides: Sequence[str]) -> list[str]:
    values = apply_overrides(ini.values, overrides)
    try:
        return get_args(values, "addopts")
    except ValueError as exc:
        raise ConfigError(str(exc)) from None


def _escape_cli_filter(spec: str) -> str:
    """As pytest: a -W filter's message and module are literal text (re.escape, the module anchored
    with \\Z), while an ini ``filterwarnings`` line is taken as regular expressions."""
    parts = [part.strip() for part in spec.split(":")]
    if len(parts) > 1 and parts[1]:
        parts[1] = re.escape(parts[1])
    if len(parts) > 3 and parts[3]:
        parts[3] = re.escape(parts[3]) + r"\Z"
    return ":".join(parts)
