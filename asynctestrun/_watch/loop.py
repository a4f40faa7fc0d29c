"""The watch loop: file changes and key presses in, one run at a time out.

Three sources feed one queue, and the main thread handles one event at a time:

- a watchfiles thread: a batch of saved files (watchfiles groups a burst until 50 ms pass quietly)
  → ``select_affected`` → a header line → a fresh run of those test files, cancelling a run still
  in progress;
- a key thread (stdin is a terminal): ``a`` all, ``f`` failed only, ``p`` file pattern, ``t`` test
  pattern (``-k``), Enter rerun, ``q`` quit;
- the runner: a run ended → footer. Where the runner has no ``--lf``, the loop asks each run for a
  JSON report and keeps the failing node ids itself, for ``f``.

Ctrl-C and ``q`` end the loop with exit code 0; the terminal is restored either way.
"""

from __future__ import annotations

import contextlib
import fnmatch
import itertools
import json
import os
import queue
import shutil
import signal
import sys
import tempfile
import threading
from pathlib import Path
from types import FrameType
from typing import Any, TextIO

from .._config.blocked_flags import withheld
from .._config.config import ConfigError
from .affected import CONFIG_NAMES, Change, Selection, is_config_file, select_affected
from .client import Runner, make_runner
from .imports import ImportGraph, is_ignored_path
from .keys import KeyReader
from .project import WatchProject, collect_test_files, load_project, narrow, node_id_arg
from .server import invalidate_bytecode

PROMPTS = {"p": "file name pattern (glob, empty to clear): ", "t": "test name pattern (-k, empty to clear): "}
FOOTER = "a all · f failed · p file pattern · t test pattern · Enter rerun · q quit"
_CLEAR = "\033[2J\033[3J\033[H"
_FAILED = ("failed", "error")


def watch(argv: list[str], rootdir: Path) -> int:
    """Run ``argv`` now and again after every save, until ``q`` or Ctrl-C. Returns the exit code."""
    try:
        project = load_project(argv)
    except ConfigError as exc:
        print(f"ERROR: {exc}", file=sys.stderr)
        return 4
    return WatchLoop(project, rootdir, sys.stdout).run()


def runner_options() -> set[str]:
    """The long options in ``asynctestrun --help``: ``--ff``/``--lf`` are used only where they exist."""
    import io

    from ..cli import run

    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer), contextlib.suppress(SystemExit):
        run(["--help"])
    return {word.rstrip(",") for word in buffer.getvalue().split() if word.startswith("--")}


def blocked_options(argv: list[str] | tuple[str, ...]) -> frozenset[str]:
    """The runner's options a ``-p no:NAME`` in the watched command takes away (``--ff`` and ``--lf``
    with ``-p no:cacheprovider``): the loop must not add them to its runs, where they are unknown."""
    pairs = itertools.pairwise(argv)
    disabled = [value[3:] for flag, value in pairs if flag == "-p" and value.startswith("no:")]
    disabled += [arg[5:] for arg in argv if arg.startswith("-pno:")]
    return withheld(disabled)


def _files(count: int) -> str:
    return f"{count} test file" + ("" if count == 1 else "s")


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def _stop_on_signals() -> dict[int, Any]:
    """SIGTERM and SIGHUP end the loop like Ctrl-C (terminal restored, runs stopped); returns the
    handlers to put back. Only the main thread may install handlers; elsewhere this does nothing."""
    if threading.current_thread() is not threading.main_thread():
        return {}
    previous: dict[int, Any] = {}
    for name in ("SIGTERM", "SIGHUP"):
        signum = getattr(signal, name, None)
        if signum is not None:
            previous[signum] = signal.signal(signum, _interrupt)
    return previous


class WatchFilter:
    """Python files and configuration files under the rootdir, outside caches, VCS and virtualenvs."""

    def __init__(self, rootdir: Path, config_files: frozenset[Path]) -> None:
        self.rootdir = rootdir
        self.config_files = config_files

    def __call__(self, change: Any, path: str) -> bool:
        candidate = Path(path)
        wanted = candidate.suffix == ".py" or candidate.name in CONFIG_NAMES or candidate in self.config_files
        return wanted and not is_ignored_path(candidate, self.rootdir)


class WatchLoop:
    def __init__(self, project: WatchProject, rootdir: Path, out: TextIO) -> None:
        self.project = project
        self.rootdir = rootdir
        self.out = out
        self.events: queue.Queue[tuple[str, Any, Any]] = queue.Queue()
        self.interactive = False
        self.file_pattern: str | None = None
        self.test_pattern: str | None = None
        self.failures: dict[str, list[str]] = {}  # test file -> failed node ids, both rootdir-relative
        self.last: tuple[list[Path] | None, str, list[str] | None] = (None, "", None)  # for Enter
        self.run_id: int | None = None
        self.ran: list[Path] | None = None
        self._stop = threading.Event()
        self._tmp = Path(tempfile.mkdtemp(prefix="asynctestrun-watch-"))
        self.graph = ImportGraph(rootdir)
        self.tests: set[Path] = set()
        self.options: set[str] = set()
        self.runner: Runner | None = None

    # -- plumbing ------------------------------------------------------------------------------
    def say(self, line: str) -> None:
        self.out.write(line + "\n")
        self.out.flush()

    def run(self) -> int:
        keys = KeyReader(lambda key, text: self.events.put(("key", key, text)), PROMPTS)
        previous = _stop_on_signals()
        try:
            self.tests = collect_test_files(self.project)
            self.options = runner_options() - blocked_options(self.project.base_argv)
            self.runner = make_runner(self.rootdir, self._on_exit_from_thread)
            self.interactive = keys.start()
            threading.Thread(target=self._watch_files, daemon=True, name="watch-files").start()
            self.start(None, f"watching {self.rootdir}: running all {_files(len(self.tests))}")
            # Built while the first run goes: changes saved meanwhile wait in the queue.
            self.graph = ImportGraph.build(self.rootdir, self.project.import_roots)
            self.runner.preload(self.graph.external_imports())
            while self._dispatch(self.events.get()):
                pass
        except KeyboardInterrupt:
            pass
        except ConfigError as exc:
            self.say(f"ERROR: {exc}")
            return 4
        finally:
            self._stop.set()
            keys.stop()
            for signum, handler in previous.items():
                signal.signal(signum, handler)
            if self.runner is not None:
                self.runner.close()
            shutil.rmtree(self._tmp, ignore_errors=True)
        return 0

    def _on_exit_from_thread(self, run_id: int, code: int) -> None:
        self.events.put(("exit", run_id, code))

    def _watch_files(self) -> None:
        import watchfiles

        watch_filter = WatchFilter(self.rootdir, self.project.config_files)
        try:
            for batch in watchfiles.watch(
                self.rootdir,
                watch_filter=watch_filter,
                debounce=1600,
                step=50,
                stop_event=self._stop,
                raise_interrupt=False,
            ):
                self.events.put(("changes", batch, None))
        except Exception as exc:  # reported by the main thread, which then stops
            self.events.put(("error", exc, None))

    def _dispatch(self, event: tuple[str, Any, Any]) -> bool:
        kind, first, second = event
        if kind == "changes":
            self.on_changes({(Change(int(change)), Path(path)) for change, path in first})
        elif kind == "exit":
            self.on_exit(first, second)
        elif kind == "key":
            return self.on_key(first, second)
        elif kind == "error":
            self.say(f"[watch] file watching failed: {first}")
            return False
        return True

    # -- events --------------------------------------------------------------------------------
    def on_changes(self, changes: set[tuple[Change, Path]]) -> None:
        assert self.runner is not None
        self.run_id = None
        self.runner.cancel()
        if any(is_config_file(path, self.rootdir, self.project.config_files) for _, path in changes):
            with contextlib.suppress(ConfigError):  # a half-edited config: keep the old, the run says why
                self.project = load_project(
                    self.project.base_argv + self.project.targets, self.project.invocation_dir
                )
        before = set(self.graph.paths)
        selection = select_affected(
            changes,
            self.graph,
            self.tests,
            self.rootdir,
            self.project.config.python_files,
            self.project.config_files,
        )
        if set(self.graph.paths) != before or any(is_config_file(p, self.rootdir) for _, p in changes):
            with contextlib.suppress(ConfigError):
                self.tests = collect_test_files(self.project)
        invalidate_bytecode(path for _, path in changes)
        self.runner.preload(self.graph.external_imports())
        self.start(self._selected(selection), self._header(selection))

    def on_exit(self, run_id: int, code: int) -> None:
        if run_id != self.run_id:
            return  # a cancelled run
        self.run_id = None
        if self._track_failures:
            self._record_failures()
        failed = sum(len(ids) for ids in self.failures.values())
        status = f"exit {code}" + (f", {failed} failing" if failed else "")
        filters = self._filters()
        keys = f" · {FOOTER}" if self.interactive else " (Ctrl-C to quit)"
        self.say(f"[watch] {status}{filters} · waiting for changes{keys}")

    def on_key(self, key: str, text: str | None) -> bool:
        if key == "q":
            return False
        if key == "a":
            self.file_pattern = self.test_pattern = None
            self.start(None, f"running all {_files(len(self.tests))} (a)")
        elif key == "f":
            self._run_failed()
        elif key == "p":
            self.file_pattern = text or None
            pattern = self.file_pattern
            self.start(None, f"file pattern {pattern!r}" if pattern else "file pattern cleared")
        elif key == "t":
            self.test_pattern = text or None
            self.start(
                self.last[0],
                f"test pattern {self.test_pattern!r}" if self.test_pattern else "test pattern cleared",
            )
        elif key in ("\n", "\r"):
            self.start(self.last[0], "rerun · " + self.last[1], self.last[2])
        return True

    # -- runs ----------------------------------------------------------------------------------
    def start(self, selected: list[Path] | None, header: str, positional: list[str] | None = None) -> None:
        """Start a run of ``selected`` test files (None: all), after the filters; ``positional`` (node
        ids, ``--lf``) replaces the file arguments."""
        assert self.runner is not None
        self.run_id = None
        self.runner.cancel()
        self.last = (selected, header.removeprefix("rerun · "), positional)
        files = self._filtered(selected)
        if files is not None and not files:
            self.say(f"[watch] {header} · nothing to run{self._filters()}")
            return
        args = list(self.project.base_argv)
        if self.test_pattern:
            keyword = self.project.keyword
            args += ["-k", f"({keyword}) and ({self.test_pattern})" if keyword else self.test_pattern]
        if "--ff" in self.options:
            args.append("--ff")
        if self._track_failures:
            report = self._report_path()
            if self.project.json_report is None:
                args += ["--json-report", str(report)]
            with contextlib.suppress(OSError):
                report.unlink()
        if positional is not None:
            args += positional
        else:
            args += list(self.project.targets) if files is None else narrow(self.project, files)
        self.ran = files
        if self.out.isatty():
            self.out.write(_CLEAR)
        self.say(f"[watch] {header}{self._filters()}")
        self.run_id = self.runner.start(args)

    def _run_failed(self) -> None:
        if "--lf" in self.options:
            self.start(None, "failed tests only (--lf)", positional=["--lf", *self.project.targets])
            return
        ids = [node_id_arg(self.project, nodeid) for ids in self.failures.values() for nodeid in ids]
        if not ids:
            self.say("[watch] no failing tests recorded")
            return
        files = sorted({self.rootdir / path for path in self.failures})
        self.start(files, f"{len(ids)} failing tests (f)", positional=ids)

    def _filtered(self, selected: list[Path] | None) -> list[Path] | None:
        files = selected if selected is None else [path for path in selected if path in self.tests]
        if self.file_pattern is None:
            return files
        pattern = self.file_pattern
        return [
            path
            for path in sorted(self.tests if files is None else files)
            if fnmatch.fnmatch(path.name, pattern) or fnmatch.fnmatch(self._relative(path), pattern)
        ]

    def _relative(self, path: Path) -> str:
        return os.path.relpath(path, self.rootdir)

    def _filters(self) -> str:
        shown = [f"files {self.file_pattern!r}"] if self.file_pattern else []
        shown += [f"tests {self.test_pattern!r}"] if self.test_pattern else []
        return f" [{', '.join(shown)}]" if shown else ""

    def _selected(self, selection: Selection) -> list[Path] | None:
        return None if selection.paths is None else [self.rootdir / path for path in selection.paths]

    def _header(self, selection: Selection) -> str:
        total = len(self.tests)
        if selection.paths is None:
            return f"all {_files(total)} · {selection.reason}"
        count = len([p for p in selection.paths if self.rootdir / p in self.tests])
        return f"{count} of {_files(total)} · {selection.reason}"

    @property
    def _track_failures(self) -> bool:
        """Whether the loop itself remembers failures: only where the runner cannot (no --lf)."""
        return "--lf" not in self.options or self.project.json_report is not None

    def _report_path(self) -> Path:
        return self.project.json_report or self._tmp / "report.json"

    def _record_failures(self) -> None:
        try:
            document = json.loads(self._report_path().read_text())
        except (OSError, ValueError):
            return  # a usage error or a cancelled run: nothing new is known
        ran = self.ran
        if ran is None:
            self.failures = {}
        else:
            for path in ran:
                self.failures.pop(self._relative(path), None)
        entries = [(test["nodeid"], test["outcome"]) for test in document.get("tests", ())]
        entries += [(error["nodeid"], "error") for error in document.get("collection_errors", ())]
        for nodeid, outcome in entries:
            if outcome in _FAILED:
                self.failures.setdefault(nodeid.partition("::")[0], []).append(nodeid)
