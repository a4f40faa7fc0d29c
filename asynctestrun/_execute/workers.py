"""``-n N``: test files spread over worker processes, their event streams merged into one for the reporters.

Distribution is pytest-xdist's "loadfile": a test file runs entirely inside one worker, so module,
class and loop scopes keep their meaning; session-scoped fixtures run once per worker, as under xdist.
Each worker is an ordinary run over all the run's files that runs the tests of its own only
(``python -m asynctestrun ... --worker-jsonl --worker-own JSON FILES``): as an xdist worker, it imports
every test module, so a module that only works after another was imported (one sets up Django or an
environment variable as it is imported) works as under pytest. Its only output is the event stream
(``_report.jsonlines``) on stdout; its stderr is kept apart, for crash reports.

Why a static split, decided up front, and not a queue workers pull files from. The reporters need one
``CollectionFinished`` with every test before the first result; a worker only learns its files when it
starts, so handing files out one batch at a time would hold all output back until the last batch was
collected, and would run session fixtures (and process start-up, conftests, plugins) once per batch.
A queue needs workers that collect once and then take files on a command channel, which the session
does not offer. So files are split once, longest processing time first (``_plan.shard.lpt``), weighed by
recorded durations: with durations that is within 4/3 of the best possible split; without them every
file weighs the same and the split is by file count.

The merge, as the parent's reporters see it::

    SessionStarted        the first worker's (rootdir, ini, ... are the same in every worker)
    CollectionFinished    once every worker has collected: node ids in file order, errors concatenated
                          (a broken conftest reported by every worker appears once), deselected summed
    collection skips      once each (a directory its conftest skips is skipped by every worker with
                          files under it)
    test events           a file's events together (buffered per worker until the file is done), files
                          interleaved as workers finish them; until the merged collection, all are held
    SessionFinished       the parent's own, with the combined exit code

A worker that dies without its ``SessionFinished`` crashed: the test it was running is reported as an
error with the exit code or signal and the tail of its stderr, and the tests it had not run go to a new
worker (same files, ``--deselect`` for what already ran). A replacement that crashes before finishing
any test is not replaced again: its tests are reported as errors, so a run always ends. Ctrl-C (or
``maxfail`` reached, ``pytest.exit`` in a worker, a collection error) sends SIGINT to every worker, so
fixtures are torn down as in a normal interrupted run, and kills what is still running after a grace
period.
"""

from __future__ import annotations

import contextlib
import json
import os
import platform
import queue
import shutil
import signal
import subprocess
import sys
import threading
import time
import uuid
from collections import deque
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .._model.events import (
    CollectionFinished,
    Event,
    SessionFinished,
    SessionStarted,
    TestFinished,
    TestStarted,
    WarningRaised,
    maxfail_reason,
)
from .._model.exit_codes import EXIT_USAGE_ERROR
from .._model.outcomes import CollectError, Outcome, Phase, PhaseOutcome, PhaseResult, TestResult
from .._model.serialize import DecodeError, event_from_json
from .._plan.shard import file_of, file_weights, lpt
from .prestart import EXIT_AFTER_EOF, Prestarted, default_worker_command, start_worker
from .xdist_protocol import WORKER_INPUT_FLAG

if TYPE_CHECKING:
    from .._config.config import Config

WORKER_FLAG = "--worker-jsonl"
WORKER_OWN_FLAG = "--worker-own"  # the files a worker runs (JSON), of all those it collects
INITIAL_ARGS_FLAG = "--worker-initial"
# pytest_configure_node for one worker: (its name, the worker count, the run's uid) -> what the hooks
# added to its workerinput, as JSON ("" for nothing).
ConfigureNode = Callable[[str, int, str], str]
STDERR_TAIL_LINES = 40
PIPE_READ_SIZE = 1 << 16
READ_PAUSE = 0.005  # seconds a reader waits after each read, so the next one gets a batch of lines
PROCESS_POLL_INTERVAL = 0.05  # seconds between checks for workers that exited with their stream open


def worker_argv(argv: Sequence[str], positional: Sequence[str]) -> list[str]:
    """The user's arguments as every worker gets them: without ``-n``/``--numprocesses`` and ``--shard``
    (any spelling, with their values) and without the positional paths, which the parent expands into
    the run's files (every worker collects them all). A path is removed at its last occurrence, so an
    option value that happens to equal it (``-k test_a.py test_a.py``) stays."""
    kept: list[str] = []
    skip_next = False
    for arg in argv:
        if skip_next:
            skip_next = False
        elif arg in ("-n", "--numprocesses", "--shard"):
            skip_next = True
        elif not arg.startswith(("--numprocesses=", "--shard=")) and not (
            arg.startswith("-n") and not arg.startswith("--")
        ):
            kept.append(arg)
    for path in positional:
        for i in range(len(kept) - 1, -1, -1):
            if kept[i] == path:
                del kept[i]
                break
    return kept


def worker_targets(config: Config) -> list[str]:
    """The command-line targets expanded to test files, as rootdir-relative node-id prefixes
    (``tests/a.py``, or ``tests/a.py::TestX`` when the user named part of a file), in collection order."""
    from .._collect.discover import parse_targets, walk

    targets: list[str] = []
    for target in parse_targets(config):
        if target.path.is_dir():
            for path in walk(target.path, config):
                # A conftest is walked for its doctests alone (under --doctest-modules).
                if not path.is_dir() and (path.name != "conftest.py" or config.doctest_modules):
                    targets.append(_relpath(path, config.rootdir))
        else:
            targets.append("::".join((_relpath(target.path, config.rootdir), *target.parts)))
    return list(dict.fromkeys(targets))


def assign(files: Sequence[str], n: int, durations: Mapping[str, float]) -> list[list[str]]:
    """Targets grouped by file, the files balanced over at most ``n`` workers (none left empty)."""
    groups: dict[str, list[str]] = {}
    for target in files:
        groups.setdefault(file_of(target), []).append(target)
    keys = list(groups)
    bins = lpt(file_weights(keys, durations), max(1, min(n, len(keys))))
    return [[t for i in b for t in groups[keys[i]]] for b in bins if b]


def run_workers(
    argv_without_n: list[str],
    files: list[str],
    n: int,
    emit: Callable[[Event], None],
    *,
    durations: Mapping[str, float],
    rootdir: Path | None = None,
    cwd: Path | None = None,
    inifile: Path | None = None,
    basetemp: Path | None = None,
    maxfail: int = 0,
    continue_on_collection_errors: bool = False,
    worker_command: Callable[[list[str]], list[str]] = default_worker_command,
    shutdown_grace: float = 10.0,
    echo_stderr: bool = False,
    prestarted: Prestarted | None = None,
    shown_warnings: Collection[WarningRaised] = (),
    configure_node: ConfigureNode | None = None,
    initial_args: Sequence[str] = (),
) -> int:
    """Run ``files`` (rootdir-relative targets, see ``worker_targets``) in up to ``n`` workers; every
    event goes to ``emit``. Returns the exit code, which the final ``SessionFinished`` also carries.
    ``prestarted`` workers (``prestart``) are used first; this function disposes of all of them.
    ``shown_warnings`` are the session-level warnings this process already reported: a worker's
    copy of one is dropped. ``initial_args`` are this process's arguments made absolute: a worker
    loads their conftests at start-up, as this process did, so a deeper conftest is one found while
    collecting there too. ``configure_node`` is called for each worker as it starts (its name, the
    worker count, the run's uid) and returns what it adds to that worker's ``workerinput`` (JSON).

    A worker's stderr is kept for crash reports; ``echo_stderr`` also copies it, line by line and
    prefixed with the worker's name, to this process's stderr (for ``-s``, where tests print there)."""
    if not files or n < 1:
        if prestarted is not None:
            prestarted.discard()
        raise ValueError("run_workers needs at least one file and one worker; run in-process instead")
    start = time.perf_counter()
    cwd = Path(cwd or os.getcwd())
    if prestarted is not None and prestarted.cwd != cwd:
        prestarted.discard()  # started for another directory: of no use
        prestarted = None
    rootdir = Path(rootdir or cwd)
    if basetemp is not None:
        # --basetemp means "exactly this directory, fresh"; each worker gets a subdirectory of it.
        shutil.rmtree(basetemp, ignore_errors=True)
        basetemp.mkdir(parents=True, exist_ok=True)
    batches = assign(files, n, durations)
    common = [*argv_without_n, f"--rootdir={rootdir}", *(["-c", str(inifile)] if inifile else [])]
    if initial_args:
        common += [INITIAL_ARGS_FLAG, json.dumps(list(initial_args))]
    pool = _Pool(
        common,
        rootdir,
        cwd,
        basetemp,
        worker_command,
        prestarted.count if prestarted is not None else len(batches),
        shutdown_grace,
        prestarted.run_id if prestarted is not None else uuid.uuid4().hex,
        echo_stderr,
        prestarted.processes if prestarted is not None else [],
        configure_node,
        files,
    )
    merge = _Merge(emit, files, rootdir, inifile, maxfail, continue_on_collection_errors, shown_warnings)
    try:
        for batch in batches:
            merge.add(pool.spawn(tuple(batch), ()), initial=True)
        _pump(pool, merge)
    except KeyboardInterrupt:
        merge.interrupt("KeyboardInterrupt")
        with contextlib.suppress(KeyboardInterrupt):  # a second Ctrl-C: stop waiting for teardowns
            _pump(pool, merge)
    finally:
        pool.discard_prestarted()  # more than there were batches of files
        pool.kill_all()
    code = merge.finish(time.perf_counter() - start)
    for line in merge.usage_errors:  # after the closing line, as the sequential run prints it
        sys.stderr.write(line + "\n")
    return code


def _pump(pool: _Pool, merge: _Merge) -> None:
    """Feed worker output to the merge until no worker is left."""
    while pool.live:
        if merge.stop is not None:
            pool.stop_all()
        message = pool.next_message(timeout=0.1)
        if message is None:
            continue
        worker, lines = message
        if worker not in pool.live:
            continue  # already reaped (its stream outlived the process)
        if lines is not None:
            for line in lines:
                try:
                    event = event_from_json(line)
                except DecodeError:
                    worker.note(f"[stdout] {line.decode(errors='replace').rstrip()}")
                    continue
                merge.on_event(worker, event)
            continue
        returncode = pool.reap(worker)
        rerun = merge.on_exit(worker, returncode, stopping=pool.stopping)
        if rerun is not None and not pool.stopping:
            merge.add(pool.spawn(rerun.files, rerun.deselect, expected=rerun.expected), initial=False)


# -- processes ---------------------------------------------------------------------------------------


@dataclass(eq=False)
class _Worker:
    """One worker process and what its stream has said so far."""

    name: str
    files: tuple[str, ...]
    deselect: tuple[str, ...]
    expected: frozenset[str] | None  # a replacement: the tests it must run
    process: subprocess.Popen[bytes]
    _stderr: deque[str] = field(default_factory=lambda: deque(maxlen=STDERR_TAIL_LINES))
    _lock: threading.Lock = field(default_factory=threading.Lock)
    stderr_reader: threading.Thread | None = None
    exited_at: float | None = None
    collection: CollectionFinished | None = None
    running: TestStarted | None = None
    running_since: float = 0.0
    finished: list[str] = field(default_factory=list)
    last_result: TestResult | None = None
    session_finished: SessionFinished | None = None
    block: list[Event] = field(default_factory=list)
    block_path: str | None = None

    def note(self, line: str) -> None:
        """Keep a line of stderr (or unparsable stdout) for a crash report; called from reader threads."""
        with self._lock:
            self._stderr.append(line[:2000])

    def stderr_tail(self) -> str:
        with self._lock:
            return "\n".join(self._stderr).rstrip()


@dataclass(frozen=True)
class _Rerun:
    """What a crashed worker leaves to its replacement."""

    files: tuple[str, ...]
    deselect: tuple[str, ...]
    expected: frozenset[str]


class _Pool:
    def __init__(
        self,
        common: list[str],
        rootdir: Path,
        cwd: Path,
        basetemp: Path | None,
        command: Callable[[list[str]], list[str]],
        count: int,
        grace: float,
        run_id: str,
        echo_stderr: bool,
        prestarted: list[subprocess.Popen[bytes]],
        configure_node: ConfigureNode | None,
        files: Sequence[str],
    ) -> None:
        self._prestarted = prestarted
        self._files = tuple(files)  # the run's files, which every worker collects
        self._configure_node = configure_node
        self._common = common
        self._rootdir = rootdir
        self._cwd = cwd
        self._basetemp = basetemp
        self._command = command
        self._count = count
        self._grace = grace
        self._run_id = run_id
        self._echo = echo_stderr
        # A worker's stdout arrives as batches of whole lines (None: end of stream); a batch is what one
        # read returned, so a busy worker costs the parent one queue hand-off per pipe buffer, not per event.
        self._queue: queue.Queue[tuple[_Worker, list[bytes] | None]] = queue.Queue()
        self._polled_at = 0.0
        self._spawned = 0
        self.live: list[_Worker] = []
        self.stopping = False
        self._kill_at = 0.0

    def spawn(
        self, files: tuple[str, ...], deselect: tuple[str, ...], *, expected: frozenset[str] | None = None
    ) -> _Worker:
        name = f"gw{self._spawned}"
        self._spawned += 1
        args = list(self._common)
        if self._basetemp is not None:
            args.append(f"--basetemp={self._basetemp / name}")
        for nodeid in deselect:
            args += ["--deselect", nodeid]
        added = self._configure_node(name, self._count, self._run_id) if self._configure_node else ""
        if added:
            args += [WORKER_INPUT_FLAG, added]
        # Every worker collects all the run's files, as an xdist worker does: what a module does as it is
        # imported (configure Django, set an environment variable) happens in each worker, before any test
        # runs. It runs only its own files' tests.
        args += [WORKER_FLAG, WORKER_OWN_FLAG, json.dumps(list(files))]
        args += [self._argument(t) for t in self._files]
        if self._prestarted:  # started as gw0, gw1, ... in this order: the names match
            process = self._prestarted.pop(0)
            assert process.stdin is not None
            try:
                process.stdin.write(json.dumps(args).encode() + b"\n")
                process.stdin.close()
            except OSError:
                pass  # it died waiting: its stream ends, and it is reported as a crashed worker
        else:
            process = start_worker(self._command(args), self._cwd, name, self._count, self._run_id)
        worker = _Worker(name, files, deselect, expected, process)
        threading.Thread(target=self._read_stdout, args=(worker,), daemon=True).start()
        worker.stderr_reader = threading.Thread(target=_read_stderr, args=(worker, self._echo), daemon=True)
        worker.stderr_reader.start()
        self.live.append(worker)
        return worker

    def discard_prestarted(self) -> None:
        Prestarted(list(self._prestarted), self._count, self._run_id, self._cwd).discard()
        self._prestarted.clear()  # the caller's Prestarted shares this list

    def _argument(self, target: str) -> str:
        path, sep, rest = target.partition("::")
        absolute = (self._rootdir / path).resolve()
        try:
            shown = os.path.relpath(absolute, self._cwd)
        except ValueError:  # another drive (Windows)
            shown = str(absolute)
        return shown + sep + rest

    def _read_stdout(self, worker: _Worker) -> None:
        stream = worker.process.stdout
        assert stream is not None
        partial = b""
        with stream:
            fd = stream.fileno()  # unbuffered: a read returns whatever has arrived, up to the size
            for chunk in iter(lambda: os.read(fd, PIPE_READ_SIZE), b""):
                lines = (partial + chunk).split(b"\n")
                partial = lines.pop()
                if lines:
                    self._queue.put((worker, lines))
                # Let the pipe fill a little before the next read: a worker writes a few lines per
                # test, and waking this thread and then the main one for each of them costs the
                # parent more CPU than decoding them. The pipe holds far more than arrives meanwhile.
                time.sleep(READ_PAUSE)
        if partial:
            self._queue.put((worker, [partial]))  # a last line without its newline: the worker died mid-write
        self._queue.put((worker, None))

    def next_message(self, timeout: float) -> tuple[_Worker, list[bytes] | None] | None:
        now = time.monotonic()
        if self.stopping and now > self._kill_at:
            self.kill_all()  # the grace period for teardowns is over
        if now - self._polled_at > PROCESS_POLL_INTERVAL:
            self._polled_at = now
            for worker in self.live:
                # A process that exited while its stream stays open (a forked child holds the pipe).
                if worker.exited_at is None and worker.process.poll() is not None:
                    worker.exited_at = now
                elif worker.exited_at is not None and now - worker.exited_at > EXIT_AFTER_EOF:
                    return worker, None
        try:
            return self._queue.get(timeout=timeout)
        except queue.Empty:
            return None

    def reap(self, worker: _Worker) -> int:
        if worker in self.live:
            self.live.remove(worker)
        try:
            returncode = worker.process.wait(timeout=EXIT_AFTER_EOF)
        except subprocess.TimeoutExpired:
            worker.process.kill()
            returncode = worker.process.wait()
        if worker.stderr_reader is not None:
            # Its last lines explain a crash; a child process still holding the pipe must not block us.
            worker.stderr_reader.join(timeout=EXIT_AFTER_EOF)
        return returncode

    def stop_all(self) -> None:
        if self.stopping:
            return
        self.stopping = True
        self._kill_at = time.monotonic() + self._grace
        for worker in self.live:
            with contextlib.suppress(OSError):
                if os.name == "posix":
                    worker.process.send_signal(signal.SIGINT)
                else:
                    worker.process.terminate()

    def kill_all(self) -> None:
        for worker in self.live:
            with contextlib.suppress(OSError):
                worker.process.kill()


def _read_stderr(worker: _Worker, echo: bool) -> None:
    stream = worker.process.stderr
    assert stream is not None
    with stream:
        for raw in iter(stream.readline, b""):
            line = raw.decode(errors="replace").rstrip("\n")
            worker.note(line)
            if echo:
                sys.stderr.write(f"[{worker.name}] {line}\n")
                sys.stderr.flush()


# -- the merge ---------------------------------------------------------------------------------------


class _Merge:
    def __init__(
        self,
        emit: Callable[[Event], None],
        files: Sequence[str],
        rootdir: Path,
        inifile: Path | None,
        maxfail: int,
        continue_on_collection_errors: bool,
        shown_warnings: Collection[WarningRaised] = (),
    ) -> None:
        self._emit = emit
        self._file_order = {file_of(f): i for i, f in reversed(list(enumerate(files)))}
        self._rootdir = rootdir
        self._inifile = inifile
        self._maxfail = maxfail
        self._continue = continue_on_collection_errors
        self._workers: list[_Worker] = []
        self._uncollected: list[_Worker] = []
        self._crash_errors: list[CollectError] = []
        self._held: list[Event] | None = []  # None once the merged CollectionFinished is out
        self._started = False
        self._collection: CollectionFinished | None = None
        # Seeded with the parent's own: the workers load the same options, plugins and conftests.
        self._session_warnings: set[WarningRaised] = set(shown_warnings)
        self._discard_tests = False
        # Node ids of collection skips already passed on: a directory its conftest skips is skipped
        # in every worker with files under it, and pytest reports that directory once.
        self._collection_skips: set[str] = set()
        self._failed = 0
        self._results = 0
        self._worker_codes: list[int] = []
        self.stop: tuple[int, str | None] | None = None
        # The "ERROR: ..." lines of workers that ended their session with a usage error (a bad -k or
        # -m expression): written on their stderr, which this process shows only for crashes.
        self.usage_errors: dict[str, None] = {}

    def add(self, worker: _Worker, *, initial: bool) -> None:
        self._workers.append(worker)
        if initial:
            self._uncollected.append(worker)

    def interrupt(self, reason: str) -> None:
        if self.stop is None:
            self.stop = (2, reason)

    # -- events from a worker --------------------------------------------------------------------
    def on_event(self, worker: _Worker, event: Event) -> None:
        if isinstance(event, SessionStarted):
            if not self._started:
                self._started = True
                self._emit(event)
        elif isinstance(event, CollectionFinished):
            worker.collection = event
            if worker in self._uncollected:
                self._uncollected.remove(worker)
                if not self._uncollected:
                    self._emit_collection()
        elif isinstance(event, SessionFinished):
            worker.session_finished = event
            self._worker_codes.append(event.exit_code)
            self._flush(worker)
            if event.interrupted is not None and self.stop is None:
                self.stop = (event.exit_code, event.interrupted)  # maxfail or pytest.exit in the worker
        elif isinstance(event, WarningRaised) and event.nodeid is None:
            if event not in self._session_warnings:  # plugin and hook warnings come from every worker
                self._session_warnings.add(event)
                self._route(worker, event)
        elif isinstance(event, TestFinished) and self._repeated_collection_skip(event.result):
            return
        else:
            if isinstance(event, TestStarted):
                worker.running, worker.running_since = event, time.monotonic()
            elif isinstance(event, TestFinished):
                if worker.running is not None and worker.running.nodeid == event.result.nodeid:
                    worker.running = None
                worker.finished.append(event.result.nodeid)
                worker.last_result = event.result
                self._count(event.result)
            self._route(worker, event)

    def _repeated_collection_skip(self, result: TestResult) -> bool:
        if not result.collection_skip:
            return False
        if result.nodeid in self._collection_skips:
            return True
        self._collection_skips.add(result.nodeid)
        return False

    def _count(self, result: TestResult) -> None:
        """Counted on arrival, not when the file's block is shown: ``maxfail`` must not wait for it."""
        self._results += 1
        if any(o in (Outcome.FAILED, Outcome.ERROR) for o in result.outcomes):
            self._failed += 1
            if self._maxfail and self._failed >= self._maxfail and self.stop is None:
                self.stop = (1, maxfail_reason(self._failed))

    def _route(self, worker: _Worker, event: Event) -> None:
        """Keep a file's events together: a worker's events wait until it moves on to another file."""
        path = (
            event.path
            if isinstance(event, TestStarted)
            else event.result.path
            if isinstance(event, TestFinished)
            else None
        )
        if path is not None and path != worker.block_path:
            self._flush(worker)
            worker.block_path = path
        worker.block.append(event)

    def _flush(self, worker: _Worker) -> None:
        block, worker.block = worker.block, []
        for event in block:
            self._out(event)

    def _out(self, event: Event) -> None:
        if self._held is not None:
            self._held.append(event)
            return
        if self._discard_tests and not isinstance(event, WarningRaised):
            return  # collection errors stop the run: results of tests that ran meanwhile are dropped
        self._emit(event)

    def _emit_collection(self) -> None:
        self._ensure_started()
        by_file: dict[str, list[str]] = {}
        errors: list[CollectError] = []
        notes: list[str] = []
        deselected = 0
        for worker in self._workers:
            if worker.collection is None or worker.expected is not None:
                continue
            for nodeid in worker.collection.nodeids:
                by_file.setdefault(file_of(nodeid), []).append(nodeid)
            errors += [e for e in worker.collection.errors if e not in errors]
            notes += [n for n in worker.collection.notes if n not in notes]
            deselected += worker.collection.deselected
        errors += self._crash_errors
        last = len(self._file_order)
        files = sorted(by_file, key=lambda f: self._file_order.get(f, last))
        errors.sort(key=lambda e: self._file_order.get(file_of(e.nodeid), last))
        self._collection = CollectionFinished(
            tuple(n for f in files for n in by_file[f]), tuple(errors), deselected, tuple(notes)
        )
        self._emit(self._collection)
        if errors and not self._continue:
            self._discard_tests = True
            if self.stop is None:
                self.stop = (2, None)
        held, self._held = self._held or [], None
        for event in held:
            self._out(event)

    def _ensure_started(self) -> None:
        if not self._started:  # no worker got as far as starting its session
            self._started = True
            self._emit(
                SessionStarted(
                    rootdir=str(self._rootdir),
                    inifile=self._inifile.name if self._inifile else None,
                    python=platform.python_version(),
                    asyncio_mode="unknown",
                    loop_factory="unknown",
                )
            )

    # -- a worker's end --------------------------------------------------------------------------
    def on_exit(self, worker: _Worker, returncode: int, *, stopping: bool) -> _Rerun | None:
        """Report what a worker's end means; returns the work a replacement must do, if any."""
        try:
            if worker.session_finished is not None:
                if worker.session_finished.exit_code == EXIT_USAGE_ERROR:
                    for line in worker.stderr_tail().splitlines():
                        if line.startswith("ERROR: "):
                            self.usage_errors[line] = None
                if worker.expected is not None and not stopping:
                    missing = worker.expected - set(worker.finished)
                    errors = worker.collection.errors if worker.collection else ()
                    details = "".join(f"\n\n{e.longrepr}" for e in errors)
                    message = f"not run: worker {worker.name}, replacing a crashed one, did not run this test"
                    self._report_unrun(worker, missing, message, details)
                return None
            if stopping:
                return None
            return self._crashed(worker, returncode)
        finally:
            self._flush(worker)
            if worker in self._uncollected:
                self._uncollected.remove(worker)
                if not self._uncollected:
                    self._emit_collection()

    def _crashed(self, worker: _Worker, returncode: int) -> _Rerun | None:
        how = _describe_exit(returncode)
        details = f"\n\nlast lines of worker {worker.name}'s stderr:\n{worker.stderr_tail() or '(nothing)'}"
        if worker.expected is not None:
            expected = worker.expected
        elif worker.collection is not None:
            expected = frozenset(worker.collection.nodeids)
        else:
            message = f"worker crashed while collecting {_some(worker.files)}: {how}"
            self._crash_errors.append(CollectError(file_of(worker.files[0]), message + details, message))
            return None
        crashed = worker.running
        if crashed is not None:
            message = f"worker crashed while running this test: {how}"
            duration = time.monotonic() - worker.running_since
            result = _error(crashed.nodeid, crashed.path, message, details, duration, crashed.loop_scope)
            self.on_event(worker, TestFinished(result))
        done = set(worker.finished)
        pending = expected - done
        if not pending:
            if crashed is None:  # after its last test: at session teardown, reported as pytest does
                anchor = worker.last_result
                nodeid = anchor.nodeid if anchor else file_of(worker.files[0])
                message = f"worker crashed after its last test: {how}"
                result = _error(nodeid, file_of(nodeid), message, details, 0.0, None, Phase.TEARDOWN)
                self.on_event(worker, TestFinished(result))
            return None
        if crashed is None and not worker.finished:
            # No progress since this worker started: another try would crash the same way.
            self._report_unrun(worker, pending, f"worker crashed before this test ran: {how}", details)
            return None
        pending_files = {file_of(n) for n in pending}
        files = tuple(t for t in worker.files if file_of(t) in pending_files)
        deselect = (n for n in (*worker.deselect, *worker.finished) if file_of(n) in pending_files)
        return _Rerun(files, tuple(dict.fromkeys(deselect)), pending)

    def _report_unrun(self, worker: _Worker, nodeids: frozenset[str], message: str, details: str) -> None:
        """Tests a worker was meant to run and never reported: errors, in collection order."""
        collected = worker.collection.nodeids if worker.collection else ()
        order = {nodeid: i for i, nodeid in enumerate(collected)}
        for nodeid in sorted(nodeids, key=lambda n: (order.get(n, len(order)), n)):
            self.on_event(worker, TestFinished(_error(nodeid, file_of(nodeid), message, details, 0.0, None)))

    # -- the end ---------------------------------------------------------------------------------
    def finish(self, duration: float) -> int:
        self._ensure_started()
        if self._collection is None:
            self._emit_collection()  # interrupted before every worker had collected
        for worker in self._workers:
            self._flush(worker)
        assert self._collection is not None
        if self.stop is not None:
            code, reason = self.stop
        else:
            reason = None
            if self._failed or self._collection.errors:
                code = 1
            elif not self._collection.nodeids and not self._results:
                code = 5
            else:
                code = 0
            unusual = [c for c in self._worker_codes if c not in (0, 1, 2, 5)]
            if unusual:
                code = unusual[0]
            elif code in (0, 5) and 1 in self._worker_codes:
                code = 1
        self._emit(SessionFinished(code, duration, reason))
        return code


def _error(
    nodeid: str,
    path: str,
    message: str,
    details: str,
    duration: float,
    loop_scope: str | None,
    phase: Phase = Phase.SETUP,
) -> TestResult:
    failed = PhaseResult(phase, PhaseOutcome.FAILED, duration, longrepr=message + details, message=message)
    return TestResult(nodeid=nodeid, path=path, lineno=None, phases=(failed,), loop_scope=loop_scope)


def _some(files: Sequence[str], shown: int = 3) -> str:
    more = f" and {len(files) - shown} more" if len(files) > shown else ""
    return ", ".join(files[:shown]) + more


def _describe_exit(returncode: int) -> str:
    if returncode < 0:
        try:
            name = signal.Signals(-returncode).name
        except ValueError:
            return f"signal {-returncode}"
        return f"signal {-returncode} ({name})"
    return f"exit code {returncode}"


def _relpath(path: Path, rootdir: Path) -> str:
    try:
        return path.relative_to(rootdir).as_posix()
    except ValueError:
        return Path(os.path.relpath(path, rootdir)).as_posix()
