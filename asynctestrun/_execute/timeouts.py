"""Per-test timeouts that explain where a test hangs.

Two layers. For an async test, the event loop itself fires at the deadline: it records where every
pending task is awaiting (the await chain, innermost last), then cancels the test task, so the test
fails with that picture instead of "timed out". Behind it, a SIGALRM watchdog (POSIX, main thread)
fires at the deadline for sync code and fixtures, and a second later for async tests, catching code
that blocks the loop (``time.sleep``, busy loops): its handler raises in the blocked frame and
reports that frame's stack.
"""

from __future__ import annotations

import asyncio
import signal
import threading
import traceback
from collections.abc import Callable, Coroutine, Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Any

from .._declare.outcomes import Failed


class TestTimeout(Failed):
    """A test (with its fixtures) ran past its timeout."""


def _await_chain(coro: Any) -> list[str]:
    lines: list[str] = []
    seen = 0
    while coro is not None and seen < 50:
        seen += 1
        frame = (
            getattr(coro, "cr_frame", None)
            or getattr(coro, "gi_frame", None)
            or getattr(coro, "ag_frame", None)
        )
        if frame is not None and not _internal(frame.f_code.co_filename):
            summary = traceback.extract_stack(frame, limit=1)[-1]
            lines.append(
                f"{summary.filename}:{summary.lineno} in {summary.name}: {(summary.line or '').strip()}"
            )
        coro = (
            getattr(coro, "cr_await", None)
            or getattr(coro, "gi_yieldfrom", None)
            or getattr(coro, "ag_await", None)
        )
    return lines


def _internal(filename: str) -> bool:
    from .failures import is_internal_file

    return is_internal_file(filename)


def describe_tasks(loop: asyncio.AbstractEventLoop, main: asyncio.Task[Any] | None = None) -> str:
    parts: list[str] = []
    for task in asyncio.all_tasks(loop):
        if task.done() or getattr(task.get_coro(), "__qualname__", "") == "run_with_deadline":
            continue
        label = " (the test)" if task is main else ""
        coro = task.get_coro()
        name = getattr(coro, "__qualname__", type(coro).__name__)
        parts.append(f"  Task {task.get_name()!r} running {name}(){label}:")
        chain = _await_chain(coro)
        parts.extend(f"    {line}" for line in chain or ["(not started yet)"])
        created = getattr(task, "_source_traceback", None)
        if created:
            last = created[-1]
            parts.append(f"    created at {last.filename}:{last.lineno}")
    return "\n".join(parts) if parts else "  (no pending tasks)"


async def run_with_deadline(coro: Coroutine[Any, Any, Any], seconds: float, what: str) -> Any:
    """Await ``coro`` in a task; at the deadline, describe pending tasks and fail with that."""
    loop = asyncio.get_running_loop()
    task = loop.create_task(coro)
    report: list[str] = []

    def expire() -> None:
        report.append(describe_tasks(loop, task))
        task.cancel()

    handle = loop.call_later(seconds, expire)
    try:
        return await task
    except asyncio.CancelledError:
        if report:
            raise TestTimeout(
                f"Timeout: {what} did not finish within its timeout.\n\nWhere each pending task was awaiting "
                f"(innermost last):\n{report[0]}",
                pytrace=False,
            ) from None
        raise
    finally:
        handle.cancel()


# How long after the timeout a worker that still has not regained control is terminated.
HARD_KILL_GRACE = 10.0


class Watchdog:
    """SIGALRM-based interruption of code blocking the main thread.

    In a worker process (``hard_kill``), a thread also stands by: code that never returns to the
    interpreter (a C call ignoring signals) cannot be interrupted, so past the timeout plus a grace
    period the worker writes which test hung, with every thread's stack, to stderr and exits; its
    parent reports that test and runs the rest of the worker's files in a new worker.
    """

    def __init__(self, *, hard_kill: bool = False) -> None:
        self.available = (
            hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
        )
        self.hard_kill = hard_kill

    @contextmanager
    def arm(self, seconds: float | None, what: str) -> Iterator[Callable[[float], None]]:
        """Arm for ``seconds``; yields a function that re-arms with a new delay (e.g. to add grace)."""
        if not seconds or not self.available:
            yield lambda _delay: None
            return

        def on_alarm(signum: int, frame: FrameType | None) -> None:
            stack = "".join(traceback.format_list(_user_stack(frame))) if frame is not None else ""
            raise TestTimeout(
                f"Timeout: {what} did not finish within {seconds:g}s; it was blocking here "
                "(innermost last):\n"
                f"{stack}",
                pytrace=False,
            )

        previous = signal.signal(signal.SIGALRM, on_alarm)
        signal.setitimer(signal.ITIMER_REAL, seconds)
        done = threading.Event()
        if self.hard_kill:
            threading.Thread(
                target=_kill_if_stuck, args=(done, seconds + HARD_KILL_GRACE, what), daemon=True
            ).start()
        try:

            def rearm(delay: float) -> None:
                signal.setitimer(signal.ITIMER_REAL, max(delay, 0.001))

            yield rearm
        finally:
            done.set()
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)


def _kill_if_stuck(done: threading.Event, after: float, what: str) -> None:
    if done.wait(after):
        return
    import faulthandler
    import os
    import sys

    sys.stderr.write(f"Timeout: {what} could not be interrupted; terminating this worker. Stacks:\n")
    sys.stderr.flush()
    faulthandler.dump_traceback(all_threads=True)
    os._exit(70)


def _user_stack(frame: FrameType) -> traceback.StackSummary:
    """The blocked stack without the runner's and asyncio's own frames."""
    from .failures import is_internal_file

    summary = traceback.extract_stack(frame)
    return traceback.StackSummary.from_list([f for f in summary if not is_internal_file(f.filename)])


def timeout_for(marks_timeout: object, default: float | None) -> float | None:
    if marks_timeout is None:
        return default
    try:
        value = float(marks_timeout)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise Failed(
            f"invalid timeout value {marks_timeout!r}: expected a number of seconds", pytrace=False
        ) from None
    return value if value > 0 else None
