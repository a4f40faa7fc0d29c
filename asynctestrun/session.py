"""One run, top to bottom: shim → plugins and conftests → collect → select → plan → execute → report.

Nothing else lives here: each step is a call into the stage that owns it.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import importlib.util
import io
import logging
import os
import platform
import sys
import time
import warnings
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any, NoReturn

from ._collect.collector import BUILTIN_HOLDER, Collection, Collector, failed_message
from ._collect.harvest import harvest_fixtures
from ._collect.hooks import (
    HOOKS_BEHIND_INI_KEYS,
    SILENT_HOOKS,
    XDIST_CONTROLLER_HOOKS,
    HookRegistry,
    PluginModule,
    call_with_declared,
    is_wrapper,
)
from ._collect.items import FIXTURE_PARAMS, MARK_PARAMS, BuiltinGenerateTests
from ._collect.last_failed import LastFailedFilter
from ._config.config import Config, ConfigError, ConftestImportError, StartupCrash
from ._config.inifile import get_args, get_list
from ._declare.outcomes import Exit
from ._execute.nodes import ItemNode, NodeTree, SessionNode, as_mark, item_node, legacy_path
from ._execute.runner import RunSummary, execute
from ._execute.session_state import SessionState
from ._execute.unraisable import allocated_at
from ._model.events import (
    Broadcast,
    CollectedNode,
    CollectionFinished,
    Event,
    LiveLogged,
    SessionFinished,
    SessionStarted,
    WarningRaised,
    maxfail_reason,
)
from ._model.exit_codes import (
    EXIT_FLAKY,
    EXIT_INTERNAL_ERROR,
    EXIT_INTERRUPTED,
    EXIT_MAX_WARNINGS,
    EXIT_NO_TESTS,
    EXIT_OK,
    EXIT_TESTS_FAILED,
    EXIT_USAGE_ERROR,
)
from ._model.items import TestItem
from ._model.marks import Mark
from ._model.outcomes import CollectError, Phase, PhaseOutcome, PhaseResult, TestResult
from ._plan.order import BuiltinReorder
from ._plan.plan import build_plan
from ._plan.registry import FixtureRegistry
from ._plan.select import select
from ._shim.config import Parser, PytestConfig

if TYPE_CHECKING:
    from ._builtins.capture import CaptureManager
    from ._builtins.logging import LiveLogHandler
    from ._declare.marks import MarkDecorator
    from ._execute.flaky import FlakySettings
    from ._execute.measure_coverage import CoverageRun
    from ._execute.reruns import RerunSettings
    from ._execute.retry import RetrySettings
    from ._plan.rerun import RerunResult


@dataclass
class SessionView(SessionNode):
    """``session`` as hooks see it."""

    config: PytestConfig
    items: list[ItemNode]
    testsfailed: int = 0
    testscollected: int = 0
    shouldfail: bool | str = False
    shouldstop: bool | str = False
    name: str = ""  # the session node's name and node id are empty in pytest
    # The run's exit code as pytest_sessionfinish sees it; a plugin that changes it (syrupy, for an
    # unused snapshot) changes the code the run ends with, as in pytest.
    exitstatus: int = 0
    nodes: NodeTree = field(init=False)
    stash: dict[Any, Any] = field(default_factory=dict)
    # Marks a plugin adds with ``add_marker``: the session has none of its own.
    own_markers: list[Mark] = field(default_factory=list)

    @property
    def path(self) -> Path:
        return self.config.rootpath

    startpath = path

    @property
    def fspath(self) -> Any:
        return legacy_path(self.config.rootpath)

    @property
    def ihook(self) -> Any:
        return self.config.hook

    @property
    def keywords(self) -> dict[str, Any]:
        return {}

    def listnames(self) -> list[str]:
        return [self.name]

    def add_marker(self, marker: str | Mark | MarkDecorator, append: bool = True) -> None:
        """A mark on the session is every test's, as pytest's ``iter_markers`` walks up to it."""
        mark = as_mark(marker)
        self.own_markers.insert(len(self.own_markers) if append else 0, mark)
        self.nodes.parents_marked = True

    def addfinalizer(self, finalizer: Callable[[], object]) -> None:
        """Runs ``finalizer`` when the session scope is torn down, with session-scoped fixtures."""
        host = self.nodes.finalizer_host
        if host is None or not host(self, finalizer):
            raise RuntimeError("session.addfinalizer: the session is not set up at this point of the run")

    def __post_init__(self) -> None:
        self.nodes = NodeTree(self.config)
        self.nodes.session = self


@dataclass(frozen=True, slots=True)
class SessionEnd:
    """What ending the session gave: the exit status, and what its hooks wrote for the terminal."""

    code: int
    plugin_summary: str = ""
    finish_output: str = ""
    unconfigure_output: str = ""
    leaving: BaseException | None = None  # what pytest_unconfigure raised: raised once reported

    def event(self, finished: SessionFinished) -> SessionFinished:
        """``finished`` carrying these hooks' output, for the reporters to place where pytest shows it."""
        return replace(
            finished,
            plugin_summary=self.plugin_summary,
            finish_output=self.finish_output,
            unconfigure_output=self.unconfigure_output,
        )


@contextlib.contextmanager
def held_stdout(held: io.StringIO) -> Iterator[None]:
    """What a session-end hook prints, held for the reporter: pytest's terminal shows it at a place of
    the report (after the progress line's end, after the closing line), which is written only after
    these hooks ran. If the hook raises, it is written at once, ahead of the traceback that follows."""
    try:
        with contextlib.redirect_stdout(held):
            yield
    except BaseException:
        sys.stdout.write(held.getvalue())
        held.seek(0)
        held.truncate()
        raise


class Session:
    def __init__(self, config: Config, broadcast: Broadcast, argv: Sequence[str] = ()) -> None:
        self.config = config
        self.broadcast = broadcast
        self.argv = list(argv)
        self.warning_counter: WarningCounter | None = None
        if config.max_warnings is not None and not config.worker:  # under -n the main process counts
            self.warning_counter = WarningCounter()
            broadcast.add(self.warning_counter)
        self.registry = FixtureRegistry()
        self.hooks = HookRegistry()
        self.parser = Parser(_ispytest=True)
        self.plugin_config = PytestConfig(config, self.parser, argv)
        self.collector = Collector(config, self.registry, self.hooks, self.plugin_config)
        self.plugin_config.hook.bind(self.hooks.call)
        self.plugin_config.pluginmanager.on_register = self.collector.register_plugin
        self.deselected_by_hooks = _DeselectedCounter()
        self.collection_report_lines: tuple[str, ...] = ()  # pytest_report_collectionfinish
        # A test's own hook implementations, by hook and directory (_item_hook_impls).
        self._item_impls: dict[tuple[str, str], tuple[int, list[Callable[..., Any]]]] = {}
        # pytest's parametrize marks are its first plugin's pytest_generate_tests: every other runs
        # before it, unless trylast.
        self.hooks.register(PluginModule("python", BuiltinGenerateTests(MARK_PARAMS)))
        self.hooks.register(PluginModule("asynctestrun-deselected", self.deselected_by_hooks))
        self.session_view = SessionView(self.plugin_config, [])
        self.collector.directory_node = self.session_view.nodes.directory
        self.collector.module_node = self.session_view.nodes.module
        if config.worker:
            from ._execute.xdist_protocol import worker_input

            # As pytest-xdist sets them on a worker's config before pytest_configure: conftests test
            # ``hasattr(config, "workerinput")`` to leave controller-only work to the main process.
            self.plugin_config.workerinput = worker_input(config.worker_input)  # type: ignore[attr-defined]
            self.plugin_config.workeroutput = {}  # type: ignore[attr-defined]
        self.unknown_args: list[str] = []
        self.coverage: CoverageRun | None = None  # --cov, measured with coverage.py
        self.failed_plugins: list[str] = []  # plugins that could not load: named in "fixture not found"
        self._gc_paused = False
        self._capture: CaptureManager | None = None
        self._live_log: LiveLogHandler | None = None  # log_cli's handler, for the session
        self._options_declared: set[int] = set()  # plugin modules whose pytest_addoption ran
        self._registered_marks: tuple[int, frozenset[str]] | None = None
        # From pytest_configure to the session's end hooks: the part pytest's session wrapper runs,
        # where a SystemExit (a conftest's sys.exit()) is an internal error, not the process's exit.
        self.wrapped = False

    # -- set-up ------------------------------------------------------------------------------
    def prepare(
        self, unknown_args: Sequence[str], withheld: frozenset[str] = frozenset()
    ) -> tuple[list[str], dict[str, Any]]:
        """Install the shim, load plugins and initial conftests, and parse the arguments the CLI did not
        know against the options conftests and plugins declared; ``withheld``: flags of plugins
        ``-p no:NAME`` turned off, not to be tolerated. Returns (positional args, options)."""
        from ._builtins import fixtures as builtin_fixtures
        from ._shim.install import install

        rewriter = None if _plain_asserts(unknown_args) else _install_rewriter(self.config)
        install(rewriter)
        _prepend_pythonpath(self.config)
        self._open_cache()
        # A disabled plugin's fixtures do not exist in pytest's run: requesting one is a missing fixture.
        blocked = self.config.blocked_plugins()
        self.registry.add_all(
            fixturedef
            for fixturedef in harvest_fixtures(builtin_fixtures, BUILTIN_HOLDER, self.config)
            if blocked.isdisjoint(builtin_fixtures.PLUGINS_OF.get(fixturedef.name, ()))
        )
        if self.config.asyncio_plugin:
            from ._builtins import asyncio_fixtures

            self.registry.add_all(harvest_fixtures(asyncio_fixtures, BUILTIN_HOLDER, self.config))
        if self.config.anyio_plugin and importlib.util.find_spec("anyio") is not None:
            from ._builtins import anyio_fixtures

            self.registry.add_all(harvest_fixtures(anyio_fixtures, BUILTIN_HOLDER, self.config))
        if importlib.util.find_spec("pytest_cov") is not None:
            from ._builtins import cov_fixtures

            self.registry.add_all(harvest_fixtures(cov_fixtures, BUILTIN_HOLDER, self.config))
        if importlib.util.find_spec("xdist") is not None:
            from ._builtins import xdist_fixtures

            self.registry.add_all(harvest_fixtures(xdist_fixtures, BUILTIN_HOLDER, self.config))
        from ._collect.plugins import (
            load_entry_point_plugins,
            load_named_plugins,
            mark_plugins_for_rewrite,
            pytest_registered_names,
        )
        from ._execute.runner import caught_warnings, session_filters

        mark_plugins_for_rewrite(rewriter, self.config)
        # As pytest's _capture_plugin_import_warnings: plugins import under the suite's filters, what
        # they warn is in the summary (pytest-tornasync's yield_fixture, its old-style hook marks), and a
        # filter their import sets (aiohttp.web ignores its NotAppKeyWarning, imported by
        # pytest-aiohttp) is dropped with the rest, unseen by the tests.
        with caught_warnings(self.config, lambda: session_filters(self.config)) as caught:
            load_named_plugins(self.collector, self.config)
            failed = load_entry_point_plugins(self.collector, self.config)
        self._emit_recorded(caught)
        for warning in failed:
            self.failed_plugins.append(warning)
            self.broadcast.handle(WarningRaised(warning, None, "PluginWarning"))
        _check_required_plugins(self.config)
        plugin_manager = self.plugin_config.pluginmanager
        for name in pytest_registered_names(self.config):
            plugin_manager.record(name)
        for plugin in self.collector.hooks.plugins:
            plugin_manager.record(plugin.name, plugin.module)
        if self.config.asyncio_plugin:
            # pytest's getplugin("asyncio") is the module pytest-asyncio's fixtures are defined in:
            # looptime tells its loop fixtures by that module's name.
            from ._execute.loop_hooks import ASYNCIO_PLUGIN_MODULE

            plugin_manager.record("asyncio", importlib.import_module(ASYNCIO_PLUGIN_MODULE))
        # As in pytest, the installed plugins declare their options and ini keys, then prepare the run
        # before any conftest is imported: pytest-env sets os.environ there, which conftests read.
        self._declare_options()
        self.hooks.call(
            "pytest_load_initial_conftests",
            early_config=self.plugin_config,
            parser=self.parser,
            args=list(self.argv),
        )
        # As pytest-cov: measured from before the first conftest imports the code under test.
        self.coverage = _start_coverage(unknown_args, self.config)
        # As pytest, the initial conftests import under the run's capture: a module they import that
        # keeps ``sys.stdout`` (``from sys import stdout``) holds the stream the tests later write to.
        capture = self._capture_manager()
        capture.resume()
        # As pytest's warnings plugin around pytest_load_initial_conftests: the suite's filters apply
        # (under "error" a warning is that conftest's import error) and the rest are in the summary.
        try:
            with caught_warnings(self.config, lambda: session_filters(self.config)) as caught:
                self._load_initial_conftests()
        except StartupCrash:
            self._close_showing_startup_output(capture)  # before Python's report of the crash
            raise
        finally:
            capture.suspend()
        self.collector.started = True
        self._emit_recorded(caught)
        for warning in self.collector.plugin_warnings:
            self.failed_plugins.append(warning)
            self.broadcast.handle(WarningRaised(warning, None, "PluginWarning"))
        self.collector.plugin_warnings.clear()
        if self.collector.conftest_errors:
            # As pytest: a conftest that fails while the run starts up is a usage error (exit 4),
            # reported with its traceback; nothing is collected or run.
            conftest, traceback = next(iter(self.collector.failed_conftests.items()))
            self._close_showing_startup_output(capture)
            raise ConftestImportError(f"ImportError while loading conftest '{conftest}'.\n{traceback}")
        self._declare_options()
        if not self.parser.options and not unknown_args:
            return [], {}
        if any(arg.startswith("-") for arg in unknown_args):
            from ._config import tolerated

            tolerated.declare(self.parser, withheld)
        parser = self.parser.argparser()
        namespace, rest = parser.parse_known_args(list(unknown_args))
        unknown = [arg for arg in rest if arg.startswith("-") and arg != "-"]
        if unknown:
            raise ConfigError(f"unrecognized arguments: {' '.join(unknown)}")
        values = vars(namespace)
        positional = [*values.pop("file_or_dir", []), *rest]
        self._apply_tolerated(values)
        return positional, values

    def _close_showing_startup_output(self, capture: CaptureManager) -> None:
        """The run stops while its start-up conftests load: what they printed is written, as pytest
        shows it with the error that stopped the run."""
        capture.suspend()
        out, err = capture.read()
        self.close()
        sys.stdout.write(out)
        sys.stderr.write(err)

    def _load_initial_conftests(self) -> None:
        """The conftests pytest loads before collecting: the arguments' own and their directories'."""
        for target in self.config.initial_args or self.config.args:
            path = (self.config.invocation_dir / target.split("::", 1)[0]).resolve()
            if path.is_dir():
                self.collector.load_conftests(path)
                # As pytest, the conftests of a directory argument's ``test*`` subdirectories
                # are initial ones too: ``tests/conftest.py`` failing to import stops the run
                # (exit 4).
                for sub in sorted(path.glob("test*")):
                    if sub.is_dir():
                        self.collector.load_conftests(sub)
            elif path.exists():
                self.collector.load_conftests(path.parent)

    def _emit_recorded(self, recorded: list[warnings.WarningMessage]) -> None:
        """Warnings recorded outside any test (importing conftests and test modules), for the summary."""
        for message in recorded:
            where = f"{message.filename}:{message.lineno}"
            category = message.category.__name__
            allocated = allocated_at(message.source)
            self.broadcast.handle(WarningRaised(str(message.message), None, category, where, allocated))

    def _declare_options(self) -> None:
        """``pytest_addoption`` of every plugin and conftest registered since the last call."""
        for plugin in list(self.hooks.plugins):
            if id(plugin.module) in self._options_declared:
                continue
            self._options_declared.add(id(plugin.module))
            pluginmanager = self.plugin_config.pluginmanager
            # pytest calls a plugin's pytest_addhooks as it registers, before its pytest_addoption.
            for name in ("pytest_addhooks", "pytest_addoption"):
                hook = getattr(plugin.module, name, None)
                if callable(hook):
                    call_with_declared(hook, {"parser": self.parser, "pluginmanager": pluginmanager})

    def _apply_tolerated(self, values: dict[str, Any]) -> None:
        """Warn about accepted options that do nothing here; load a ``--hypothesis-profile``."""
        from ._config import tolerated
        from ._execute import measure_coverage

        # With coverage.py installed the --cov options are acted on (or --no-cov says not to).
        measured = (tolerated.NO_COVERAGE,) if measure_coverage.available() else ()
        for line in tolerated.ignored(values, acted_on=measured):
            self.broadcast.handle(WarningRaised(line, None, "PytestConfigWarning"))
        profile = values.get("hypothesis_profile")
        if profile:
            try:
                importlib.import_module("hypothesis").settings.load_profile(profile)
            except Exception as exc:  # not installed, or no such profile
                raise ConfigError(f"--hypothesis-profile={profile}: {type(exc).__name__}: {exc}") from None

    def _check_ini_keys(self) -> None:
        """pytest's check once collection is done: each ini (or ``-o``) key that no plugin or conftest
        declared is a usage error under strict_config, else a PytestConfigWarning. That warning goes
        through the suite's filters, so under "error" it stops the run with an internal error."""
        from ._config.known_ini import unknown_keys
        from ._declare.pytest_warnings import PytestConfigWarning
        from ._execute.runner import add_filter

        if self.failed_plugins:
            return  # a plugin that could not load may have declared any key: no false alarms
        # Conftests found while collecting declare their ini keys too (pytest_addoption is historic).
        self._declare_options()
        config = self.config
        unknown = unknown_keys(config.pytest_ini_keys, config.disabled_plugins, self.parser.ini)
        if unknown and config.strict_config:
            raise ConfigError(f"Unknown config option: {unknown[0]}\n")
        for key in unknown:
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always", PytestConfigWarning)
                for spec in config.filterwarnings:
                    add_filter(spec)
                warnings.warn_explicit(
                    PytestConfigWarning(f"Unknown config option: {key}\n"),
                    PytestConfigWarning,
                    filename="_pytest/config/__init__.py",
                    lineno=0,
                    module="_pytest.config",
                )
            for message in caught:
                self.broadcast.handle(
                    WarningRaised(str(message.message), None, "PytestConfigWarning", "config")
                )

    def _open_cache(self) -> None:
        from ._report.cache import Cache

        cache_dir = self.config.ini.get("cache_dir")
        self.cache = Cache.for_rootdir(self.config.rootdir, cache_dir if isinstance(cache_dir, str) else None)
        if self.config.cache_clear:
            self.cache.clear()
        if "cacheprovider" not in self.config.blocked_plugins():
            self.plugin_config.cache = self.cache

    def _rerun_options(self) -> Any:
        from ._plan.rerun import RerunOptions

        config = self.config
        return RerunOptions(
            last_failed=config.last_failed,
            failed_first=config.failed_first,
            new_first=config.new_first,
            stepwise=config.stepwise,
            stepwise_skip=config.stepwise_skip,
            stepwise_reset=config.stepwise_reset,
            last_failed_no_failures=config.last_failed_no_failures,
        )

    def _register_last_failed_view(self, last_failed: LastFailedFilter | None) -> None:
        """pytest registers its --lf plugin whenever the cache is in use, and the collection wrapper
        when --lf has failures to rerun: plugins look them up by name."""
        if not self.config.use_cache:
            return
        from ._shim.last_failed_view import LastFailedView

        view = LastFailedView(last_failed)
        manager = self.plugin_config.pluginmanager
        manager.record("lfplugin", view)
        if last_failed is not None:
            manager.record("lfplugin-collwrapper", view)

    def last_failed_filter(self) -> LastFailedFilter | None:
        """With --lf and failures recorded: what collection skips and leaves out (_collect/last_failed)."""
        config = self.config
        if not config.last_failed:
            return None
        from ._report.cache import read_lastfailed

        lastfailed = read_lastfailed(self.cache)
        if not lastfailed:
            return None
        # Files named on the command line keep all their tests, as pytest's "initial paths" (arguments
        # that came from ``testpaths`` are not named ones, nor are the files a worker is given).
        initial: set[Path] = set()
        if not config.args_from_testpaths and not config.worker:
            for arg in config.args:
                path = (config.invocation_dir / arg.split("::", 1)[0]).resolve()
                if path.is_file():
                    initial.add(path)
        return LastFailedFilter.of(lastfailed, config.rootdir, initial)

    def reconfigure(self, config: Config) -> None:
        """Adopt the final Config (with plugin options and exact positional args)."""
        self.config = config
        self.plugin_config.replace_config(config)
        self.collector.config = config

    # -- the run -----------------------------------------------------------------------------
    def run(self) -> int:
        start = time.perf_counter()
        config = self.config
        emit = self.broadcast.handle
        if not config.worker and "faulthandler" not in config.blocked_plugins():
            _enable_faulthandler()
        from ._shim.install import use_runxfail

        use_runxfail(config.runxfail)
        if config.log_disable:
            import logging

            # --log-disable: as pytest's logging plugin, when it is configured (before any test module
            # is imported); each named logger only, not its children.
            for name in config.log_disable:
                logging.getLogger(name).disabled = True
        if not config.worker:
            # As pytest's main hook, which plugins answer first: an answer is the run's exit status,
            # given before anything is configured (pytest-xprocess's --xkill); a usage error raised
            # there (pytest-split's check of its options) ends the run as one.
            answer = self.hooks.call_first("pytest_cmdline_main", None, config=self.plugin_config)
            if answer is not None:
                self.close()
                return int(answer)
        self.wrapped = True
        self.hooks.call_historic("pytest_configure", config=self.plugin_config)
        # Checked when pytest's logging plugin is configured; with the plugin blocked, no run-wide handler.
        logging_on = "logging" not in config.blocked_plugins()
        root_level = log_root_level(config) if logging_on else None
        if config.show_markers:
            return self._show_markers()
        reruns = self._rerun_settings()  # checked now, as the plugin does when it is configured
        warn_unset_fixture_loop_scope(config)
        self._warn_unsupported_hooks(controller=False)
        emit(
            SessionStarted(
                rootdir=str(config.rootdir),
                inifile=config.inipath.name if config.inipath else None,
                python=platform.python_version(),
                asyncio_mode=config.asyncio_mode,
                # Under --loop-matrix each async test runs on every named loop.
                loop_factory=",".join(config.loop_matrix) if config.loop_matrix else config.loop_factory,
                # Asked only where pytest's terminal writes a header: not under -q, nor -p no:terminal.
                header_lines=self._report_header()
                if config.verbose >= 0 and "terminal" not in config.disabled_plugins
                else (),
                testpaths=tuple(get_list(config.ini, "testpaths")) if config.args_from_testpaths else (),
                ignored_config_files=config.ignored_config_files,
            )
        )
        from ._builtins.logging import session_handler

        log_file = log_file_handler(config) if logging_on else None
        # Live logging in the main process (under -n, as under pytest-xdist, workers have no terminal).
        self._live_log = live_log_handler(config, self._write_live_log) if logging_on else None
        with (
            session_handler(root_level, log_file, self._live_log) if logging_on else contextlib.nullcontext()
        ):
            try:
                return self._run_started(start, reruns)
            except Exit as exc:
                # As pytest's session wrapper: ``pytest.exit()`` in a session hook (pytest_sessionstart,
                # pytest_collection_modifyitems, pytest_runtestloop) ends the session, reported, with its
                # status (2 without one), as a pytest.exit() in a test does.
                code = exc.returncode if exc.returncode is not None else EXIT_INTERRUPTED
                return self._finish(start, code, f"Exit: {exc.msg}")

    def _run_started(self, start: float, reruns: RerunSettings | None) -> int:
        """The session once its start is reported: collection, selection, the test loop, the end."""
        config = self.config
        emit = self.broadcast.handle
        # pytest registers its fixture manager, which parametrizes by fixture params, as the session
        # starts: after the plugins and initial conftests, before the conftests found while collecting.
        self.hooks.register(PluginModule("funcmanage", BuiltinGenerateTests(FIXTURE_PARAMS)))
        self.hooks.register(PluginModule("funcmanage", BuiltinReorder()))
        self.hooks.call("pytest_sessionstart", session=self.session_view)
        if config.cache_show is not None:
            self.cache.show(config.cache_show, sys.stdout)
            return self._finish(start, EXIT_OK)
        from ._declare.marks import mark
        from ._execute.runner import caught_warnings, session_filters

        # As pytest: the suite's filters apply while modules import, so under "error" a warning at
        # import time (an unknown mark, a deprecated API) is that module's collection error.
        with caught_warnings(config, lambda: session_filters(config)) as collect_warnings:
            self._pause_gc()
            mark.registered = self._is_registered_mark
            mark.strict = config.strict_markers
            # Test files import under the capture their tests run under (pytest's global capture):
            # a module that keeps ``sys.stdout`` at import time holds the stream its tests write to.
            capture = self._capture_manager()
            self.collector.capture = capture
            self.collector.last_failed = self.last_failed_filter()
            self._register_last_failed_view(self.collector.last_failed)
            capture.resume()
            if self._live_log is not None:
                self._live_log.when = "collection"  # records logged while modules import
            try:
                collection = self.collector.collect()
            finally:
                if self._live_log is not None:
                    self._live_log.when = None
                mark.registered = None
                mark.strict = False
                capture.suspend()
                self.collector.capture = None
        self._emit_recorded(collect_warnings)
        for where, text in collection.warnings:
            emit(WarningRaised(text, None, "PytestCollectionWarning", where))
        if config.show_fixtures:
            from ._report.fixtures_list import print_fixtures

            print_fixtures(self.registry, collection.items, config)
            return self._finish(start, EXIT_OK)
        if collection.stopped is not None:
            return self._stop_collecting(start, collection, collection.stopped)
        selected, nodes, rerun = self._modify_items(collection, start)
        if config.fixtures_per_test:
            from ._report.fixtures_list import print_fixtures_per_test

            print_fixtures_per_test(self.registry, selected, config.verbose)
            return self._finish(start, EXIT_OK)
        deselected = self.deselected_by_hooks.count
        unknown_marks = self._unknown_marks(selected)
        if unknown_marks and config.strict_markers:
            from ._declare.marks import unregistered_mark_message

            # pytest fails the whole file at collection: none of its tests run.
            bad_files: dict[str, str] = {}
            for nodeid, name in unknown_marks:
                bad_files.setdefault(nodeid.split("::", 1)[0], name)
            for path, name in bad_files.items():
                text = unregistered_mark_message(name)
                collection.errors.append(CollectError(path, text, failed_message(text)))
            selected = [item for item in selected if item.relpath not in bad_files]
        from ._plan.rerun import stepwise_maxfail
        from ._report.cache import CacheReporter

        options = self._rerun_options()
        if config.use_cache and not config.collect_only and not config.worker:
            self.broadcast.add(CacheReporter(self.cache, stepwise=rerun.stepwise))
        notes = (rerun.message,) if rerun.message else ()
        emit(
            CollectionFinished(
                tuple(i.nodeid for i in selected),
                tuple(collection.errors),
                deselected,
                notes,
                skipped=len(collection.skipped_modules),
                tree=self._collection_tree(selected) if config.collect_only and config.verbose >= 0 else (),
                report_lines=self.collection_report_lines,
            )
        )
        self._report_skipped_modules(collection)
        # After what collection found is reported (pytest logs collection errors as they happen, so
        # they are in its report even when this check stops the run).
        try:
            self._check_ini_keys()
        except BaseException as exc:
            # As pytest: the session still ends (its summary, its reports) before the error is shown.
            self._finish(start, EXIT_USAGE_ERROR if isinstance(exc, ConfigError) else EXIT_INTERNAL_ERROR)
            raise
        self.session_view.testscollected = len(selected)
        self._call_runtestloop()
        if config.collect_only:
            # pytest's test loop returns at once under --collect-only, unless collection errors stop it.
            stopped = bool(collection.errors) and not config.continue_on_collection_errors
            return self._finish(
                start,
                EXIT_INTERRUPTED if collection.errors else (EXIT_OK if selected else EXIT_NO_TESTS),
                loop_finished=not stopped,
            )
        if collection.errors and not config.continue_on_collection_errors:
            # Errors that reached -x / --maxfail with the last file collected: pytest says both why
            # it would stop ("stopping after 2 failures") and that collection errors stopped it.
            failed = len(collection.errors)
            reached = maxfail_reason(failed) if config.maxfail and failed >= config.maxfail else None
            return self._finish(start, EXIT_INTERRUPTED, reached)
        plan = build_plan(selected, self.registry, config, failed_plugins=self.failed_plugins)
        self._resume_gc()
        _configure_assertions(config, self._assertrepr_compare)
        state = SessionState(
            config,
            self.registry,
            self.plugin_config,
            self.session_view,
            emit,
            hooks_call=self.hooks.call,
            hook_impls=self.hooks.implementations,
            capture=capture,
            item_hook_impls=self._item_hook_impls,
            live_log=self._live_log,
        )
        state.reruns = reruns
        state.flaky = self._flaky_settings()
        state.retry = self._retry_settings()
        state.flaky_runs_tests = (
            state.reruns is not None and state.flaky is not None and self._flaky_registered_last()
        )
        maxfail = stepwise_maxfail(options, config.maxfail, failed=len(collection.errors))
        # pytest counts collection errors as failures (``session.testsfailed``): with
        # --continue-on-collection-errors they bring -x / --maxfail nearer.
        summary = execute(plan, state, nodes, emit, maxfail=maxfail, failed=len(collection.errors))
        code = self._end_run(
            start,
            summary,
            state,
            maxfail,
            stepwise_on=options.stepwise_on,
            collection=collection,
            selected=len(selected),
        )
        if summary.end_error is not None and not config.worker:
            # As pytest: reported and finished first, then the run ends with the error (exit status 1).
            from ._execute.unraisable import SessionEndError

            raise SessionEndError(summary.end_error)
        return code

    def _call_runtestloop(self) -> None:
        """The plain ``pytest_runtestloop`` implementations of conftests and plugins, called where pytest
        calls the hook: after collection, before its own test loop (the hook's last implementation),
        under ``--collect-only`` too. They prepare the loop (python-telegram-bot adds a filterwarnings
        mark to the session there). asynctestrun runs the loop itself, so one that answers (one that
        ran the tests its own way under pytest) is told its answer was not used, and a wrapper (which
        would wrap pytest's loop) is named unsupported."""
        answered = False
        for impl in self.hooks.implementations("pytest_runtestloop"):
            if is_wrapper(impl):
                self._warn_plugin(
                    f"hook wrapper pytest_runtestloop in {impl.__module__} is not supported "
                    "by asynctestrun and was not called"
                )
            elif not answered and call_with_declared(impl, {"session": self.session_view}) is not None:
                answered = True
                self._warn_plugin(
                    f"pytest_runtestloop of {impl.__module__} answered: asynctestrun runs "
                    "the test loop itself, so the answer was not used"
                )

    def _warn_plugin(self, message: str) -> None:
        self.broadcast.handle(WarningRaised(message, None, "PluginWarning"))

    def _stop_collecting(self, start: float, collection: Collection, reason: str) -> int:
        """``-x`` / ``--maxfail`` reached by collection errors stopped the collection: as pytest's
        ``Session.Failed``, nothing is selected or run, what was collected is reported (``--co``
        lists it) and the run fails (exit status 1, not the "errors during collection" 2)."""
        self._collection_ended(collection, tuple(item.nodeid for item in collection.items))
        self.session_view.testsfailed = len(collection.errors)
        return self._finish(start, EXIT_TESTS_FAILED, reason)

    def _end_run(
        self,
        start: float,
        summary: RunSummary,
        state: SessionState,
        maxfail: int,
        *,
        stepwise_on: bool,
        collection: Collection,
        selected: int,
    ) -> int:
        """The exit status of a run that executed, once the session is finished with it."""
        config = self.config
        self.session_view.testsfailed = summary.failed
        user_stop = bool(config.maxfail) and summary.failed >= config.maxfail
        if stepwise_on and summary.failed >= maxfail and not user_stop:
            from ._plan.rerun import STEPWISE_STOP_REASON

            return self._finish(start, EXIT_INTERRUPTED, STEPWISE_STOP_REASON)
        if summary.interrupted and summary.exit_code is None and summary.interrupted == "KeyboardInterrupt":
            return self._finish(start, EXIT_INTERRUPTED, summary.interrupted)
        if summary.exit_code is not None:
            return self._finish(start, summary.exit_code, summary.interrupted)
        if summary.failed or collection.errors:
            code = EXIT_TESTS_FAILED
        elif not selected:
            # As pytest: a run whose only outcome is a module skipped at import collected no test.
            code = EXIT_NO_TESTS
        elif state.reruns is not None and state.reruns.fail_on_flaky and state.reruns.rerun_tests:
            code = EXIT_FLAKY  # pytest-rerunfailures' --fail-on-flaky: passed, but only on a rerun
        else:
            code = EXIT_OK
        return self._finish(start, code, summary.interrupted, loop_finished=summary.interrupted is None)

    def _rerun_settings(self) -> RerunSettings | None:
        """pytest-rerunfailures' options, where it is installed (its stand-in is registered)."""
        from ._builtins import rerunfailures

        if not self._registered(rerunfailures):
            return None
        from ._execute.reruns import RerunSettings

        return RerunSettings.from_config(self.plugin_config, self.config.rootdir)

    def _registered(self, module: ModuleType) -> bool:
        """Whether a stand-in module is among the run's plugins (its plugin is installed and enabled)."""
        return any(plugin.module is module for plugin in self.hooks.plugins)

    def _flaky_registered_last(self) -> bool:
        """Whether box/flaky's stand-in was registered after pytest-rerunfailures' (both are): pluggy
        calls the later plugin's hooks first, so under pytest flaky's runtest protocol then runs
        every test. Which comes first follows the order the entry points are found in, or ``-p``."""
        from ._builtins import flaky, rerunfailures

        modules = [plugin.module for plugin in self.hooks.plugins]
        return modules.index(flaky) > modules.index(rerunfailures)

    def _flaky_settings(self) -> FlakySettings | None:
        """box/flaky's options, where it is installed (its stand-in is registered)."""
        from ._builtins import flaky

        if not self._registered(flaky):
            return None
        from ._execute.flaky import FlakySettings

        return FlakySettings.from_config(self.plugin_config)

    def _retry_settings(self) -> RetrySettings | None:
        """pytest-retry's options, where it is installed (its stand-in is registered); kept in the
        config's stash for the stand-in's terminal summary."""
        from ._builtins import retry

        if not self._registered(retry):
            return None
        from ._execute.retry import SETTINGS_KEY, RetrySettings

        settings = RetrySettings.from_config(self.plugin_config)
        self.plugin_config.stash[SETTINGS_KEY] = settings
        return settings

    def _pause_gc(self) -> None:
        """No cyclic garbage collection while collecting: collection only allocates what lives for the
        whole run (modules, functions, items), so each automatic pass re-scanned an ever larger heap
        to find nothing (0.6 s of 2 s collecting 10,000 tests). One pass runs at the end instead."""
        if gc.isenabled():
            gc.disable()
            self._gc_paused = True

    def _resume_gc(self) -> None:
        # Not gc.freeze(), although it would spare later passes the collected heap: as under
        # pytest, what collecting created stays in the collector's view, so a test that drops
        # an import-time cycle sees gc.collect() free it, and a constant tuple becomes untracked.
        if self._gc_paused:
            self._gc_paused = False
            gc.enable()

    def _write_live_log(self, when: str, text: str) -> None:
        """A live log record for the terminal, past the capture, as pytest's live logging writes it."""
        capture = self._capture
        with capture.global_and_fixture_disabled() if capture is not None else contextlib.nullcontext():
            self.broadcast.handle(LiveLogged(when, text))

    def _capture_manager(self) -> CaptureManager:
        """The run-wide capture (pytest's global one), created suspended the first time user code is
        imported and kept until the run ends, so that imports and tests all see the same streams."""
        if self._capture is None:
            from ._builtins.capture import CaptureManager

            self._capture = CaptureManager(self.config.capture)  # type: ignore[arg-type]
            self._capture.start()
            self._capture.suspend()
            self._register_terminal_plugins(self._capture)
        return self._capture

    def _item_hook_impls(self, hook: str, item: TestItem) -> list[Callable[..., Any]]:
        """A test's hook implementations as pytest's ``item.ihook`` finds them: every plugin's, and
        the conftests' of the directories from the rootdir down to the test's file only."""
        # Asked several times per test: looked up by the file's directory as a string (a Path's
        # parent is a new object to hash each time), and kept until a plugin registers.
        key = (hook, item.relpath.rpartition("/")[0])
        cached = self._item_impls.get(key)
        if cached is not None and cached[0] == self.hooks.version:
            return cached[1]
        impls = self.hooks.implementations(hook, (), self.collector.hook_owners(item.path.parent))
        self._item_impls[key] = (self.hooks.version, impls)
        return impls

    def _assertrepr_compare(self, op: str, left: object, right: object) -> list[str] | None:
        """pytest_assertrepr_compare: the first implementation with a non-empty answer wins. Looked up
        at each failing comparison, so conftests imported during collection take part."""
        from ._collect.hooks import call_with_declared, is_wrapper

        kwargs = {"config": self.plugin_config, "op": op, "left": left, "right": right}
        for impl in self.hooks.implementations("pytest_assertrepr_compare"):
            if not is_wrapper(impl):
                answer = call_with_declared(impl, kwargs)
                if answer:
                    return list(answer)
        return None

    def _register_terminal_plugins(self, capture: CaptureManager) -> None:
        """pytest's ``capturemanager`` and ``terminalreporter`` plugin objects, for conftests that
        fetch them to print (unless ``-p no:capture`` / ``-p no:terminal``)."""
        from ._shim.terminal_view import TerminalView

        plugin_manager = self.plugin_config.pluginmanager
        if plugin_manager.hasplugin("capturemanager"):
            plugin_manager.record("capturemanager", capture)
        if plugin_manager.hasplugin("terminalreporter"):
            # Made while the capture is suspended: sys.stdout is the real one.
            plugin_manager.record("terminalreporter", TerminalView(self.plugin_config, sys.stdout))

    def close(self) -> None:
        """Give the real streams back (a run that ended before its tests, or -n's parent, which only
        loaded the conftests). Stopping an already stopped capture does nothing."""
        if self._capture is not None:
            self._capture.stop()

    def _finish(
        self, start: float, code: int, interrupted: str | None = None, *, loop_finished: bool = False
    ) -> int:
        """End the session. ``loop_finished``: the tests ran to the end of the plan (or --collect-only
        listed them), where pytest's ``pytest_runtestloop`` returns rather than raises."""
        from ._execute.unraisable import SessionEndError

        self._resume_gc()
        self.close()
        try:
            end = self.end_session(code, loop_finished=loop_finished)
        except SessionEndError:
            duration = time.perf_counter() - start
            self.broadcast.handle(SessionFinished(EXIT_TESTS_FAILED, duration, interrupted, aborted=True))
            raise
        duration = time.perf_counter() - start
        return self.report_end(end, SessionFinished(end.code, duration, interrupted))

    def report_end(self, end: SessionEnd, finished: SessionFinished) -> int:
        """The run's last event, with the end hooks' output and --max-warnings' verdict on its exit
        code (returned); what ``pytest_unconfigure`` raised escapes after it, as under pytest."""
        code, notice = self.check_max_warnings(end.code)
        self.broadcast.handle(end.event(replace(finished, exit_code=code, notice=notice)))
        if end.leaving is not None:
            self.escape(end.leaving)
        return code

    def start_as_controller(self) -> None:
        """Under -n, this process is pytest-xdist's controller: its plugins and conftests are configured
        and see the session start (and, in ``end_session``, finish), though no test runs here."""
        self.wrapped = True
        self.hooks.call_historic("pytest_configure", config=self.plugin_config)
        self._warn_unsupported_hooks(controller=True)
        self.hooks.call("pytest_sessionstart", session=self.session_view)

    def _warn_unsupported_hooks(self, *, controller: bool) -> None:
        """A PluginWarning for each hook a plugin or conftest has that asynctestrun never calls. Those
        about xdist's workers are named by the main process of a run with workers only (``controller``):
        pytest calls them nowhere else, and a worker names the others, once each."""
        declared = self.plugin_config.pluginmanager.hookspec_names
        for plugin_name, hook in self.hooks.unknown_hooks():
            if hook in SILENT_HOOKS or hook in declared or (hook in XDIST_CONTROLLER_HOOKS) != controller:
                continue
            if hook in HOOKS_BEHIND_INI_KEYS and not self._ini_switch_on(HOOKS_BEHIND_INI_KEYS[hook]):
                continue
            self.broadcast.handle(
                WarningRaised(
                    f"hook {hook} in {plugin_name} is not supported by asynctestrun and was not called",
                    None,
                    "PluginWarning",
                )
            )

    def _ini_switch_on(self, key: str) -> bool:
        """Whether the bool ini key is on; a key no plugin declares (``-p no:NAME``) is off."""
        try:
            return bool(self.plugin_config.getini(key))
        except ValueError:
            return False

    def configure_node(self, name: str, count: int, run_id: str) -> str:
        """Under -n, before the worker ``name`` starts: ``pytest_configure_node``, as pytest-xdist's
        controller calls it; what the hooks added to the worker's ``workerinput``, as JSON."""
        from ._execute.xdist_protocol import configure_node

        return configure_node(self.hooks.call, self.plugin_config, name, count, run_id)

    def end_session(self, code: int, *, loop_finished: bool) -> SessionEnd:
        """``pytest_sessionfinish`` (which may change the exit status: syrupy's does for unused
        snapshots), the terminal summary hooks, ``pytest_unconfigure``; the exit status and that
        summary. Under -n the main process calls it too, as pytest-xdist's controller finishes its own
        session, but no ``pytest_testnodedown``: the plugins that read a worker's ``workeroutput`` there
        (syrupy) expect every worker to have collected the whole suite, where asynctestrun's workers
        collect only their own files."""
        from ._execute.runner import caught_warnings, session_filters

        self.wrapped = False  # pytest calls these hooks after its session wrapper's own error handling
        summary = ""
        leaving: BaseException | None = None
        finished, unconfigured = io.StringIO(), io.StringIO()
        if self.coverage is not None:
            # As pytest-cov, whose measurement ends with the test loop: what pytest_sessionfinish and
            # the later hooks run is not counted (a conftest's line there is a missed one).
            self._end_coverage(loop_finished=loop_finished)
        try:
            self.session_view.exitstatus = code
            # As pytest's warnings plugin around pytest_sessionfinish: a warning a conftest's hook
            # raises (a report of what the run saw) goes to the summary, not to stderr.
            with caught_warnings(self.config, lambda: session_filters(self.config)) as caught:
                try:
                    with held_stdout(finished):
                        self.hooks.call("pytest_sessionfinish", session=self.session_view, exitstatus=code)
                except Exit:
                    raise
                except (Exception, SystemExit) as exc:
                    # As pytest, where it escapes the session: no summary, its traceback and exit
                    # status 1, or a SystemExit's own status.
                    self.escape(exc)
                finally:
                    self._emit_recorded(caught)
            code = int(self.session_view.exitstatus)
            try:
                summary = self.plugin_summaries(code)
            except SystemExit as exc:  # pytest calls pytest_terminal_summary from pytest_sessionfinish
                self.escape(exc)
            code, coverage_summary = self.coverage_summary(code)
            summary += coverage_summary
            with held_stdout(unconfigured):
                try:
                    self.hooks.call("pytest_unconfigure", config=self.plugin_config)
                except (Exception, SystemExit) as exc:
                    # pytest's report is written by then: it escapes the session after the report (a
                    # pytest.exit() too, which pytest catches up to pytest_sessionfinish only).
                    leaving = exc
            self.plugin_config.run_cleanups()
        except Exit as exc:
            code = exc.returncode if exc.returncode is not None else code
        return SessionEnd(code, summary, finished.getvalue(), unconfigured.getvalue(), leaving)

    def escape(self, exc: BaseException) -> NoReturn:
        """Raise an error escaping the session's end: in a worker as it is (its crash, which the parent
        reports), else as a ``SessionEndError``, which ends the run once its report is written."""
        if self.config.worker:
            raise exc
        from ._execute.unraisable import SessionEndError

        raise SessionEndError(exc) from exc

    def _end_coverage(self, *, loop_finished: bool) -> None:
        """Stop measuring. pytest-cov saves its data (then reports, checks ``--cov-fail-under``) once
        pytest's test loop returns: a run stopped by -x / --maxfail, --sw, ``pytest.exit()``, Ctrl-C
        or collection errors, or one that never reached the loop (``--fixtures``, a bad ``-k``), has
        no data file and no report. An xdist worker's loop returns however the run stopped."""
        assert self.coverage is not None
        if loop_finished or self.config.worker:
            self.coverage.stop()
        else:
            self.coverage.abandon()
            self.coverage = None

    def coverage_summary(self, code: int) -> tuple[int, str]:
        """``--cov``: a worker saves its data; the reporting process combines, reports and checks
        ``--cov-fail-under``, which fails a run whose tests passed (exit 1), as pytest-cov does."""
        coverage, self.coverage = self.coverage, None
        if coverage is None:
            return code, ""
        if self.config.worker:
            coverage.stop()
            return code, ""
        from ._report.terminal import _rule, _width

        width = _width()
        text, failed = coverage.report(
            tests_failed=code != EXIT_OK,
            rule=lambda title, char: _rule(title, char, width),
            check_fail_under=not self.config.collect_only,
        )
        return (EXIT_TESTS_FAILED if failed and code == EXIT_OK else code), text

    def check_max_warnings(self, code: int) -> tuple[int, str]:
        """``--max-warnings``: a run whose tests all passed fails (exit 6) with more warnings than
        allowed, counted as pytest counts them (``RUNNER_ONLY_WARNINGS`` left out); the notice says
        so above the closing line."""
        limit = self.config.max_warnings
        counted = self.warning_counter.count if self.warning_counter is not None else 0
        if code != EXIT_OK or limit is None or counted <= limit:
            return code, ""
        return EXIT_MAX_WARNINGS, f"Tests pass, but maximum allowed warnings exceeded: {counted} > {limit}"

    def _report_header(self) -> tuple[str, ...]:
        """The pytest_report_header hooks' lines, plugins' before conftests' as pytest shows them."""
        return self._report_lines("pytest_report_header")

    def _report_lines(self, hook: str, **extra: Any) -> tuple[str, ...]:
        """A reporting hook's answers as lines (each a string or a list of them), in the order pytest
        writes them: the reverse of the calls, so plugins' before conftests'."""
        start_path = self.config.invocation_dir
        kwargs = {"config": self.plugin_config, "start_path": start_path, "startdir": start_path, **extra}
        lines: list[str] = []
        for answer in self._call_guarded(hook, kwargs, reverse=True):
            if isinstance(answer, str):
                lines.append(answer)
            elif answer:
                lines.extend(str(line) for line in answer)
        return tuple(lines)

    def plugin_summaries(self, code: int) -> str:
        """What the pytest_terminal_summary hooks write, for the reporters to show."""
        if self.config.worker or not self.hooks.implementations("pytest_terminal_summary"):
            return ""  # with -n, the parent reports, as xdist's controller
        from ._shim.terminal_view import TerminalView

        written = io.StringIO()
        view = TerminalView(self.plugin_config, written)
        kwargs = {"terminalreporter": view, "exitstatus": code, "config": self.plugin_config}
        # What a hook prints (print(), a rich Console of its own, as pytest-textual-snapshot's report)
        # lands where pytest shows it, among the summary's sections: it went to the terminal at once,
        # above the progress line's end and the failures.
        with contextlib.redirect_stdout(written):
            self._call_guarded("pytest_terminal_summary", kwargs)
        return written.getvalue()

    def _call_guarded(self, hook: str, kwargs: dict[str, Any], *, reverse: bool = False) -> list[Any]:
        """A reporting hook's plain implementations, each on its own: one that raises is a warning
        (under pytest the run would not start, or would end with an internal error once the outcomes
        are known). The answers other than None, in call order."""
        from ._collect.hooks import call_with_declared, is_wrapper

        impls = [impl for impl in self.hooks.implementations(hook) if not is_wrapper(impl)]
        answers: list[Any] = []
        for impl in reversed(impls) if reverse else impls:
            try:
                answer = call_with_declared(impl, kwargs)
            except Exception as exc:
                message = f"{hook} of {impl.__module__} failed: {type(exc).__name__}: {exc}"
                self.broadcast.handle(WarningRaised(message, None, "PluginWarning"))
                continue
            if answer is not None:
                answers.append(answer)
        return answers

    def _modify_items(
        self, collection: Collection, start: float
    ) -> tuple[list[TestItem], dict[str, ItemNode], RerunResult[TestItem]]:
        """The collection hooks, and between them ``-k`` / ``-m`` / ``--deselect``, then ``--lf`` /
        ``--ff`` / ``--nf`` / ``--sw`` and ``--shard``: the tests selected, each test's node, and what
        the cache's options did. Those left out are reported through ``pytest_deselected``."""
        tree = self.session_view.nodes
        nodes = [item_node(item, self.plugin_config, self.session_view, tree) for item in collection.items]
        self.session_view.items = nodes
        self.hooks.call(
            "pytest_collection_modifyitems", session=self.session_view, config=self.plugin_config, items=nodes
        )
        items: list[TestItem] = []
        by_id: dict[str, ItemNode] = {}
        parents_have_extra_keywords = tree.parents_have_extra_keywords()
        for node in nodes:
            item = node.modified_item(parents_have_extra_keywords)
            node._item = item
            items.append(item)
            by_id[item.nodeid] = node
        selected, deselected = self._select(items, collection, start)
        # pytest's cache plugins select in hook wrappers around the other modifyitems hooks, after
        # -k / -m, and its --shard look-alikes (pytest-shard) in theirs: all before collection_finish.
        rerun = self._apply_rerun(selected)
        chosen = rerun.items
        if self.config.shard and not self.config.numprocesses:
            chosen, _ = _keep_shard(chosen, self.config)
        deselected += len(selected) - len(chosen)
        selected = chosen
        # pytest deselects in its own pytest_collection_modifyitems, so pytest_collection_finish sees
        # the session's items without those, in the order --ff / --nf gave them: syrupy tells a partial
        # run from a whole one so, and counts the snapshots of the tests left out as unused otherwise.
        node_of = {id(node.item): node for node in nodes}
        self.session_view.items = [node_of[id(item)] for item in selected]
        if deselected:
            # As pytest's, plugins hear of them, and so does the count the summary shows
            # (_DeselectedCounter).
            kept = {id(item) for item in selected}
            left_out = [node for node in nodes if id(node.item) not in kept]
            self.hooks.call("pytest_deselected", items=left_out)
        self.hooks.call("pytest_collection_finish", session=self.session_view)
        self.collection_report_lines = self._report_lines(
            "pytest_report_collectionfinish", items=self.session_view.items
        )
        return selected, by_id, rerun

    def _apply_rerun(self, items: list[TestItem]) -> RerunResult[TestItem]:
        from ._plan.rerun import apply_rerun

        last_failed = self.collector.last_failed
        skipped_files = last_failed.skipped_files if last_failed is not None else 0
        return apply_rerun(items, self._rerun_options(), self.cache, skipped_files=skipped_files)

    def _select(
        self, items: list[TestItem], collection: Collection, start: float
    ) -> tuple[list[TestItem], int]:
        """``-k`` / ``-m`` / ``--deselect``. pytest raises a bad expression's usage error from inside its
        session, so the session still ends first: its summary shows what collection found (collection
        errors, "no tests ran") and the JUnit file has them, then the error is printed (exit 4)."""
        try:
            return select(items, self.config, self._is_registered_mark)
        except ConfigError:
            self._collection_ended(collection, ())
            self._finish(start, EXIT_USAGE_ERROR)
            raise

    def _collection_tree(self, items: list[TestItem]) -> tuple[tuple[CollectedNode, ...], ...]:
        """What ``--collect-only`` draws: each test's chain of nodes (with docstrings under -v)."""
        from ._collect.tree import collection_chain
        from ._plan.plan import claimed_by_asyncio

        config = self.config
        return tuple(
            collection_chain(
                item,
                config.rootdir,
                claimed_by_asyncio=claimed_by_asyncio(item, config),
                with_docs=config.verbose > 0,
            )
            for item in items
        )

    def _collection_ended(self, collection: Collection, nodeids: tuple[str, ...]) -> None:
        """What collection found, reported where the run stops before selecting and running tests."""
        skipped = len(collection.skipped_modules)
        self.broadcast.handle(CollectionFinished(nodeids, tuple(collection.errors), 0, (), skipped=skipped))
        self._report_skipped_modules(collection)

    def _unknown_marks(self, items: list[TestItem]) -> list[tuple[str, str]]:
        unknown: list[tuple[str, str]] = []
        for item in items:
            for mark in item.marks:
                if not self._is_registered_mark(mark.name):
                    unknown.append((item.nodeid, mark.name))
        return unknown

    def _is_registered_mark(self, name: str) -> bool:
        """Registered in the ini ``markers``, by a plugin or conftest, or built in. The set is rebuilt
        only when a plugin or conftest has added markers since the last question."""
        added = self.plugin_config._ini_lines.get("markers", [])
        if self._registered_marks is None or self._registered_marks[0] != len(added):
            names = {_mark_name(line) for line in (*self.config.markers, *added)}
            self._registered_marks = (
                len(added),
                frozenset(
                    names
                    | self._builtin_marks()
                    | _plugin_marks(self.config.blocked_plugins())
                    | self._async_plugin_marks()
                ),
            )
        return name in self._registered_marks[1]

    def _show_markers(self) -> int:
        """``--markers``: the list, once plugins and conftests have registered theirs; nothing runs."""
        from ._report.markers_list import print_markers

        registered = (*self.config.markers, *self.plugin_config._ini_lines.get("markers", []))
        plugin_marks = _plugin_marks(self.config.blocked_plugins())
        print_markers(registered, sorted(self._async_plugin_marks()), plugin_marks)
        self.hooks.call("pytest_unconfigure", config=self.plugin_config)
        self.plugin_config.run_cleanups()
        return EXIT_OK

    def _builtin_marks(self) -> frozenset[str]:
        """pytest's own marks; ``filterwarnings`` is its warnings plugin's, gone under ``-p no:warnings``."""
        if self.config.warnings_plugin:
            return BUILTIN_MARKS
        return BUILTIN_MARKS - {"filterwarnings"}

    def _async_plugin_marks(self) -> frozenset[str]:
        """pytest-asyncio registers ``asyncio`` and anyio's plugin ``anyio``; where the plugin is disabled
        its mark is unknown, as in pytest."""
        marks = {"asyncio"} if self.config.asyncio_plugin else set()
        if self.config.anyio_plugin and importlib.util.find_spec("anyio") is not None:
            marks.add("anyio")
        return frozenset(marks)

    def _report_skipped_modules(self, collection: Collection) -> None:
        for nodeid, reason, line, where in collection.skipped_modules:
            path = nodeid.split("::", 1)[0]  # a module, or a class in it
            result = TestResult(
                nodeid=nodeid,
                path=path,
                lineno=line,
                phases=(
                    PhaseResult(
                        Phase.SETUP,
                        PhaseOutcome.SKIPPED,
                        0.0,
                        reason=reason,
                        message=where,
                    ),
                ),
                collection_skip=True,
            )
            from ._model.events import TestFinished

            self.broadcast.handle(TestFinished(result))
            del result


_FIXTURE_LOOP_SCOPE_UNSET = (
    'The configuration option "asyncio_default_fixture_loop_scope" is unset.\n'
    "The event loop scope for asynchronous fixtures will default to the fixture scope. Future versions of "
    'pytest-asyncio will default the loop scope for asynchronous fixtures to "function" scope. Set the '
    "default fixture loop scope explicitly in order to avoid unexpected behavior in the future. Valid "
    'fixture loop scopes are: "function", "class", "module", "package", "session". Set it to "fixture-scope" '
    "to keep the current behavior.\n"
)


def warn_unset_fixture_loop_scope(config: Config) -> None:
    """pytest-asyncio's pytest_configure warns when ``asyncio_default_fixture_loop_scope`` is unset or
    empty, and pytest applies the suite's filters (ini, then -W) there: under "error" the warning is
    raised and the run stops with an internal error (exit 3) before anything is collected.

    Under ``-n`` pytest-xdist's controller is configured too, so the warning is shown once and the
    error stops the run there; the parallel path calls this before it starts any worker."""
    if config.ini.get("asyncio_default_fixture_loop_scope") or not config.asyncio_plugin:
        return
    from ._declare.pytest_warnings import PytestDeprecationWarning
    from ._execute.runner import add_filter

    with warnings.catch_warnings():
        if not sys.warnoptions:
            warnings.filterwarnings("always", category=DeprecationWarning)
        for spec in config.filterwarnings:
            add_filter(spec)
        filename, lineno = _unset_scope_warning_site()
        warnings.warn_explicit(
            PytestDeprecationWarning(_FIXTURE_LOOP_SCOPE_UNSET),
            PytestDeprecationWarning,
            filename=filename,
            lineno=lineno,
            module="pytest_asyncio.plugin",
        )


def _unset_scope_warning_site() -> tuple[str, int]:
    """Where pytest-asyncio's ``pytest_configure`` gives the unset-loop-scope warning: the installed
    plugin module's path and the line of its ``warnings.warn`` call, so the warning reads as under
    pytest (``.../pytest_asyncio/plugin.py:306: PytestDeprecationWarning: ...``, with that line's
    source below it). Found without importing the plugin, whose name the shim stands in for. Without
    pytest-asyncio installed, or a version that words the call otherwise, a stand-in place."""
    from importlib.machinery import PathFinder

    spec = PathFinder.find_spec("pytest_asyncio")
    for directory in (spec and spec.submodule_search_locations) or ():
        plugin = Path(directory) / "plugin.py"
        try:
            lines = plugin.read_text(encoding="utf-8").splitlines()
        except OSError:
            continue
        for lineno, line in enumerate(lines, start=1):
            if "warnings.warn(PytestDeprecationWarning(_DEFAULT_FIXTURE_LOOP_SCOPE_UNSET))" in line:
                return str(plugin), lineno
    return "pytest_asyncio/plugin.py", 0


def log_root_level(config: Config) -> int | None:
    """The level pytest's run-wide log handlers lower the root logger to; a bad level name is a usage
    error, as in pytest."""
    from ._builtins.logging import lowest_level
    from ._execute.session_state import run_log_levels

    try:
        return lowest_level(config.log_level, run_log_levels(config))
    except ValueError as exc:
        raise ConfigError(str(exc)) from None


def live_log_handler(config: Config, write: Callable[[str, str], None]) -> LiveLogHandler | None:
    """Live logging's handler where ``log_cli`` (or ``--log-cli-level``) turns it on, in the main
    process: at ``log_cli_level`` (else ``log_level``), formatted by ``log_cli_format`` /
    ``log_cli_date_format`` (else the captured log's format)."""
    if not config.log_cli or config.worker:
        return None
    from ._builtins.logging import LiveLogHandler, resolve_level
    from ._execute.session_state import log_formats, run_log_levels

    level = resolve_level(run_log_levels(config).get("log_cli_level"), "log_cli_level")
    return LiveLogHandler(write, level, *log_formats(config, "cli"))


def log_file_handler(config: Config) -> logging.Handler | None:
    """The log file's handler where ``log_file`` / ``--log-file`` names one (relative to the directory
    the run started in), formatted by ``log_file_format`` / ``log_file_date_format`` (else the captured
    log's format), at ``log_file_level`` (else ``log_level``), opened with ``log_file_mode`` ("w")."""
    from ._builtins.logging import file_handler, resolve_level
    from ._execute.session_state import log_formats, log_setting, run_log_levels

    path = log_setting(config, "log_file")
    if path is None or path == os.devnull:
        return None
    level = resolve_level(run_log_levels(config).get("log_file_level"), "log_file_level")
    mode = log_setting(config, "log_file_mode") or "w"
    return file_handler(config.invocation_dir / path, mode, level, *log_formats(config, "file"))


def _keep_shard(items: list[TestItem], config: Config) -> tuple[list[TestItem], int]:
    """``--shard i/N``: split the discovered files (not the selected tests), so every shard computes the
    same split whatever ``-k``/``--lf`` selected, and with or without ``-n``. Balanced by the durations
    file, the same in every job; never by this machine's cache."""
    from ._execute.workers import worker_targets
    from ._plan.shard import durations_for_sharding, file_of, shard

    assert config.shard is not None
    durations = durations_for_sharding(config)
    mine = {file_of(t) for t in shard(worker_targets(config), config.shard[0], config.shard[1], durations)}
    kept = [item for item in items if file_of(item.nodeid) in mine]
    return kept, len(items) - len(kept)


class _DeselectedCounter:
    """Counts the tests reported through ``config.hook.pytest_deselected``, as pytest's summary does:
    those ``-k`` / ``-m`` / ``--deselect`` leave out (the session reports them) and those plugins
    leave out (codspeed's benchmarks-only run)."""

    def __init__(self) -> None:
        self.count = 0

    def pytest_deselected(self, items: Sequence[object]) -> None:
        self.count += len(items)


BUILTIN_MARKS = frozenset(
    {
        "parametrize",
        "skip",
        "skipif",
        "xfail",
        "usefixtures",
        "filterwarnings",
        "tryfirst",
        "trylast",
    }
)
# Marks the plugins asynctestrun replaces register under pytest, when they are installed and not turned
# off with -p no:NAME (pytest-asyncio's and anyio's are in Session._async_plugin_marks): the module
# that tells the plugin is installed, the name -p no:NAME matches (its entry point's), the mark.
_PLUGIN_MARKS = (
    ("pytest_timeout", "timeout", "timeout"),
    ("xdist", "xdist", "xdist_group"),
    ("pytest_cov", "pytest_cov", "no_cover"),
    ("pytest_benchmark", "benchmark", "benchmark"),
    ("hypothesis", "hypothesispytest", "hypothesis"),
)


def _start_coverage(args: Sequence[str], config: Config) -> CoverageRun | None:
    """pytest-cov's ``--cov`` options among the flags the CLI did not know, acted on where coverage.py
    is installed. Under -n each process measures into a file of its own, combined by the parent."""
    if not any(arg.startswith("--cov") for arg in args):
        return None
    from ._execute import measure_coverage

    if not measure_coverage.available():
        return None
    try:
        settings = measure_coverage.settings_from(args)
    except measure_coverage.CoverageUsageError as exc:
        raise ConfigError(str(exc)) from None
    if settings is None:
        return None
    run = measure_coverage.CoverageRun(settings, parallel=bool(config.numprocesses) or config.worker)
    run.start(erase=not config.worker, measure=config.worker or not config.numprocesses)
    return run


@functools.cache
def _installed_plugin_marks() -> tuple[tuple[str, str], ...]:
    """(plugin name, mark) of the installed ones. Asked once a run: the registered marks are rebuilt
    whenever a conftest adds markers."""
    return tuple(
        (plugin, mark)
        for module, plugin, mark in _PLUGIN_MARKS
        if importlib.util.find_spec(module) is not None
    )


def _plugin_marks(blocked: frozenset[str]) -> frozenset[str]:
    """The marks of the installed replaced plugins that ``-p no:NAME`` (``blocked``) left loaded."""
    return frozenset(mark for plugin, mark in _installed_plugin_marks() if plugin not in blocked)


def _enable_faulthandler() -> None:
    """As pytest's faulthandler plugin: a crash (segfault, abort) prints every thread's Python stack.
    A worker sets its own up (``_report.jsonlines``); one already enabled (``python -X faulthandler``)
    is left as it is."""
    import faulthandler

    from ._execute.stack_dumps import enable_crash_dumps

    if not faulthandler.is_enabled():
        enable_crash_dumps()


def _mark_name(line: str) -> str:
    return line.split(":", 1)[0].split("(", 1)[0].strip()


def _plain_asserts(args: Sequence[str]) -> bool:
    """``--assert=plain`` (a tolerated option, parsed later): asserts are left as Python runs them.
    Read here because rewriting is set up before the first conftest imports."""
    for index, arg in enumerate(args):
        if arg == "--assert=plain" or (arg == "--assert" and list(args[index + 1 : index + 2]) == ["plain"]):
            return True
    return False


def _install_rewriter(config: Config) -> Any:
    if sys.flags.optimize:
        return None
    from ._collect.discover import matches_any
    from ._rewrite.hook import RewritingFinder, install

    patterns = config.python_files
    rootdir = str(config.rootdir)

    def should_rewrite(name: str, path: Any) -> bool:
        text = str(path)
        return (path.name == "conftest.py" or matches_any(path.name, patterns)) and (
            text.startswith(rootdir) or "site-packages" not in text
        )

    def may_rewrite(name: str) -> bool:
        last = name.rpartition(".")[2]
        return last == "conftest" or matches_any(f"{last}.py", patterns)

    finder = RewritingFinder(should_rewrite, name_filter=may_rewrite)
    install(finder)
    return finder


def _prepend_pythonpath(config: Config) -> None:
    """The ``pythonpath`` ini option: directories put in front of sys.path before anything imports."""
    base = config.inipath.parent if config.inipath else config.rootdir
    for entry in reversed(get_list(config.ini, "pythonpath")):
        path = str((base / entry).resolve())
        if path not in sys.path:
            sys.path.insert(0, path)


def _configure_assertions(
    config: Config, compare_hook: Callable[[str, object, object], list[str] | None]
) -> None:
    """How much detail failing asserts show: more with -v/-vv; never truncated on CI (as pytest)."""
    from ._config.config import running_on_ci
    from ._rewrite.runtime import SETTINGS, AssertionSettings

    truncate = config.verbose < 2 and not running_on_ci()
    SETTINGS.set(
        AssertionSettings(verbose=max(config.verbose, 0), truncate=truncate, compare_hook=compare_hook)
    )


# Warnings asynctestrun gives that pytest has no counterpart of (leaked tasks, loop-scope notes, slow
# callbacks, plugins it cannot run): shown, but not counted against --max-warnings, which would
# otherwise fail runs that pass under pytest.
RUNNER_ONLY_WARNINGS = frozenset({"LeakWarning", "LoopScopeWarning", "SlowCallbackWarning", "PluginWarning"})


class WarningCounter:
    """A reporter that counts the run's warnings, for ``--max-warnings``."""

    def __init__(self) -> None:
        self.count = 0

    def handle(self, event: Event) -> None:
        if isinstance(event, WarningRaised) and event.category not in RUNNER_ONLY_WARNINGS:
            self.count += 1


def _check_required_plugins(config: Config) -> None:
    """``required_plugins``: as pytest, checked once the plugins are loaded and before any conftest."""
    required = get_args(config.ini, "required_plugins")
    if not required:
        return
    from ._collect import required_plugins

    absent = required_plugins.missing(required, required_plugins.loaded_distributions(config))
    if absent:
        raise ConfigError(f"Missing required plugins: {', '.join(absent)}")
