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
import enum
import os
import selectors
import signal
import threading
import time
import traceback
from collections.abc import Callable, Coroutine, Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Any, NoReturn

from .._declare.outcomes import Failed

# Bound now: a test's replacement of asyncio.all_tasks must not reach its leak and timeout reports.
_all_tasks = asyncio.all_tasks


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


def is_machinery_task(task: asyncio.Task[Any]) -> bool:
    """A task no test started: the runner's deadline wrapper, or the ``aclose()`` the loop schedules
    for an async generator dropped before it finished (asyncio's asyncgen finaliser hook)."""
    coro = task.get_coro()
    return (
        getattr(coro, "__qualname__", "") == "run_with_deadline"
        or type(coro).__name__ == "async_generator_athrow"
    )


def describe_tasks(loop: asyncio.AbstractEventLoop, main: asyncio.Task[Any] | None = None) -> str:
    parts: list[str] = []
    for task in _all_tasks(loop):
        if task.done() or is_machinery_task(task):
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


async def run_with_deadline(
    coro: Coroutine[Any, Any, Any],
    seconds: float,
    what: str,
    clock_ahead: Callable[[float], None] = lambda _left: None,
) -> Any:
    """Await ``coro`` in the current task; at the deadline, describe pending tasks and fail with that.

    No task of its own: a test that waits for every other task of its loop (``asyncio.all_tasks()``
    minus itself) would otherwise wait for the task awaiting it, and never finish.

    The timeout is wall-clock time (pytest-timeout's), while the loop's timer follows the loop's clock.
    A loop with a fake clock (looptime's jumps to the next timer when idle) reaches the deadline early:
    then the wall-clock time left is handed to ``clock_ahead`` (the watchdog takes over) and the test
    goes on.
    """
    loop = asyncio.get_running_loop()
    task = asyncio.current_task()
    assert task is not None
    report: list[str] = []
    wall_deadline = wall_clock() + seconds

    def expire() -> None:
        left = wall_deadline - wall_clock()
        if left > CLOCK_SLACK:
            clock_ahead(left)
            return
        report.append(describe_tasks(loop, task))
        task.cancel()

    handle = loop.call_later(seconds, expire)
    try:
        return await coro
    except asyncio.CancelledError:
        if report:
            task.uncancel()
            raise TestTimeout(
                f"Timeout: {what} did not finish within its timeout.\n\nWhere each pending task was awaiting "
                f"(innermost last):\n{report[0]}",
                pytrace=False,
            ) from None
        raise
    finally:
        handle.cancel()


def wall_clock() -> float:
    """Monotonic seconds no test can fake: freezegun's ``freeze_time`` replaces ``time.monotonic`` (and
    ``perf_counter``) while a test runs, but not ``clock_gettime``, which Windows lacks."""
    if hasattr(time, "clock_gettime"):
        return time.clock_gettime(time.CLOCK_MONOTONIC)
    return time.monotonic()


# How far the wall clock may still be from the deadline when the loop's timer fires: timers fire a
# little early by design (asyncio rounds by the clock's resolution).
CLOCK_SLACK = 0.05
# How long after the timeout a worker that still has not regained control is terminated.
HARD_KILL_GRACE = 10.0

# Once past the timeout, the alarm repeats at this interval until its timeout has been raised: a
# signal can arrive before the loop listens for it (uvloop only hears signals through its own
# wake-up fd) and is then never handled; the next alarm is.
ALARM_REPEAT = 1.0
# After the timeout is raised, the alarm fires again if the armed code is still running this much
# later: the raise may have landed in a weakref callback or ``__del__``, which only log it.
RERAISE_AFTER = 5.0


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
        """Arm for ``seconds``; yields a function that re-arms with a new delay (e.g. to add grace).
        An alarm already armed outside (a test of the runner arming its own) gets its remaining time
        back on the way out."""
        if not seconds or not self.available:
            yield lambda _delay: None
            return

        alarm = _Alarm(seconds, what)
        done = threading.Event()
        armed_at = time.monotonic()
        outer_delay, outer_interval = 0.0, 0.0
        previous = signal.signal(signal.SIGALRM, alarm)
        # Everything from the timer's start is inside the try: an alarm as short as the time this
        # takes must still leave the previous handler and timer restored.
        try:
            outer_delay, outer_interval = signal.setitimer(signal.ITIMER_REAL, seconds, ALARM_REPEAT)
            if self.hard_kill:
                threading.Thread(
                    target=_kill_if_stuck, args=(done, seconds + HARD_KILL_GRACE, what), daemon=True
                ).start()

            def rearm(delay: float) -> None:
                signal.setitimer(signal.ITIMER_REAL, max(delay, 0.001), ALARM_REPEAT)

            yield rearm
        finally:
            alarm.active = False
            done.set()
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
            if outer_delay:
                left = max(outer_delay - (time.monotonic() - armed_at), 0.001)
                signal.setitimer(signal.ITIMER_REAL, left, outer_interval)


class _Alarm:
    """The SIGALRM handler of one armed watchdog.

    Raising from a signal handler lands between any two bytecodes. In the test's code (a task's
    coroutine, a sync function) that is the point: the test fails where it blocks. In the event
    loop's own machinery it can drop a callback already taken off the ready queue, such as the next
    step of the test's task, and the loop then waits forever for a task nothing will wake. So when
    the loop is between callbacks, the timeout is raised from a callback the loop runs next instead.
    """

    def __init__(self, seconds: float, what: str) -> None:
        self.seconds = seconds
        self.what = what
        # How many times the timeout has been raised; a raise queued on the loop goes ahead only if
        # no other came first.
        self.raised = 0
        # Cleared when the watchdog is disarmed: a raise still queued on a loop the test no longer
        # runs (a module-scoped loop) must not fail the next test.
        self.active = True

    def __call__(self, signum: int, frame: FrameType | None) -> None:
        if not self.active or (frame is not None and frame.f_code.co_filename == __file__):
            # Disarmed, or landing in the watchdog's own arming and disarming: a raise there would
            # skip restoring the previous handler and leave this alarm firing into later tests.
            # While arming, the repeating timer comes back.
            return
        where = _where(frame)
        loop = asyncio._get_running_loop()
        if (
            where is not _Where.ELSEWHERE
            and loop is not None
            and asyncio.current_task(loop) is None
            and _stops_on_timeout(loop)
        ):
            # Queued again on every alarm: a loop stopped before running the first drops it.
            loop.call_soon_threadsafe(self._raise_from_loop, loop, self.raised)
            return
        if where is _Where.LOOP_MACHINERY:
            # Starting, stopping or between callbacks of a loop that cannot take the raise from a
            # callback: try again in a moment, when the interpreter is somewhere else.
            signal.setitimer(signal.ITIMER_REAL, 0.05, ALARM_REPEAT)
            return
        stack = "".join(traceback.format_list(_user_stack(frame))) if frame is not None else ""
        self._raise(f"it was blocking here (innermost last):\n{stack}")

    def _raise_from_loop(self, loop: asyncio.AbstractEventLoop, raised_before: int) -> None:
        if self.raised != raised_before or not self.active:
            return  # raised already, or the test is over: a later test on this loop must not fail
        self._raise(
            "the event loop was waiting.\n\nWhere each pending task was awaiting (innermost last):\n"
            f"{describe_tasks(loop)}"
        )

    def _raise(self, where: str) -> NoReturn:
        self.raised += 1
        signal.setitimer(signal.ITIMER_REAL, RERAISE_AFTER, RERAISE_AFTER)
        raise TestTimeout(
            f"Timeout: {self.what} did not finish within {self.seconds:g}s; {where}", pytrace=False
        )


def _stops_on_timeout(loop: asyncio.AbstractEventLoop) -> bool:
    """Whether a timeout raised in one of ``loop``'s callbacks stops the loop (the runner's own
    exception handler) rather than being logged while the loop goes on waiting."""
    from .loops import StopOnTimeout

    return isinstance(loop.get_exception_handler(), StopOnTimeout)


class _Where(enum.Enum):
    """Where a signal found the main thread, as far as raising there is concerned."""

    LOOP_MACHINERY = "asyncio's or the runner's loop code: a raise can leave the loop inconsistent"
    LOOP_WAITING = "the selector's wait for I/O: nothing is half done"
    ELSEWHERE = "the test's own code, or code it called"


def _where(frame: FrameType | None) -> _Where:
    """Classify by the innermost frame that is asyncio's, the runner's loop code or anyone else's,
    looking through the standard library's other modules: a raise inside ``WeakSet.add`` called by
    ``create_task`` leaves a task no one can find to cancel."""
    waiting = False
    while frame is not None:
        filename = frame.f_code.co_filename
        if filename.startswith(_ASYNCIO_DIR) or filename == _LOOPS_FILE:
            return _Where.LOOP_WAITING if waiting else _Where.LOOP_MACHINERY
        if filename == selectors.__file__:
            waiting = True
        elif not _neutral(filename):
            return _Where.ELSEWHERE
        frame = frame.f_back
    return _Where.ELSEWHERE if waiting else _Where.LOOP_MACHINERY


def _neutral(filename: str) -> bool:
    """The standard library outside asyncio, which the loop and the test both call."""
    return (filename.startswith(_STDLIB_DIR) and "-packages" not in filename) or filename.startswith(
        "<frozen"
    )


_ASYNCIO_DIR = os.path.dirname(asyncio.__file__) + os.sep
_STDLIB_DIR = os.path.dirname(os.__file__) + os.sep
# The runner's module that drives loops (run_until_complete, cancelling, closing); uvloop's own code
# is compiled, so a signal handled inside it shows this module's frame.
_LOOPS_FILE = os.path.join(os.path.dirname(__file__), "loops.py")


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
