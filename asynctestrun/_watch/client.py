"""Starting and cancelling runs from the watch loop: through the warm fork server, or a subprocess per run.

Both runners share one small interface (``Runner``): ``start(argv)`` returns a run id at once,
``on_exit(run_id, code)`` is called from a background thread when a run ends (cancelled ones too),
``cancel()`` stops the current run and returns once it has exited. Only one run is in progress at a
time; starting a new one cancels the old.

``make_runner`` picks the fork server where ``os.fork`` exists and ``ASYNCTESTRUN_WATCH_NO_FORK`` is
unset; otherwise (Windows) every run is ``python -m asynctestrun ...`` in a subprocess.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import threading
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, Final, Protocol

from .._model.exit_codes import EXIT_INTERNAL_ERROR
from .server import KILL_AFTER

NO_FORK_ENV: Final = "ASYNCTESTRUN_WATCH_NO_FORK"
ExitCallback = Callable[[int, int], None]  # (run id, exit code)


class Runner(Protocol):
    @property
    def running(self) -> bool: ...
    def start(self, argv: Sequence[str]) -> int: ...
    def wait(self, timeout: float | None = None) -> int | None: ...
    def cancel(self) -> None: ...
    def preload(self, names: Iterable[str]) -> None: ...
    def close(self) -> None: ...


def make_runner(rootdir: Path, on_exit: ExitCallback | None = None, preload: Iterable[str] = ()) -> Runner:
    if hasattr(os, "fork") and not os.environ.get(NO_FORK_ENV):
        return ForkServer(rootdir, on_exit, preload=preload)
    return SubprocessRunner(on_exit)


class _RunState:
    """The id of the run in progress and the codes of finished ones, shared with a reader thread."""

    def __init__(self, on_exit: ExitCallback | None) -> None:
        self.on_exit = on_exit
        self.cond = threading.Condition()
        self.current: int | None = None
        self.last_id = 0
        self.codes: dict[int, int] = {}

    def begin(self) -> int:
        with self.cond:
            self.last_id += 1
            self.current = self.last_id
            return self.last_id

    def finish(self, run_id: int, code: int) -> None:
        with self.cond:
            if run_id in self.codes:
                return
            self.codes[run_id] = code
            if self.current == run_id:
                self.current = None
            self.cond.notify_all()
        if self.on_exit is not None:
            self.on_exit(run_id, code)

    def wait(self, run_id: int | None, timeout: float | None) -> int | None:
        with self.cond:
            wanted = self.last_id if run_id is None else run_id
            self.cond.wait_for(lambda: wanted in self.codes, timeout)
            return self.codes.get(wanted)


class ForkServer:
    """Client of ``server.py``: one long-lived warm process that forks a child per run."""

    def __init__(
        self,
        rootdir: Path,
        on_exit: ExitCallback | None = None,
        *,
        preload: Iterable[str] = (),
        cwd: Path | None = None,
    ) -> None:
        """Runs happen in ``cwd`` (default: the current directory), with this process's ``sys.path``."""
        self.rootdir = rootdir
        self.cwd = cwd
        self._state = _RunState(on_exit)
        self._preload = sorted(set(preload))
        self._process: subprocess.Popen[bytes] | None = None
        self._servers: dict[int, subprocess.Popen[bytes] | None] = {}  # run id -> the server it went to
        self._send_lock = threading.Lock()
        self.ready = threading.Event()
        self.ready_info: dict[str, Any] = {}

    @property
    def running(self) -> bool:
        return self._state.current is not None

    def _ensure_started(self) -> None:
        if self._process is not None and self._process.poll() is None:
            return
        read_fd, write_fd = os.pipe()
        try:
            process = subprocess.Popen(
                [sys.executable, "-m", "asynctestrun._watch.server", str(write_fd)],
                stdin=subprocess.PIPE,
                pass_fds=(write_fd,),
                cwd=self.cwd,
            )
        finally:
            os.close(write_fd)
        self._process = process
        reader = threading.Thread(target=self._read_events, args=(read_fd, process), daemon=True)
        reader.start()
        hello = {"op": "hello", "sys_path": sys.path, "rootdir": str(self.rootdir), "preload": self._preload}
        self._send(hello)

    def _send(self, command: dict[str, Any], process: subprocess.Popen[bytes] | None = None) -> None:
        target = process or self._process
        stdin = target.stdin if target is not None else None
        if stdin is None:
            return
        with self._send_lock, contextlib.suppress(OSError, ValueError):
            stdin.write((json.dumps(command) + "\n").encode())
            stdin.flush()

    def _read_events(self, read_fd: int, process: subprocess.Popen[bytes]) -> None:
        with os.fdopen(read_fd, "rb") as stream:
            for line in stream:
                event = json.loads(line)
                if event.get("event") == "exited":
                    self._state.finish(int(event["id"]), int(event["code"]))
                elif event.get("event") == "ready":
                    self.ready_info = event
                    self.ready.set()
        # This server is gone (crashed, or killed as stuck): the run it had is over.
        current = self._state.current
        if current is not None and self._servers.get(current) is process:
            self._state.finish(current, EXIT_INTERNAL_ERROR)

    def start(self, argv: Sequence[str]) -> int:
        self.cancel()
        self._ensure_started()
        run_id = self._state.begin()
        self._servers[run_id] = self._process
        self._send({"op": "run", "id": run_id, "argv": list(argv)})
        return run_id

    def wait(self, timeout: float | None = None) -> int | None:
        """The exit code of the last run started, once it has exited (None on timeout)."""
        return self._state.wait(None, timeout)

    def cancel(self) -> None:
        current = self._state.current
        if current is None:
            return
        self._send({"op": "cancel"})
        if self._state.wait(current, KILL_AFTER + 5) is None:  # the server is stuck: replace it
            process, self._process = self._process, None
            if process is not None:
                process.kill()
                process.wait()
            self._state.wait(current, 5)

    def preload(self, names: Iterable[str]) -> None:
        names = sorted(set(names) - set(self._preload))
        if names:
            self._preload.extend(names)
            self._send({"op": "preload", "names": names})

    def close(self) -> None:
        self.cancel()
        process, self._process = self._process, None
        if process is None:
            return
        self._send({"op": "quit"}, process)
        with contextlib.suppress(OSError):
            if process.stdin is not None:
                process.stdin.close()
        try:
            process.wait(KILL_AFTER + 2)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


class SubprocessRunner:
    """Where there is no fork: ``python -m asynctestrun ARGS`` per run, cold every time."""

    def __init__(self, on_exit: ExitCallback | None = None, *, cwd: Path | None = None) -> None:
        self._state = _RunState(on_exit)
        self._process: subprocess.Popen[bytes] | None = None
        self.cwd = cwd

    @property
    def running(self) -> bool:
        return self._state.current is not None

    def start(self, argv: Sequence[str]) -> int:
        self.cancel()
        run_id = self._state.begin()
        process = subprocess.Popen(
            [sys.executable, "-m", "asynctestrun", *argv],
            stdin=subprocess.DEVNULL,
            cwd=self.cwd,
            start_new_session=os.name == "posix",  # Ctrl-C is the watch loop's; cancel() stops runs
        )
        self._process = process
        threading.Thread(target=lambda: self._state.finish(run_id, process.wait()), daemon=True).start()
        return run_id

    def wait(self, timeout: float | None = None) -> int | None:
        return self._state.wait(None, timeout)

    def cancel(self) -> None:
        process = self._process
        if process is None or process.poll() is not None:
            return
        process.terminate()
        try:
            process.wait(KILL_AFTER)
        except subprocess.TimeoutExpired:
            process.kill()
        self._state.wait(None, KILL_AFTER + 5)

    def preload(self, names: Iterable[str]) -> None:
        return None  # nothing stays warm between runs

    def close(self) -> None:
        self.cancel()
