"""The warm fork server: imports the heavy dependencies once, then forks a fresh child for every run.

Process layout (``client.ForkServer`` starts and drives this module as ``python -m``)::

    watch loop (threads: watchfiles, keys) ──commands──► fork server ──fork()──► run child
                                            ◄──events───  (one thread)           cli.run(argv)

Why a process of its own rather than forking the watch loop: ``fork()`` copies only the calling
thread, and the loop has a watchfiles thread and a key-reader thread whose locks a child could
inherit while held. The server has one thread and does nothing but import.

What it imports, once: asynctestrun's own modules (unless they live under the rootdir: the runner
watching itself) and the stdlib and third-party modules the project imports
(``ImportGraph.external_imports``). Never the project's own modules: an import that pulls in a module
from under the rootdir, or the real pytest (the shim must win inside a run), is rolled back. Before
every fork, modules from under the rootdir are dropped from ``sys.modules``, so each child imports
the project fresh.

Stale bytecode. Python's ``.pyc`` is trusted when the source's mtime (whole seconds) and size match,
the assert-rewrite cache when mtime (ns) and size match; a same-size save within the filesystem's
timestamp granularity would reuse the old code. The loop therefore calls ``invalidate_bytecode`` on
the changed files before each run; the child calls ``importlib.invalidate_caches()`` so directory
listings cached by the parent's path finders see new files.

Cancelling: SIGTERM to the child's process group (the child turns it into KeyboardInterrupt, so
fixtures are torn down), then SIGKILL after one second.

Protocol: JSON lines. Commands on stdin: ``hello`` (sys_path, rootdir, preload), ``preload``,
``run`` (id, argv), ``cancel``, ``quit``. Events on the reply fd: ``ready``, ``exited`` (id, code).
"""

from __future__ import annotations

import atexit
import contextlib
import importlib
import importlib.util
import io
import json
import os
import pkgutil
import select
import signal
import sys
import threading
import time
import traceback
import warnings
from collections.abc import Iterable
from pathlib import Path
from types import FrameType, ModuleType
from typing import Any, Final, NoReturn

from .._model.exit_codes import EXIT_INTERNAL_ERROR

KILL_AFTER: Final = 1.0  # seconds between SIGTERM and SIGKILL
IMPORT_TIMEOUT: Final = 10.0  # seconds one preloaded import may take before it is given up
NO_PRELOAD_ENV: Final = "ASYNCTESTRUN_WATCH_NO_PRELOAD"  # set: import only asynctestrun in the server
_SHIMMED: Final = frozenset({"pytest", "_pytest", "pytest_asyncio", "py"})


def invalidate_bytecode(paths: Iterable[Path]) -> None:
    """Remove the cached bytecode of these source files: Python's ``.pyc`` (also under
    ``PYTHONPYCACHEPREFIX``) and the rewrite cache, which always sits in ``__pycache__``."""
    for path in paths:
        if path.suffix != ".py":
            continue
        for optimization in ("", 1, 2):
            with contextlib.suppress(OSError, ValueError, NotImplementedError):
                os.unlink(importlib.util.cache_from_source(str(path), optimization=optimization))
        cache = path.parent / "__pycache__"
        prefix = path.stem + "."
        with contextlib.suppress(OSError):
            for name in os.listdir(cache):
                if name.startswith(prefix) and name.endswith(".pyc"):
                    with contextlib.suppress(OSError):
                        os.unlink(cache / name)


def _is_under(filename: str | None, root: str) -> bool:
    return bool(filename) and os.path.abspath(str(filename)).startswith(root)


def _module_under(module: ModuleType | None, root: str) -> bool:
    if module is None:
        return False
    if _is_under(getattr(module, "__file__", None), root):
        return True
    return any(_is_under(entry, root) for entry in list(getattr(module, "__path__", None) or ()))


def purge_project_modules(rootdir: Path) -> list[str]:
    """Drop every module loaded from under ``rootdir`` from ``sys.modules``; returns their names."""
    root = str(rootdir) + os.sep
    doomed = [
        name
        for name, module in list(sys.modules.items())
        if name != "__main__" and _module_under(module, root)
    ]
    for name in doomed:
        del sys.modules[name]
    return doomed


# -- preloading ---------------------------------------------------------------------------------
def _spec_outside(name: str, root: str) -> bool:
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError, AttributeError):
        return False
    if spec is None:
        return False
    if spec.origin and spec.origin not in ("built-in", "frozen") and _is_under(spec.origin, root):
        return False
    return not any(_is_under(entry, root) for entry in spec.submodule_search_locations or ())


def _import_timeout(signum: int, frame: FrameType | None) -> None:
    raise TimeoutError("import took too long")


def _import_quietly(name: str, root: str) -> bool:
    """Import ``name``; roll the import back if it failed, hung for ``IMPORT_TIMEOUT`` seconds, or
    reached the project or the real pytest."""
    before = set(sys.modules)
    sink = io.StringIO()
    ok = True
    timer = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    with warnings.catch_warnings(), contextlib.redirect_stdout(sink), contextlib.redirect_stderr(sink):
        warnings.simplefilter("ignore")
        if timer:
            started = time.monotonic()
            previous = signal.signal(signal.SIGALRM, _import_timeout)
            outer, interval = signal.setitimer(signal.ITIMER_REAL, IMPORT_TIMEOUT)
        try:
            importlib.import_module(name)
        except BaseException:  # a broken or exiting module must not take the server down
            ok = False
        finally:
            if timer:
                signal.setitimer(signal.ITIMER_REAL, 0)
                signal.signal(signal.SIGALRM, previous)
                if outer:  # someone else's timer was running: put back what is left of it
                    remaining = max(outer - (time.monotonic() - started), 0.001)
                    signal.setitimer(signal.ITIMER_REAL, remaining, interval)
    added = set(sys.modules) - before
    tainted = any(n.split(".", 1)[0] in _SHIMMED or _module_under(sys.modules.get(n), root) for n in added)
    if ok and not tainted:
        return True
    for added_name in added:
        sys.modules.pop(added_name, None)
    return False


def preload(names: Iterable[str], rootdir: Path) -> int:
    """Import the given external modules (parents first); returns how many were imported.

    ``ASYNCTESTRUN_WATCH_NO_PRELOAD`` turns this off, for dependencies whose import has side effects
    that must happen in the run (reading environment variables a conftest sets, say)."""
    if os.environ.get(NO_PRELOAD_ENV):
        return 0
    root = str(rootdir) + os.sep
    count = 0
    for name in sorted(set(names), key=lambda n: (n.count("."), n)):
        top, _, rest = name.partition(".")
        parent = name.rpartition(".")[0]
        if name in sys.modules or top in _SHIMMED or top.startswith("pytest") or name.endswith("__main__"):
            continue
        if rest and parent not in sys.modules:
            continue  # the parent failed to import, or was never wanted
        if not rest and not _spec_outside(name, root):
            continue
        count += _import_quietly(name, root)
    return count


def preload_runner(rootdir: Path) -> int:
    """asynctestrun's own modules, unless they are the project being watched."""
    import asynctestrun

    root = str(rootdir) + os.sep
    if _module_under(asynctestrun, root):
        return 0
    names = ["asynctestrun.cli", "asynctestrun.session"]
    for info in pkgutil.walk_packages(asynctestrun.__path__, "asynctestrun.", onerror=lambda _name: None):
        if not info.name.endswith("__main__") and not info.name.startswith("asynctestrun._watch"):
            names.append(info.name)
    return sum(_import_quietly(name, root) for name in names if name not in sys.modules)


# -- the child ----------------------------------------------------------------------------------
def _terminate(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def _child(argv: list[str], close_fds: Iterable[int]) -> NoReturn:
    """In the forked child: become a process group, detach stdin, run the CLI, exit with its code."""
    code = EXIT_INTERNAL_ERROR
    try:
        with contextlib.suppress(OSError):
            os.setpgid(0, 0)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        signal.signal(signal.SIGTERM, _terminate)
        devnull = os.open(os.devnull, os.O_RDONLY)
        os.dup2(devnull, 0)  # the command pipe was stdin: tests must not read it
        for fd in {*close_fds, devnull} - {0, 1, 2}:
            with contextlib.suppress(OSError):
                os.close(fd)
        importlib.invalidate_caches()
        sys.argv = ["asynctestrun", *argv]
        cli = importlib.import_module("asynctestrun.cli")
        code = cli.run(argv)
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except KeyboardInterrupt:
        code = 2
    except BaseException:  # report and exit: never return into the server loop
        traceback.print_exc()
    finally:
        with contextlib.suppress(BaseException):
            atexit._run_exitfuncs()
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(BaseException):
                stream.flush()
        os._exit(code & 0xFF)


class _Run:
    def __init__(self, run_id: int, pid: int) -> None:
        self.run_id = run_id
        self.pid = pid
        self.pidfd: int | None = None
        with contextlib.suppress(AttributeError, OSError):
            self.pidfd = os.pidfd_open(pid)

    def poll(self, block: bool = False) -> int | None:
        try:
            pid, status = os.waitpid(self.pid, 0 if block else os.WNOHANG)
        except ChildProcessError:
            return EXIT_INTERNAL_ERROR
        if pid == 0:
            return None
        if self.pidfd is not None:
            os.close(self.pidfd)
        return os.waitstatus_to_exitcode(status)

    def stop(self) -> int:
        """SIGTERM the run's process group, SIGKILL it after ``KILL_AFTER`` seconds."""
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.pid, signal.SIGTERM)
        deadline = time.monotonic() + KILL_AFTER
        while time.monotonic() < deadline:
            code = self.poll()
            if code is not None:
                return code
            time.sleep(0.01)
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.pid, signal.SIGKILL)
        code = self.poll(block=True)
        return EXIT_INTERNAL_ERROR if code is None else code


# -- the server loop ----------------------------------------------------------------------------
class _Server:
    def __init__(self, command_fd: int, reply_fd: int) -> None:
        self.command_fd = command_fd
        self.reply_fd = reply_fd
        self.rootdir = Path.cwd()
        self.run: _Run | None = None

    def send(self, **event: Any) -> None:
        with contextlib.suppress(OSError):  # the loop is gone: stdin's end-of-file will stop us
            os.write(self.reply_fd, (json.dumps(event) + "\n").encode())

    def serve(self) -> int:
        buffer = b""
        while True:
            run = self.run
            fds = [self.command_fd] + ([run.pidfd] if run is not None and run.pidfd is not None else [])
            timeout = 0.01 if run is not None and run.pidfd is None else None
            readable, _, _ = select.select(fds, [], [], timeout)
            if run is not None:
                code = run.poll()
                if code is not None:
                    self.run = None
                    self.send(event="exited", id=run.run_id, code=code)
            if self.command_fd not in readable:
                continue
            data = os.read(self.command_fd, 65536)
            if not data:  # the watch loop is gone
                self.cancel()
                return 0
            buffer += data
            while b"\n" in buffer:
                line, buffer = buffer.split(b"\n", 1)
                if line.strip() and not self.handle(json.loads(line)):
                    self.cancel()
                    return 0

    def handle(self, command: dict[str, Any]) -> bool:
        op = command.get("op")
        if op == "hello":
            sys.path[:] = command["sys_path"]
            self.rootdir = Path(command["rootdir"])
            started = time.perf_counter()
            count = preload_runner(self.rootdir) + preload(command.get("preload", ()), self.rootdir)
            self.send(event="ready", modules=count, seconds=round(time.perf_counter() - started, 3))
        elif op == "preload":
            preload(command.get("names", ()), self.rootdir)
        elif op == "run":
            self.cancel()
            self.fork(int(command["id"]), list(command["argv"]))
        elif op == "cancel":
            self.cancel()
        elif op == "quit":
            return False
        return True

    def fork(self, run_id: int, argv: list[str]) -> None:
        purge_project_modules(self.rootdir)
        for stream in (sys.stdout, sys.stderr):
            stream.flush()
        pid = os.fork()
        if pid == 0:
            _child(argv, (self.command_fd, self.reply_fd))
        with contextlib.suppress(OSError):
            os.setpgid(pid, pid)  # also here: whichever of parent and child runs first wins the race
        self.run = _Run(run_id, pid)

    def cancel(self) -> None:
        run, self.run = self.run, None
        if run is not None:
            self.send(event="exited", id=run.run_id, code=run.stop())


def main(argv: list[str]) -> int:
    """``python -m asynctestrun._watch.server REPLY_FD``: commands on stdin, events on REPLY_FD."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the watch loop's to handle
    return _Server(sys.stdin.fileno(), int(argv[0])).serve()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
