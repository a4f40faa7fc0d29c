"""The console-script entry point: answers ``--version`` before importing anything heavy.

Start-up time is a feature of a test runner; ``asynctestrun --version`` should not pay for click.
"""

from __future__ import annotations

import sys


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        from . import __version__

        sys.stdout.write(f"asynctestrun {__version__}\n")
        raise SystemExit(0)
    from ._execute import prestart

    if sys.argv[1:] == [prestart.PRESTART_FLAG]:
        argv = prestart.receive_argv()
        if argv is None:
            raise SystemExit(0)
        sys.argv[1:] = argv
    else:
        prestart.start_early(sys.argv[1:])  # with -n: workers start importing while we do
    from .cli import main as cli_main

    try:
        cli_main()
    except SystemExit as exc:
        _exit_without_finalizing(exc)


def _exit_without_finalizing(exc: SystemExit) -> None:
    """End the process without tearing down the interpreter, when nothing can tell the difference.

    After a large run the heap holds every collected module, item and report; freeing it object by
    object at interpreter shutdown took 0.4 to 0.5 s at 10,000 tests, a fifth of a collect-only run.
    What shutdown does that matters is kept: exit handlers run (logging flushes, coverage saves,
    multiprocessing cleans up) and the standard streams are flushed. When a thread that shutdown
    would wait for is still running, or a tracer or profiler is attached (a debugger, coverage's
    Python tracer), the ordinary exit is taken instead.
    """
    import threading

    code = exc.code
    if not (code is None or isinstance(code, int)):
        raise exc
    if sys.gettrace() is not None or sys.getprofile() is not None:
        raise exc
    main_thread = threading.main_thread()
    if any(t is not main_thread and not t.daemon and t.is_alive() for t in threading.enumerate()):
        raise exc
    import atexit
    import os

    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except (OSError, ValueError):
            pass  # a closed pipe or stream: nothing left to lose
    os._exit(code or 0)
