"""Starting worker processes, some before their run is known, so their start-up overlaps the parent's.

With ``-n``, the parent loads its configuration, plugins and conftests and walks the test paths before
it knows which files each worker gets; a worker then spends as long again importing asynctestrun
before it can collect. So workers are started as soon as the parent knows how many it wants, each as
``python -m asynctestrun --worker-prestart``: the worker imports what every run needs, then waits for
one line on stdin, the JSON list of its real arguments (end of file: not needed, exit). After that
line its stdin is ``/dev/null``, as for a worker started with its arguments.

"As soon as" is twice. The console entry point reads ``-n`` straight off the command line
(``requested_workers``) before it imports anything else, and keeps what it started here
(``start_early``); the run takes those (``take_early``) when its configuration asks for the same
count, and otherwise discards them and starts its own (``-n`` from ``addopts``, say). Guessing wrong
costs the CPU of an import, never a wrong result.

This module imports nothing heavy: the entry point uses it before anything else is loaded.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

PRESTART_FLAG = "--worker-prestart"
EXIT_AFTER_EOF = 2.0  # seconds to wait for a process whose stream ended (or that exited) to finish both
# Options after which no test runs in this process's workers: nothing to start early for.
_NO_WORKERS = frozenset(
    {
        "--collect-only",
        "--co",
        "--version",
        "-V",
        "-h",
        "--help",
        "--watch",
        "--fixtures",
        "--fixtures-per-test",
        "--markers",
        "--worker-jsonl",
        "--setup-plan",
    }
)


_SUBCOMMANDS = frozenset({"report", "merge", "watch"})


def _started_with_cwd_on_path() -> bool:
    """Whether this process has the working directory first on sys.path, as ``python -m asynctestrun``
    has and the ``asynctestrun`` script has not. Asked when this module is imported, before any conftest
    puts a directory of its own there."""
    first = sys.path[0] if sys.path else None
    return first is not None and os.path.abspath(first) == os.getcwd()


_CWD_ON_PATH = _started_with_cwd_on_path()


def default_worker_command(args: list[str]) -> list[str]:
    # ``-m`` puts the working directory first on a worker's sys.path: under the script it was not on the
    # parent's, and a worker that could import what the sequential run cannot would pass its tests.
    # ``-P`` (Python 3.11+) leaves it off.
    safe_path = [] if _CWD_ON_PATH else ["-P"]
    return [sys.executable, *safe_path, "-m", "asynctestrun", *args]


def resolve_numprocesses(value: str) -> int:
    """``-n`` value: a count, or ``auto``/``logical`` for the CPUs this process may use."""
    if value in ("auto", "logical"):
        override = os.environ.get("PYTEST_XDIST_AUTO_NUM_WORKERS", "")
        if override.isdigit():
            return int(override)
        if hasattr(os, "sched_getaffinity"):
            return max(1, len(os.sched_getaffinity(0)))
        return max(1, os.cpu_count() or 1)
    try:
        count = int(value)
    except ValueError:
        raise ValueError(f"-n expects a number of workers or 'auto', got {value!r}") from None
    if count < 0:
        raise ValueError(f"-n expects a number of workers or 'auto', got {value!r}")
    return count


def start_worker(
    command: list[str], cwd: Path, name: str, count: int, run_id: str, *, prestart: bool = False
) -> subprocess.Popen[bytes]:
    env = dict(os.environ)
    # The names pytest-xdist sets: suites use them to give each worker its own database, port, ...
    env.update(PYTEST_XDIST_WORKER=name, PYTEST_XDIST_WORKER_COUNT=str(count), PYTEST_XDIST_TESTRUNUID=run_id)
    return subprocess.Popen(
        command,
        stdin=subprocess.PIPE if prestart else subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=cwd,
        env=env,
        # Its own process group: a Ctrl-C reaches only the parent, which passes on exactly one.
        process_group=0 if os.name == "posix" else None,
    )


@dataclass
class Prestarted:
    """Workers started before their files are known, named gw0, gw1, ... in this order."""

    processes: list[subprocess.Popen[bytes]]
    count: int
    run_id: str
    cwd: Path

    def discard(self) -> None:
        """Tell the workers not used that they are not needed (end of file), and wait for them."""
        for process in self.processes:
            with contextlib.suppress(OSError):
                assert process.stdin is not None
                process.stdin.close()
        for process in self.processes:
            try:
                process.wait(timeout=EXIT_AFTER_EOF)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            for stream in (process.stdout, process.stderr):
                if stream is not None:
                    stream.close()
        self.processes.clear()


def prestart(
    n: int, cwd: Path, command: Callable[[list[str]], list[str]] = default_worker_command
) -> Prestarted:
    """Start ``n`` workers that import asynctestrun while this process prepares the run."""
    run_id = uuid.uuid4().hex
    processes = [
        start_worker(command([PRESTART_FLAG]), cwd, f"gw{i}", n, run_id, prestart=True) for i in range(n)
    ]
    return Prestarted(processes, n, run_id, cwd)


_early: Prestarted | None = None


def requested_workers(argv: Sequence[str]) -> int | None:
    """The worker count ``-n`` asks for on this command line, or None (no ``-n``, ``-n 0``, a value
    that is not a count, or an option after which no test runs)."""
    value: str | None = None
    for i, arg in enumerate(argv):
        if arg == "--" or arg in _NO_WORKERS or (i == 0 and arg in _SUBCOMMANDS):
            return None  # the end of options, an option that runs nothing, a subcommand (watch, merge)
        if arg in ("-n", "--numprocesses") and i + 1 < len(argv):
            value = argv[i + 1]
        elif arg.startswith("--numprocesses="):
            value = arg.split("=", 1)[1]
        elif arg.startswith("-n") and not arg.startswith("--") and len(arg) > 2:
            value = arg[2:]
    if value is None:
        return None
    try:
        return resolve_numprocesses(value) or None
    except ValueError:
        return None  # not a count: the configuration reports it


def start_early(argv: Sequence[str]) -> None:
    """At process start: start the workers ``-n`` on the command line asks for (see the module doc)."""
    global _early
    count = requested_workers(argv)
    if count:
        _early = prestart(count, Path.cwd())


def take_early(count: int, cwd: Path) -> Prestarted | None:
    """The workers started early, when they are what the run needs; otherwise they are discarded."""
    global _early
    early, _early = _early, None
    if early is not None and (early.count != count or early.cwd != cwd):
        early.discard()
        return None
    return early


def receive_argv() -> list[str] | None:
    """In a prestarted worker: preload, then wait for the arguments; None when the parent has none."""
    from .. import cli, session  # noqa: F401  (imported for their side effect: loaded while we wait)
    from .._report import jsonlines  # noqa: F401

    line = sys.stdin.buffer.readline()
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)
    os.close(devnull)
    if not line.strip():
        return None
    argv = json.loads(line)
    if not isinstance(argv, list) or not all(isinstance(a, str) for a in argv):
        raise SystemExit(f"asynctestrun: a prestarted worker got {line[:200]!r} instead of its arguments")
    return argv
