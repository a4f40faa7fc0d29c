"""The collection stage: conftests, modules, fixtures and items, in pytest's order.

``Collector.collect()`` imports user code but runs none of its tests. Every import problem becomes a
CollectError (data, reported like a test result) instead of an exception escaping the run.
"""

from __future__ import annotations

import importlib
import os
import traceback
import types
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

from .._config.config import Config, ConfigError, StartupCrash
from .._declare.outcomes import Exit, Failed, Skipped, skip_of
from .._declare.pytest_warnings import PytestCollectionWarning
from .._model.events import maxfail_reason
from .._model.items import FuncKind, Holder, HolderKind, ScopeChain, TestItem
from .._model.outcomes import CollectError
from .._plan.registry import FixtureRegistry
from . import doctests
from .build_order import build_order, first_test_under
from .discover import (
    Target,
    is_ignored,
    is_test_file,
    parse_targets,
    walk,
    wants_doctest_module,
    wants_doctest_textfile,
)
from .harvest import (
    CollectionProblem,
    CollectorError,
    TestDefinition,
    harvest_fixtures,
    harvest_module,
    qualified_name,
)
from .hooks import HookRegistry, PluginModule
from .importer import import_path
from .items import ItemContext, build_items
from .last_failed import LastFailedFilter

if TYPE_CHECKING:
    from .._builtins.capture import CaptureManager

BUILTIN_HOLDER = Holder(HolderKind.BUILTIN, "builtin")

# Raised through collection, not a file's collection error, as pytest's collect report re-raises
# them: a test module or conftest calling sys.exit() at import ends the run (an internal error once
# the session has started; before, while the start-up conftests load, the process exits with it).
ESCAPE_COLLECTION = (KeyboardInterrupt, SystemExit)

# pytest's own plugins a suite turns on by name, and asynctestrun's version of each.
BUNDLED_PLUGINS = {
    "pytester": "asynctestrun._builtins.pytester",
    "_pytest.pytester": "asynctestrun._builtins.pytester",
}
# Names pytest resolves to its own bundled plugins (or that asynctestrun itself replaces).
BUILT_IN_PLUGIN_NAMES = frozenset(
    {
        "pytest_asyncio",
        "pytest_asyncio.plugin",
        "asyncio",
        "anyio",
        "anyio.pytest_plugin",
    }
)


@dataclass(slots=True)
class Collection:
    items: list[TestItem] = field(default_factory=list)
    errors: list[CollectError] = field(default_factory=list)
    # Modules, and classes, skipped while collected: (nodeid, reason, line in the module, where the
    # skip was raised as "file:line" for the skip summary).
    skipped_modules: list[tuple[str, str, int | None, str]] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)
    modules: dict[Path, ModuleType] = field(default_factory=dict)
    # Why collection stopped before the end ("stopping after 1 failures": ``-x`` / ``--maxfail``
    # reached by collection errors), or None when every target was collected.
    stopped: str | None = None

    def __repr__(self) -> str:
        # Short for the same reason as TestItem's: the session's frame holds it while tests run.
        return f"<Collection of {len(self.items)} items, {len(self.errors)} errors>"


@dataclass(slots=True)
class Collector:
    config: Config
    registry: FixtureRegistry
    hooks: HookRegistry
    plugin_config: Any
    plugin_holders: list[Holder] = field(default_factory=list)
    conftests: dict[Path, ModuleType | None] = field(default_factory=dict)  # dir -> conftest (None: none)
    on_plugin_module: Callable[[ModuleType], None] | None = None
    # The node of a test file's directory (path, node id), the parent pytest_pycollect_makemodule gets.
    directory_node: Callable[[Path, str], object] | None = None
    # The node of a test module (path, node id), the collector pytest_collectstart gets.
    module_node: Callable[[Path, str], object] | None = None
    conftest_errors: list[CollectError] = field(default_factory=list)
    # Set once the start-up conftests are loaded: a conftest found later while collecting may not
    # name plugins (pytest_plugins), as pytest refuses once it is configured.
    started: bool = False
    # conftest.py files that failed to import -> their traceback (without a test module's heading)
    failed_conftests: dict[Path, str] = field(default_factory=dict)
    # conftest.py files found while collecting that skipped (pytest.skip, importorskip): their
    # directory is a skipped collector, reported as a module skip is, and nothing below it is collected.
    skipped_conftests: set[Path] = field(default_factory=set)
    conftest_skips: list[tuple[str, str, int | None, str]] = field(default_factory=list)
    seen_nodeids: set[str] = field(default_factory=set)
    # A test file's items, once harvested: a file reached again (a directory and a subdirectory both
    # named, say) reuses them, as pytest reuses its collected module, so a parametrize over an
    # iterator, used up by the first harvest, is not read a second time as an empty one.
    file_items: dict[Path, list[TestItem]] = field(default_factory=dict)
    plugin_warnings: list[str] = field(default_factory=list)
    conftest_dirs_memo: dict[Path, list[Path]] = field(default_factory=dict)
    # The run's output capture, active while test files import (None: not capturing).
    capture: CaptureManager | None = None
    # --lf with failures recorded: files without one are skipped unread, tests that passed not collected.
    last_failed: LastFailedFilter | None = None
    # Set when -x / --maxfail, reached by collection errors, stopped the collection at a class (the
    # rest of its file is left out, as the next files are).
    maxfail_stop: str | None = None
    # In a worker, while it collects a file of another worker's (Config.worker_own): imported for what
    # it does as it imports, its tests and errors left to that worker, and not counted towards -x.
    collecting_foreign: bool = False
    # In a worker: the files it runs (rootdir-relative), from Config.worker_own; empty: all.
    own_files: frozenset[str] = frozenset()

    # -- plugins and conftests -------------------------------------------------------------
    def register_plugin(self, name: str, module: ModuleType | object) -> None:
        if any(plugin.module is module for plugin in self.hooks.plugins):
            return  # the same module under another name (``-p module`` and its entry point)
        holder = Holder(HolderKind.PLUGIN, name)
        if holder not in self.plugin_holders:
            self.plugin_holders.append(holder)
            self.registry.add_all(harvest_fixtures(module, holder, self.config))
        self.hooks.register(PluginModule(name, module))

    def register_bundled(self, name: str) -> bool:
        """pytest's own plugin ``name`` (``pytester``), named by ``-p`` or ``pytest_plugins``:
        asynctestrun's version of it is registered. False for any other name."""
        module_name = BUNDLED_PLUGINS.get(name)
        if module_name is None:
            return False
        self.register_plugin(module_name.rpartition(".")[2], importlib.import_module(module_name))
        return True

    def conftest_dirs(self, directory: Path) -> list[Path]:
        """Directories from the conftest cut-off dir down to ``directory`` (inclusive)."""
        found = self.conftest_dirs_memo.get(directory)
        if found is None:
            cutoff = self.config.inipath.parent if self.config.inipath else self.config.rootdir
            dirs = [directory, *directory.parents]
            chain = [d for d in dirs if d == cutoff or cutoff in d.parents]
            found = self.conftest_dirs_memo[directory] = list(reversed(chain))
        return list(found)

    def load_conftests(self, directory: Path) -> list[Holder]:
        holders: list[Holder] = []
        for d in self.conftest_dirs(directory):
            if d not in self.conftests:
                self.conftests[d] = self._import_conftest(d)
            if self.conftests[d] is not None:
                holders.append(Holder(HolderKind.CONFTEST, str(d)))
        return holders

    def _import_conftest(self, directory: Path) -> ModuleType | None:
        path = directory / "conftest.py"
        if self.config.noconftest or not path.is_file() or is_ignored(path, self.config):
            return None
        try:
            module = import_path(path, mode=self.config.import_mode, rootdir=self.config.rootdir)
            if self.started and hasattr(module, "pytest_plugins"):
                raise _LatePluginsError(self._late_plugins_message(path))
            holder = Holder(HolderKind.CONFTEST, str(directory))
            # Registered before the plugins it declares, as pytest does: a later registration's hooks
            # run first, so its plugins' hook wrappers wrap the conftest's.
            self.hooks.register(PluginModule(str(path), module, conftest=True))
            self.load_declared_plugins(module)
            self.registry.add_all(harvest_fixtures(module, holder, self.config))
        except ESCAPE_COLLECTION as exc:
            if self.started or isinstance(exc, KeyboardInterrupt):
                raise
            raise _startup_crash(exc, path) from None
        except Exit as exc:
            if self.started:
                raise
            # Before the run starts pytest wraps any Exception of a conftest, pytest.exit's included,
            # in its conftest import error (exit 4).
            self._record_failed_conftest(directory, path, exc)
            return None
        except _LatePluginsError as exc:
            text = str(exc)
            self.failed_conftests[path] = text
            self.conftest_errors.append(CollectError(self.relpath(directory), text, failed_message(text)))
            return None
        except BaseException as exc:
            if not self.started and not isinstance(exc, Exception):
                # pytest lets a start-up conftest's BaseException (pytest.skip / fail, sys.exit) escape:
                # the run ends as an uncaught exception ends Python.
                raise _startup_crash(exc, path) from None
            if isinstance(exc, Skipped):
                # As pytest, with or without allow_module_level: the directory is skipped.
                self.skipped_conftests.add(path)
                skip = (self.relpath(directory), exc.msg or "", *self._skip_site(exc, path))
                self.conftest_skips.append(skip)
                return None
            self._record_failed_conftest(directory, path, exc)
            return None
        if self.on_plugin_module is not None:
            self.on_plugin_module(module)
        return module

    def _record_failed_conftest(self, directory: Path, path: Path, exc: BaseException) -> None:
        """As pytest, the directory fails to collect: its error carries the directory's node id and
        nothing below it is collected (``ignored_by_conftest``); at start-up the run stops on it."""
        traceback_text = _import_traceback(exc, path, self.config.rootdir)
        self.failed_conftests[path] = traceback_text
        self.conftest_errors.append(
            CollectError(
                self.relpath(directory),
                _with_import_heading(exc, path, traceback_text),
                f"{type(exc).__name__}: {exc}",
            )
        )

    def _late_plugins_message(self, path: Path) -> str:
        return (
            "Defining 'pytest_plugins' in a non-top-level conftest is no longer supported:\n"
            "It affects the entire test suite instead of just below the conftest as expected.\n"
            f"  {path}\n"
            "Please move it to a top level conftest file at the rootdir:\n"
            f"  {self.config.rootdir}\n"
            "For more information, visit:\n"
            "  https://docs.pytest.org/en/stable/deprecations.html#pytest-plugins-in-non-top-level-conftest-files"
        )

    def load_declared_plugins(self, module: ModuleType) -> None:
        declared = getattr(module, "pytest_plugins", ())
        if isinstance(declared, str):
            declared = [declared]

        for name in declared:
            if name in self.config.blocked_plugins():
                continue
            if self.register_bundled(name):
                continue
            if name in BUILT_IN_PLUGIN_NAMES:
                # pytest's own plugins or ones asynctestrun replaces (pytest_asyncio).
                if name not in ("pytest_asyncio", "asyncio", "anyio"):
                    self.plugin_warnings.append(
                        f"pytest_plugins names {name!r}, a pytest-internal plugin asynctestrun does not "
                        "provide; tests using its fixtures will report them as not found"
                    )
                continue
            plugin = importlib.import_module(name)
            self.load_declared_plugins(plugin)
            self.register_plugin(name, plugin)
            if self.on_plugin_module is not None:
                self.on_plugin_module(plugin)

    def _below_failed_or_skipped_conftest(self, path: Path) -> bool:
        """Below a conftest that failed to import or skipped: not collected."""
        if not self.failed_conftests and not self.skipped_conftests:
            return False
        return any(
            d / "conftest.py" in self.failed_conftests or d / "conftest.py" in self.skipped_conftests
            for d in self.conftest_dirs(path.parent)
        )

    def ignored_by_conftest(self, path: Path) -> bool:
        """``collect_ignore``/``collect_ignore_glob`` in conftests above ``path``, and the
        ``pytest_ignore_collect`` hook (first non-None answer wins, as in pytest)."""
        import fnmatch

        if self._below_failed_or_skipped_conftest(path):
            return True
        for directory in self.conftest_dirs(path.parent):
            module = self.conftests.get(directory)
            if module is None:
                continue
            for entry in getattr(module, "collect_ignore", None) or ():
                if path == (directory / str(entry)).resolve():
                    return True
            for pattern in getattr(module, "collect_ignore_glob", None) or ():
                if fnmatch.fnmatch(str(path), str(directory / str(pattern))):
                    return True
        owners = [self.conftests[d] for d in self.conftest_dirs(path.parent) if self.conftests.get(d)]
        answers = self.hooks.call_scoped(
            "pytest_ignore_collect", owners, collection_path=path, path=path, config=self.plugin_config
        )
        return bool(answers and answers[0])

    def _collected_by_made_module(self, path: Path, relpath: str, collection: Collection) -> bool:
        """A conftest's ``pytest_pycollect_makemodule`` (pytest asks it first, its own answer last).
        None, or a module node without a ``collect`` of its own, leaves the file to the usual import.
        A node with its own ``collect`` is collected by calling it, and the file is not imported: an
        empty answer leaves the file out without an error, which is how suites skip a file whose
        optional dependency is missing. Items a custom collector returns are not run here, and the
        file's collection error says so."""
        owners = [self.conftests[d] for d in self.conftest_dirs(path.parent) if self.conftests.get(d)]
        if not self.hooks.implementations("pytest_pycollect_makemodule", (), owners):
            return False
        parent = self.directory_node(path.parent, self.relpath(path.parent)) if self.directory_node else None
        try:
            made = self.hooks.call_first(
                "pytest_pycollect_makemodule", owners, module_path=path, parent=parent
            )
            collect = getattr(made, "collect", None)
            if made is None or not callable(collect):
                return False
            collected = list(collect())
        except (Exit, *ESCAPE_COLLECTION):
            raise
        except BaseException as exc:
            collection.errors.append(self._collection_error(relpath, exc, path))
            return True
        if collected:
            text = (
                f"pytest_pycollect_makemodule made {type(made).__name__}, whose collect() returned "
                f"{len(collected)} node(s): asynctestrun runs only the tests it collects itself"
            )
            collection.errors.append(CollectError(relpath, text, text))
        return True

    def _module_collect_starts(self, path: Path, relpath: str) -> None:
        """``pytest_collectstart`` with the test module's node, before the file imports, as pytest calls
        it for each module it collects, one yielding no test or one --lf leaves unread included: syrupy
        records every collected module so, to tell a module's unused snapshots from those of a module
        left out of the run."""
        owners = [self.conftests[d] for d in self.conftest_dirs(path.parent) if self.conftests.get(d)]
        if self.module_node is None or not self.hooks.implementations("pytest_collectstart", (), owners):
            return
        self.hooks.call_scoped("pytest_collectstart", owners, collector=self.module_node(path, relpath))

    def relpath(self, path: Path) -> str:
        try:
            return path.relative_to(self.config.rootdir).as_posix()
        except ValueError:
            import os

            return Path(os.path.relpath(path, self.config.rootdir)).as_posix()

    # -- test files --------------------------------------------------------------------------
    def collect(self) -> Collection:
        collection = Collection()
        self._take_conftest_reports(collection)
        targets = parse_targets(self.config)
        if self.last_failed is not None:
            targets = self.last_failed.first(targets, lambda target: target.path)
        seen: set[tuple[Path, tuple[str, ...]]] = set()
        self.maxfail_stop = None
        self.own_files = frozenset(target.split("::", 1)[0] for target in self.config.worker_own)
        try:
            for target in targets:
                if (target.path, target.parts) in seen:
                    continue
                seen.add((target.path, target.parts))
                self._collect_target(target, collection)
        except _MaxfailReached as stop:
            collection.stopped = str(stop)
        collection.stopped = collection.stopped or self.maxfail_stop
        self._take_conftest_reports(collection)
        return collection

    def _start_node(self, collection: Collection) -> None:
        """Called before each file or directory is collected, as pytest's ``pytest_collectstart``:
        pytest counts a failed collection report as a failure, so once ``-x`` / ``--maxfail`` is
        reached by collection errors, the next node it would collect ends the collection (what came
        before is kept; a limit reached by the very last node lets collection finish)."""
        reached = self._maxfail_reached(collection)
        if reached is not None:
            raise _MaxfailReached(reached)

    def _maxfail_reached(self, collection: Collection) -> str | None:
        maxfail = self.config.maxfail
        if self.collecting_foreign:
            return None
        failures = len(collection.errors) + len(self.conftest_errors)
        return maxfail_reason(failures) if maxfail and failures >= maxfail else None

    def _collect_target(self, target: Target, collection: Collection) -> None:
        self._start_node(collection)
        if target.path.is_dir():
            self.load_conftests(target.path)
            prefer = self.last_failed.paths if self.last_failed is not None else frozenset()
            files: Iterable[Path] = walk(target.path, self.config, self.ignored_by_conftest, prefer)
            for path in files:
                self._start_node(collection)
                if path.is_dir():
                    self.load_conftests(path)
                    self._take_conftest_reports(collection)
                else:
                    self._collect_file(path, collection, ())
        else:
            self._collect_file(target.path, collection, target.parts, named=True)

    def _take_conftest_reports(
        self, collection: Collection, first_error: int | None = None, first_skip: int | None = None
    ) -> None:
        """A failed (or skipped) conftest's directory report goes where pytest reports it: in
        collection order, as the directory is collected, before the files after it (before the
        reports from ``first_error`` / ``first_skip`` on, a file's own, when given)."""
        at = len(collection.errors) if first_error is None else first_error
        collection.errors[at:at] = self.conftest_errors
        self.conftest_errors.clear()
        at = len(collection.skipped_modules) if first_skip is None else first_skip
        collection.skipped_modules[at:at] = self.conftest_skips
        self.conftest_skips.clear()

    def _collect_file(
        self, path: Path, collection: Collection, parts: tuple[str, ...], named: bool = False
    ) -> None:
        first_error = len(collection.errors)
        first_skip = len(collection.skipped_modules)
        first_item = len(collection.items)
        self.collecting_foreign = not self._runs(path)
        try:
            self._collect_file_captured(path, collection, parts, named, first_error)
        finally:
            if self.collecting_foreign:
                # Another worker reports this file: its tests, errors and skips are dropped here.
                del collection.items[first_item:]
                del collection.errors[first_error:]
                del collection.skipped_modules[first_skip:]
            self.collecting_foreign = False
        # A conftest of the file's directories that failed on the way is reported before the file.
        self._take_conftest_reports(collection, first_error, first_skip)

    def _runs(self, path: Path) -> bool:
        """Whether this process runs the tests of the file ``path``: in a worker, only for its own
        files, although it collects all the run's files as an xdist worker does."""
        return not self.own_files or self.relpath(path) in self.own_files

    def _collect_file_captured(
        self, path: Path, collection: Collection, parts: tuple[str, ...], named: bool, first_error: int
    ) -> None:
        capture = self.capture
        if capture is None:
            self._collect_one_file(path, collection, parts, named)
        else:
            # As pytest: a file imports under the same capture its tests later run under (so a
            # module-level ``from sys import stdout`` is the stream the tests see), and what it printed
            # is shown only under its collection errors. Earlier output (conftests) is dropped.
            capture.read()
            self._collect_one_file(path, collection, parts, named)
            out, err = capture.read()
            sections = tuple(
                (title, text) for title, text in (("Captured stdout", out), ("Captured stderr", err)) if text
            )
            if sections:
                new_errors = collection.errors[first_error:]
                collection.errors[first_error:] = [
                    replace(e, sections=e.sections + sections) for e in new_errors
                ]

    def _collect_one_file(
        self, path: Path, collection: Collection, parts: tuple[str, ...], named: bool = False
    ) -> None:
        relpath = self.relpath(path)
        conftest_holders = self.load_conftests(path.parent)
        if self._below_failed_or_skipped_conftest(path):
            # A file named on the command line whose conftests are not start-up ones (a worker's
            # files, see ``Config.initial_args``): nothing below a failed conftest is collected, as
            # when its directory is walked.
            return
        if path in self.file_items:
            self._add_items(path, relpath, self.file_items[path], parts, collection)
            return
        chain = (BUILTIN_HOLDER, *self.plugin_holders, *conftest_holders)
        if path.suffix != ".py":
            if wants_doctest_textfile(path, self.config, named) and not self._last_failed_skips(path):
                self._collect_textfile(path, relpath, chain, collection, parts)
            return
        wants_doctests = wants_doctest_module(path, self.config)
        if path.name == "conftest.py":
            conftest = self.conftests.get(path.parent)
            if wants_doctests and conftest is not None and not self._last_failed_skips(path):
                found = self._doctest_items(conftest, path, relpath, chain, collection)
                self._add_items(path, relpath, found, parts, collection)
            return
        # A walked file is a test module by its name, one named on the command line whatever its name;
        # but a worker's files were walked by its parent, so there a doctest-only module stays one.
        as_tests = is_test_file(path, self.config) or (named and not (self.config.worker and wants_doctests))
        if as_tests:
            self._module_collect_starts(path, relpath)
        if self._last_failed_skips(path, int(as_tests) + int(wants_doctests)):
            return
        if as_tests and self._collected_by_made_module(path, relpath, collection):
            return
        module = self._import_file(path, relpath, collection, for_doctests=wants_doctests, for_tests=as_tests)
        if module is None:
            return
        collection.modules[path] = module
        items: list[TestItem] = []
        if wants_doctests:
            # pytest's doctest plugin collects a file before its python plugin: doctests come first
            # (and the tests are collected whether or not finding the doctests failed).
            items.extend(self._doctest_items(module, path, relpath, chain, collection))
        if as_tests:
            tests = self._test_items(module, path, relpath, chain, collection)
            if tests is None:
                return
            items.extend(tests)
        self.file_items[path] = items
        self._add_items(path, relpath, items, parts, collection)

    def _last_failed_skips(self, path: Path, collectors: int = 1) -> bool:
        """Whether ``--lf`` leaves the file unread; ``collectors``: how many of pytest's file collectors
        (tests, doctests) would have read it."""
        return self.last_failed is not None and self.last_failed.skips(path, collectors)

    def _import_file(
        self, path: Path, relpath: str, collection: Collection, *, for_doctests: bool, for_tests: bool
    ) -> ModuleType | None:
        """The file's module, or None when it failed to import: an error (or skip) for each of pytest's
        collectors that wanted it, the doctest one first (``--doctest-ignore-import-errors`` makes its
        error a skip)."""
        first_error = len(collection.errors)
        if for_doctests and self.config.doctest_ignore_import_errors:
            try:
                return import_path(path, mode=self.config.import_mode, rootdir=self.config.rootdir)
            except (Exit, *ESCAPE_COLLECTION):
                raise
            except BaseException:
                reason = f"unable to import module {path!r}"
                collection.skipped_modules.append((relpath, reason, None, relpath))
                if not for_tests:
                    return None
                for_doctests = False
        first_skip = len(collection.skipped_modules)
        module = self._import_module(path, relpath, collection)
        if module is None and for_doctests and for_tests:
            # Both of pytest's collectors import the file, and each reports the failure.
            collection.errors.extend(collection.errors[first_error:])
            collection.skipped_modules.extend(collection.skipped_modules[first_skip:])
        return module

    def _import_module(self, path: Path, relpath: str, collection: Collection) -> ModuleType | None:
        """Imports a collected file; None (and an error or a skip recorded) when that failed."""
        try:
            return import_path(path, mode=self.config.import_mode, rootdir=self.config.rootdir)
        except Skipped as exc:
            if not exc.allow_module_level:
                msg = (
                    "Using pytest.skip outside of a test will skip the entire module. If that's your "
                    "intention, pass `allow_module_level=True`. If you want to skip a specific test or an "
                    "entire class, use the @pytest.mark.skip or @pytest.mark.skipif decorators."
                )
                # pytest reports this one as plain text: its summary line carries no message.
                collection.errors.append(CollectError(relpath, msg))
                return None
            collection.skipped_modules.append((relpath, exc.msg or "", *self._skip_site(exc, path)))
            return None
        except ESCAPE_COLLECTION:
            raise
        except BaseException as exc:
            # pytest.exit() while a test module imports is that file's collection error, as pytest's
            # collect report catches it: the run is not stopped there.
            if skip_of(exc) is not None:
                # unittest.SkipTest skips the module without allow_module_level, as in pytest.
                collection.skipped_modules.append((relpath, _skip_reason(exc), *self._skip_site(exc, path)))
                return None
            if type(exc) is Failed and not exc.pytrace:
                # pytest.fail(pytrace=False) at import time (an unknown mark under --strict-markers):
                # its message alone, as pytest shows it.
                collection.errors.append(self._collection_error(relpath, exc, path))
                return None
            collection.errors.append(
                CollectError(
                    relpath,
                    _with_import_heading(
                        exc,
                        path,
                        _import_traceback(
                            exc,
                            path,
                            self.config.rootdir,
                            hide_generated=self.config.verbose < 2,
                            style=_collection_style(self.config.tb_style),
                            showlocals=self.config.showlocals,
                            verbosity=self.config.verbose,
                        ),
                    ),
                    _import_message(exc),
                )
            )
            return None

    def _test_items(
        self,
        module: ModuleType,
        path: Path,
        relpath: str,
        chain: tuple[Holder, ...],
        collection: Collection,
    ) -> list[TestItem] | None:
        """The test module's items; None when it failed to collect (an error or a skip recorded)."""
        self.load_declared_plugins(module)
        # A plugin the module itself names (``pytest_plugins = "pytester"``) serves its own tests, as
        # pytest registers it before collecting them: the chain taken before the import is widened.
        conftest_holders = (holder for holder in chain if holder.kind is HolderKind.CONFTEST)
        chain = (BUILTIN_HOLDER, *self.plugin_holders, *conftest_holders)
        try:
            harvest = harvest_module(module, relpath, chain, self.config)
            self.registry.add_all(harvest.fixtures)
            for nodeid, text in harvest.errors:
                collection.errors.append(CollectError(nodeid, text, text))
            for nodeid, text, filename, lineno in harvest.warnings:
                try:
                    warnings.warn_explicit(
                        PytestCollectionWarning(text), None, filename or str(path), lineno or 0
                    )
                except PytestCollectionWarning:  # warnings are errors: that node fails to collect
                    collection.errors.append(
                        CollectError(nodeid, f"pytest.PytestCollectionWarning: {text}", text)
                    )
            ctx = self._file_context(path, relpath)
            collectors = [definition.class_names for definition in harvest.tests]
            # Built collector by collector, as pytest does (build_order.py); kept in definition order.
            built_at: dict[int, list[TestItem]] = {}
            stop_at = len(collectors)
            class_contexts: dict[tuple[tuple[str, ...], str | None], ItemContext] = {((), None): ctx}
            failed_classes: set[tuple[str, ...]] = set()
            for index in build_order(collectors):
                definition = harvest.tests[index]
                names = definition.class_names
                if any(names[:depth] in failed_classes for depth in range(1, len(names) + 1)):
                    continue  # its class failed to collect: pytest collects nothing more from it
                context_key = (names, definition.module_key)
                item_ctx = class_contexts.get(context_key)
                if item_ctx is None:
                    # A class (or describe block) is a node pytest starts collecting on its own: once
                    # collection errors (an earlier class's, say) reached -x / --maxfail, it stops
                    # there, keeping the tests before it.
                    self.maxfail_stop = self._maxfail_reached(collection)
                    if self.maxfail_stop is not None:
                        stop_at = first_test_under(collectors, names)
                        break
                    if definition.module_key is not None:
                        # A describe block is a module to pytest: module scope is the block's, and
                        # with no class around, class scope is the test's own.
                        class_chain = replace(ctx.chain, module=definition.module_key)
                    else:
                        class_chain = replace(ctx.chain, klass=f"{relpath}::{'::'.join(names)}")
                    item_ctx = class_contexts[context_key] = replace(ctx, chain=class_chain)
                try:
                    built = build_items(
                        definition, item_ctx, self.registry, self.hooks, self.config, self.plugin_config
                    )
                except (Exit, *ESCAPE_COLLECTION):
                    raise
                except BaseException as exc:
                    if not names or definition.module_key is not None:
                        raise
                    # pytest collects a class as a node of its own: a test of it that cannot be
                    # generated (a bad parametrize, say) fails that class, none of whose tests run,
                    # and the rest of the module is collected. A skip (pytest_generate_tests calling
                    # pytest.skip) skips that class alone the same way.
                    class_id = f"{relpath}::{'::'.join(names)}"
                    failed_classes.add(names)
                    built_at = {
                        at: [item for item in made if not item.nodeid.startswith(class_id + "::")]
                        for at, made in built_at.items()
                    }
                    if skip_of(exc) is not None:
                        skip = (class_id, _skip_reason(exc), *self._skip_site(exc, path))
                        collection.skipped_modules.append(skip)
                    else:
                        collection.errors.append(self._collection_error(class_id, exc, path))
                    continue
                built_at[index] = built
            items = [item for at in sorted(built_at) if at < stop_at for item in built_at[at]]
        except (Exit, *ESCAPE_COLLECTION):
            raise
        except BaseException as exc:
            if skip_of(exc) is not None:
                # A skip while the module's tests are made (a pytest_generate_tests hook) skips the
                # module, as pytest skips the collector that raised it.
                collection.skipped_modules.append((relpath, _skip_reason(exc), *self._skip_site(exc, path)))
                return None
            collection.errors.append(self._collection_error(relpath, exc, path))
            return None
        return items

    def _doctest_items(
        self,
        module: ModuleType,
        path: Path,
        relpath: str,
        chain: tuple[Holder, ...],
        collection: Collection,
    ) -> list[TestItem]:
        """The module's doctests; none when finding them failed (a bad directive: an error)."""
        try:
            flags = doctests.option_flags(self.config)
            tests = doctests.module_doctests(module)
        except (Exit, *ESCAPE_COLLECTION):
            raise
        except BaseException as exc:
            collection.errors.append(self._collection_error(relpath, exc, path))
            return []
        return self._build_doctests(tests, flags, module, path, relpath, chain)

    def _collect_textfile(
        self,
        path: Path,
        relpath: str,
        chain: tuple[Holder, ...],
        collection: Collection,
        parts: tuple[str, ...],
    ) -> None:
        try:
            flags = doctests.option_flags(self.config)
            test = doctests.textfile_doctest(path, self.config)
        except (Exit, *ESCAPE_COLLECTION):
            raise
        except BaseException as exc:
            collection.errors.append(self._collection_error(relpath, exc, path))
            return
        if test is None:
            return
        # A text file has no module; its test gets an empty one named after it.
        stand_in = ModuleType(path.name)
        stand_in.__file__ = str(path)
        items = self._build_doctests([test], flags, stand_in, path, relpath, chain)
        self._add_items(path, relpath, items, parts, collection)

    def _build_doctests(
        self,
        tests: list[Any],
        flags: int,
        module: ModuleType,
        path: Path,
        relpath: str,
        chain: tuple[Holder, ...],
    ) -> list[TestItem]:
        ctx = self._file_context(path, relpath)
        items: list[TestItem] = []
        for test in tests:
            definition = TestDefinition(
                name=test.name,
                function=_doctest_function(test, self.config, flags),
                module=module,
                cls=None,
                class_names=(),
                marks=(),
                outer_marks=(),
                holders=chain,
                lineno=test.lineno + 1 if test.lineno is not None else None,
                kind=FuncKind.FUNCTION,
                argnames=("request",),
                doctest=True,
            )
            items.extend(
                build_items(definition, ctx, self.registry, self.hooks, self.config, self.plugin_config)
            )
        return items

    def _add_items(
        self, path: Path, relpath: str, items: list[TestItem], parts: tuple[str, ...], collection: Collection
    ) -> None:
        if self.last_failed is not None:
            items = self.last_failed.keep(path, relpath, items)
        if parts:
            selected = [item for item in items if _matches_parts(item, parts)]
            if not selected:
                raise ConfigError(
                    f"not found: {relpath}::{'::'.join(parts)}\n(no match in any of [<Module {path.name}>])"
                )
            items = selected
        for item in items:
            # The same test reached twice (a directory and a file inside it): run it once, as pytest.
            if item.nodeid not in self.seen_nodeids:
                self.seen_nodeids.add(item.nodeid)
                collection.items.append(item)

    def _skip_site(self, exc: BaseException, path: Path) -> tuple[int | None, str]:
        """The module's line the skip came through (not the runner's own frame), and where it was
        raised ("file:line", relative to where the run started): the innermost frame outside
        asynctestrun, a conftest's hook say, as pytest's skip summary names it."""
        from .._execute.failures import is_internal_file

        line: int | None = None
        start = self.config.invocation_dir
        where = os.path.relpath(path, start)
        tb = exc.__traceback__
        while tb is not None:
            filename = tb.tb_frame.f_code.co_filename
            if filename == str(path):
                line = tb.tb_lineno
            if not is_internal_file(filename):
                where = f"{os.path.relpath(filename, start)}:{tb.tb_lineno}"
            tb = tb.tb_next
        return line, where

    def _collection_error(self, nodeid: str, exc: BaseException, path: Path) -> CollectError:
        """A module or class whose tests could not be made, reported as pytest does."""
        if isinstance(exc, CollectorError):
            return CollectError(nodeid, str(exc))
        if isinstance(exc, (CollectionProblem, Failed)):
            text = str(exc) if not isinstance(exc, Failed) else (exc.msg or "")
            # pytest raises these with pytest.fail(): the summary line's message is the text, named
            # as the exception (cut to its first line where pytest's is).
            return CollectError(nodeid, text, failed_message(text))
        shown = _with_import_heading(exc, path, _import_traceback(exc, path, self.config.rootdir))
        return CollectError(nodeid, shown, _one_line(exc))

    def _file_context(self, path: Path, relpath: str) -> ItemContext:
        """What every item of a file shares: its place, its packages and the conftests above it."""
        return ItemContext(
            path=path,
            relpath=relpath,
            rootdir=self.config.rootdir,
            chain=ScopeChain(self._packages(path), relpath, None),
            hook_owners=self.hook_owners(path.parent),
        )

    def hook_owners(self, directory: Path) -> tuple[ModuleType, ...]:
        """The conftests whose hooks reach a file in ``directory`` (pytest's ``ihook``): those loaded
        from the conftest cut-off dir down to it, outermost first."""
        return tuple(module for d in self.conftest_dirs(directory) if (module := self.conftests.get(d)))

    def _packages(self, path: Path) -> tuple[str, ...]:
        packages: list[str] = []
        directory = path.parent
        while (directory / "__init__.py").is_file():
            packages.append(str(directory))
            if directory == self.config.rootdir:
                break
            directory = directory.parent
        return tuple(reversed(packages))


def _doctest_function(test: Any, config: Config, flags: int) -> Callable[..., None]:
    """What a doctest's item calls: runs it with the test's fixtures at hand (``getfixture``)."""

    def run_doctest(request: Any) -> None:
        from .._execute.doctests import run_doctest

        run_doctest(test, request, config, flags)

    run_doctest.dtest = test  # type: ignore[attr-defined]  # DoctestItem.dtest, for plugins
    return run_doctest


class _MaxfailReached(Exception):
    """Collection errors reached ``maxfail``: unwinds the collection loops, as pytest's
    ``Session.Failed`` raised from ``pytest_collectstart`` does."""


def _matches_parts(item: TestItem, parts: tuple[str, ...]) -> bool:
    rest = item.nodeid.split("::")[1:]
    if len(parts) > len(rest):
        return False
    for index, part in enumerate(parts):
        actual = rest[index]
        if part == actual:
            continue
        if index == len(rest) - 1 and "[" not in part and actual.split("[", 1)[0] == part:
            continue
        return False
    return True


def _skip_reason(exc: BaseException) -> str:
    """A skipped module's reason as pytest's summary gives it: a skip's message, and for
    ``unittest.SkipTest`` (which pytest does not turn into its own skip while collecting) the
    exception itself, "unittest.case.SkipTest: reason"."""
    return (exc.msg or "") if isinstance(exc, Skipped) else _one_line(exc)


def failed_message(text: str) -> str:
    """The summary line's message for a collection error pytest raises with ``pytest.fail()``: all of
    it, as pytest's on a CI system or with -vv; the terminal cuts it to its first line otherwise."""
    return "Failed: " + text


def _import_message(exc: BaseException) -> str:
    """pytest turns a module's ImportError or SyntaxError into a plain-text report, whose summary
    line has no message; any other exception is summed up in one line."""
    return "" if isinstance(exc, (ImportError, SyntaxError)) else _one_line(exc)


def _one_line(exc: BaseException) -> str:
    name = qualified_name(type(exc))
    text = str(exc).strip().splitlines()
    return f"{name}: {text[0]}" if text else name


_IMPORTLIB_DIR = os.path.dirname(importlib.__file__) + os.sep


def _collection_style(tb_style: str) -> str:
    """The ``--tb`` style a module's error (other than a failed import or a syntax error) is shown
    in: pytest's collectors respect an explicit one and default to ``short``."""
    return "short" if tb_style == "auto" else tb_style


def _startup_crash(exc: BaseException, path: Path) -> StartupCrash:
    """Python's report of an uncaught exception, from the conftest's frame on, and its exit status."""
    tb = exc.__traceback__
    while tb is not None and tb.tb_frame.f_code.co_filename != str(path):
        tb = tb.tb_next
    if isinstance(exc, SystemExit):
        # As Python at exit: an int is the status, None is 0, anything else is printed (status 1).
        code = exc.code
        if code is None or isinstance(code, int):
            return StartupCrash("", code or 0)
        return StartupCrash(str(code), 1)
    frames = "".join(traceback.format_tb(tb or exc.__traceback__))
    # As Python's report: Skipped and Failed call themselves builtins (as pytest's), so named bare.
    only = "".join(traceback.format_exception_only(type(exc), exc))
    return StartupCrash(f"Traceback (most recent call last):\n{frames}{only}".rstrip("\n"), 1)


def _import_traceback(
    exc: BaseException,
    path: Path,
    rootdir: Path | None = None,
    *,
    hide_generated: bool = False,
    style: str = "short",
    showlocals: bool = False,
    verbosity: int = 0,
) -> str:
    """The user's frames of a failed import (the runner's and the import machinery's left out), and
    ``E`` lines for the exception; shown under pytest's heading for an ImportError (see
    ``_with_import_heading``), as pytest's collection errors are. ``hide_generated``:
    an ImportError's frames of code made at run time are left out too. ``style``: the one for an
    exception other than an ImportError or SyntaxError; pytest turns those two into a report of its
    own in the short style, whatever ``--tb`` says, and without the locals ``showlocals`` (``-l``)
    adds to the frames of any other exception (as much of each value as ``verbosity`` allows)."""
    from .._execute.failures import exception_lines, format_exception

    if isinstance(exc, SyntaxError) and exc.filename == str(path):
        # The file itself does not parse: no frame of the user's to show, Python's text says it all.
        text = "".join(traceback.format_exception_only(type(exc), exc)).rstrip("\n")
        return "\n".join("E   " + line for line in text.splitlines())
    # The runner's frames above the user's module say nothing about the error. For an ImportError
    # pytest keeps the frame of ``importlib.import_module`` (prepend and append modes import through
    # it); the frozen frames of the import machinery are left out when formatted.
    keep_import_module = isinstance(exc, ImportError)
    tb = exc.__traceback__
    while tb is not None and _above_the_import(tb.tb_frame.f_code, keep_import_module):
        tb = tb.tb_next
    if keep_import_module and hide_generated:
        # pytest's filter_traceback, applied to a test module's ImportError below -vv: frames of code
        # made at run time (exec'd ``<string>``, such as SQLAlchemy's create_engine) have no source.
        tb = _without_generated_code(tb) or tb
    if tb is not None:
        exc = exc.with_traceback(tb)
    if isinstance(exc, (ImportError, SyntaxError)):
        style = "short"
        showlocals = False
    shown = format_exception(
        exc,
        style=style,
        relative_to=Path.cwd() if rootdir is not None else None,
        showlocals=showlocals,
        verbosity=verbosity,
    )
    if not shown.strip() and style != "no":
        shown = "\n".join(exception_lines(exc, indent=4))
    return shown


def _without_generated_code(tb: types.TracebackType | None) -> types.TracebackType | None:
    """The traceback rebuilt without the frames whose file name is ``<...>``; None if no frame is left."""
    from .._execute.failures import is_generated_code

    kept: list[types.TracebackType] = []
    while tb is not None:
        if not is_generated_code(tb.tb_frame.f_code.co_filename):
            kept.append(tb)
        tb = tb.tb_next
    rebuilt: types.TracebackType | None = None
    for entry in reversed(kept):
        rebuilt = types.TracebackType(rebuilt, entry.tb_frame, entry.tb_lasti, entry.tb_lineno)
    return rebuilt


def _above_the_import(code: types.CodeType, keep_import_module: bool) -> bool:
    from .._execute.failures import is_internal_file

    if code.co_filename.startswith(_IMPORTLIB_DIR):
        return not (keep_import_module and code.co_name == "import_module")
    return is_internal_file(code.co_filename)


def _with_import_heading(exc: BaseException, path: Path, shown: str) -> str:
    """pytest's heading above the traceback of a module whose import raised ImportError."""
    if isinstance(exc, ImportError):
        return (
            f"ImportError while importing test module '{path}'.\n"
            "Hint: make sure your test modules/packages have valid Python names.\n"
            f"Traceback:\n{shown}"
        )
    return shown


class _LatePluginsError(Exception):
    """A conftest found while collecting names plugins (``pytest_plugins``): its directory's error."""
