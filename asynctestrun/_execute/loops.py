"""LoopRunner: owns one event loop; every call through it runs on that same loop.

A LoopRunner is created lazily for a loop-scope instance (one per test for ``function``, one per
class/module/package, one for the session) and closed when that instance ends: pending tasks are
cancelled, async generators and the default executor are shut down, then the loop is closed.

The loop is driven directly (``run_until_complete`` on a task created in the given context) rather than
through ``asyncio.Runner.run``, which re-installs a SIGINT handler on every call: for a suite of small
tests that bookkeeping costs more than the test. Ctrl-C still works: it raises KeyboardInterrupt out
of the loop and the runner tears everything down.

Every start of a run has a fixed cost, and on uvloop a large one: it sets up signal handling (a
socket pair and a wake-up file descriptor) each time the loop starts on the main thread, which is
what lets Ctrl-C and the timeout watchdog wake a loop waiting in the kernel. A run therefore costs
about 10 µs on asyncio and 35 to 75 µs on uvloop, against 3 to 6 µs for a task run inside a loop
that is already running (``benchmarks/loop_runner.py``). The runner keeps runs to those the
semantics need: one per set-up, test call and teardown, and at most one more to close the loop.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import selectors
import sys
import warnings
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

T = TypeVar("T")
# Bound now, as asyncio's own modules hold theirs: a test replacing ``asyncio.all_tasks`` or
# ``asyncio.set_event_loop`` (monkeypatch, mock.patch) changes what its code sees, not what closes,
# sets or checks its loop, as under pytest-asyncio, whose asyncio.Runner calls asyncio's originals.
_all_tasks = asyncio.all_tasks
_set_event_loop = asyncio.set_event_loop

LoopFactory = Callable[[], asyncio.AbstractEventLoop]


def uvloop_factory() -> LoopFactory:
    try:
        import uvloop
    except ImportError as exc:
        # Configuration checks that uvloop can be found; this is an installation that cannot load.
        from .._config.config import ConfigError

        raise ConfigError(f"uvloop could not be imported: {exc}") from None
    factory: LoopFactory = uvloop.new_event_loop
    return factory


def asyncio_factory() -> LoopFactory:
    """asyncio's own loop class. Not ``asyncio.new_event_loop``: that asks the current policy, which
    ``uvloop.install()`` or a suite's policy may have replaced, and "asyncio" has to mean asyncio."""
    if sys.platform == "win32":
        return asyncio.ProactorEventLoop
    return asyncio.SelectorEventLoop


def builtin_factory(name: str) -> LoopFactory:
    """The factory behind a built-in loop name (``--loop``, ``--loop-matrix``)."""
    return uvloop_factory() if name == "uvloop" else asyncio_factory()


class LoopRunner:
    def __init__(
        self,
        loop_scope: str,
        key: str,
        *,
        debug: bool,
        loop_factory: LoopFactory | None,
        policy: asyncio.AbstractEventLoopPolicy | None = None,
        slow_callback_seconds: float = 0.1,
    ) -> None:
        self.loop_scope = loop_scope
        self.key = key
        self._old_policy: asyncio.AbstractEventLoopPolicy | None = None
        if policy is not None:
            self._old_policy = asyncio.get_event_loop_policy()
            asyncio.set_event_loop_policy(policy)
        self.loop = loop_factory() if loop_factory is not None else asyncio.new_event_loop()
        if debug:
            self.loop.set_debug(True)
            self.loop.slow_callback_duration = slow_callback_seconds
        # Like asyncio.Runner (and so pytest-asyncio): the loop is the current loop while it lives.
        _set_event_loop(self.loop)
        # A timeout the loop caught instead of letting it through; run() raises it.
        self._caught: list[BaseException] = []
        self._asyncio_runner: asyncio.Runner | None = None
        self._closed = False  # closed by close() (a second call is not the test closing it)
        # The watchdog raises its timeout from a loop callback when the signal lands in the loop's own
        # machinery, and uvloop calls signal handlers from a callback too. A callback's exception is
        # logged and the loop goes on waiting, so without this handler a test blocked on an await would
        # hang. (A suite that sets its own exception handler replaces it; the watchdog then raises
        # where the signal lands, as it does for sync code.)
        self.loop.set_exception_handler(StopOnTimeout(self._caught))

    def asyncio_runner(self) -> asyncio.Runner:
        """This loop as pytest-asyncio's runner fixtures give it: an ``asyncio.Runner`` over it, one per
        loop. It is only initialised (no signal handler, nothing to close); the LoopRunner still owns
        and closes the loop."""
        if self._asyncio_runner is None:
            loop = self.loop
            self._asyncio_runner = asyncio.Runner(loop_factory=lambda: loop)
            self._asyncio_runner.get_loop()
        return self._asyncio_runner

    def run(self, coro: Coroutine[Any, Any, T], context: contextvars.Context | None = None) -> T:
        loop = self.loop
        if loop.is_running():
            raise RuntimeError("a test or fixture tried to run the event loop while it is running")
        # The current loop is left as it is, as asyncio.Runner.run leaves it: a runner sets its loop once,
        # when made, and a narrower loop's close unsets it, so sync code after that finds none.
        task = loop.create_task(coro, context=context)
        try:
            result = loop.run_until_complete(task)
        except BaseException as error:
            caught = self._take_caught()
            if not task.done():
                # Interrupted from outside (Ctrl-C, a timeout signal): don't leave the task running.
                task.cancel()
                with contextlib.suppress(BaseException):  # the original error is what matters
                    loop.run_until_complete(task)
            if caught is not None and caught is not error:
                raise caught from None
            raise
        caught = self._take_caught()
        if caught is not None:  # the timeout came as the task was finishing: it still counts
            raise caught
        return result

    def _take_caught(self) -> BaseException | None:
        """The first timeout the loop caught during the last run, if any; repeats of it (the
        watchdog's alarm fires again until heard) are dropped with it."""
        caught = self._caught[0] if self._caught else None
        self._caught.clear()
        return caught

    def pending_tasks(self) -> str | None:
        """Where tasks still pending on this loop are awaiting, or None when there are none."""
        from .timeouts import describe_tasks, is_machinery_task

        if self.loop.is_closed() or not [
            t for t in _all_tasks(self.loop) if not t.done() and not is_machinery_task(t)
        ]:
            return None
        return describe_tasks(self.loop)

    def close(self) -> None:
        loop = self.loop
        try:
            if loop.is_closed():
                # The test closed it: pytest-asyncio's runner fails to shut it down, and warns.
                if not self._closed:
                    _warn_teardown_failed("RuntimeError: Event loop is closed\n")
            else:
                _cancel_all(loop)
                # Like asyncio.Runner.close(), but one run for both shutdowns, or none when asyncio's
                # own loop shows the run would call nothing. A run costs a fifth of a function-scoped
                # asyncio loop and a third of a uvloop one (uvloop sets up signal handling on every
                # run). It also gives callbacks still pending (a transport's connection_lost) their
                # turn, which is why it is kept whenever that cannot be ruled out.
                if not _nothing_to_run(loop):
                    try:
                        loop.run_until_complete(_shutdown(loop))
                    except RuntimeError:
                        import traceback

                        _warn_teardown_failed(traceback.format_exc())
        finally:
            self._closed = True
            if not loop.is_closed():
                loop.close()
            _set_event_loop(None)
            if self._old_policy is not None:
                asyncio.set_event_loop_policy(self._old_policy)


def make_current(loop: asyncio.AbstractEventLoop) -> None:
    """Make ``loop`` the current event loop, unless it already is. pytest-asyncio sets a loop only
    when the current one differs (``asyncio.Runner`` sets its loop once; its sync-fixture wrappers
    compare first), and a suite's policy may act on every ``set_event_loop`` call: hikari's closes
    the loop it replaces, even when the replacement is that same loop."""
    if _current_loop() is not loop:
        _set_event_loop(loop)


def _current_loop() -> asyncio.AbstractEventLoop | None:
    """The current loop as pytest-asyncio reads it: the policy's, or None when there is none. Asking
    a policy on which ``set_event_loop`` was never called (a suite replaced it) warns that there is
    no current loop on Python 3.12 and 3.13; the question is asynctestrun's, so the warning is not
    the suite's to see."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            return asyncio.get_event_loop()
    except RuntimeError:
        return None


class StopOnTimeout:
    """An exception handler that stops the loop on a watchdog timeout and keeps it in ``caught``.
    It holds no reference to the runner or the loop: a loop in a reference cycle waits for the
    garbage collector to free it, which made every uvloop loop a fifth more costly."""

    __slots__ = ("caught",)

    def __init__(self, caught: list[BaseException]) -> None:
        self.caught = caught

    def __call__(self, loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        from .timeouts import TestTimeout

        error = context.get("exception")
        if isinstance(error, TestTimeout):
            self.caught.append(error)
            loop.stop()  # run_until_complete then raises, and run() raises the timeout instead
            return
        loop.default_exception_handler(context)


# pytest-asyncio's words, so a suite's filter for this warning matches it.
_TEARDOWN_FAILED = (
    "An exception occurred during teardown of an asyncio.Runner. The reason is likely that you closed "
    "the underlying event loop in a test, which prevents the cleanup of asynchronous generators by the "
    "runner.\nThis warning will become an error in future versions of pytest-asyncio. Please ensure that "
    "your tests don't close the event loop. Here is the traceback of the exception triggered during "
    "teardown:\n{}\n"
)


def _warn_teardown_failed(traceback_text: str) -> None:
    import warnings

    warnings.warn(_TEARDOWN_FAILED.format(traceback_text), RuntimeWarning, stacklevel=3)


async def _shutdown(loop: asyncio.AbstractEventLoop) -> None:
    await loop.shutdown_asyncgens()
    await loop.shutdown_default_executor()


def _nothing_to_run(loop: asyncio.AbstractEventLoop) -> bool:
    """True when a run of ``loop`` would call no code at all: no ready callbacks, no timers but
    cancelled ones (a test's timeout leaves one), no async generators or default executor to shut
    down, no signal handlers, and no file descriptor watched besides the loop's own self-pipe. Only
    asyncio's selector loops show all of that; for any other loop (uvloop, the proactor, a future
    asyncio whose internals differ) the answer is False."""
    if not isinstance(loop, asyncio.BaseEventLoop) or "shutdown_asyncgens" in vars(loop):
        return False  # (a test replaced the loop's shutdown: it must run)
    selector: Any = getattr(loop, "_selector", None)
    internals: list[Any] = [getattr(loop, name, None) for name in ("_ready", "_scheduled", "_asyncgens")]
    # A loop built on BaseEventLoop may keep anything in _selector (aiostream's test loop keeps a
    # Mock): only a real selector tells which file descriptors are watched.
    if (
        not isinstance(selector, selectors.BaseSelector)
        or None in internals
        or not hasattr(loop, "_default_executor")
    ):
        return False
    ready, timers, asyncgens = internals
    return (
        not ready
        and all(timer.cancelled() for timer in timers)
        and not asyncgens
        and len(selector.get_map()) <= 1
        and getattr(loop, "_default_executor", None) is None
        and not getattr(loop, "_signal_handlers", None)
    )


def _cancel_all(loop: asyncio.AbstractEventLoop) -> None:
    tasks = [task for task in _all_tasks(loop) if not task.done()]
    if not tasks:
        return
    for task in tasks:
        task.cancel()
    loop.run_until_complete(asyncio.gather(*tasks, return_exceptions=True))
    for task in tasks:
        if task.cancelled():
            continue
        exc = task.exception()
        if exc is not None:
            loop.call_exception_handler(
                {"message": "unhandled exception during loop close", "exception": exc, "task": task}
            )
