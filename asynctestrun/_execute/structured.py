"""Async-generator fixtures whose set-up and teardown run in one task that lives across the ``yield``.

pytest-asyncio runs the two halves in separate tasks, so a fixture that holds ``asyncio.TaskGroup()`` or
``asyncio.timeout()`` open across its ``yield`` breaks at teardown, and a background task of the
fixture that fails while a test runs only surfaces after the test passed. Here one "lifetime" task
drives the generator: it runs the set-up, parks on a future while tests run, then runs the teardown.
When the fixture's own structure cancels that task early (a TaskGroup child failed, a timeout
expired), the cancellation is thrown into the generator at its ``yield`` so the fixture's
``async with`` blocks turn it into the real error, and the test running on that loop is failed with it.
"""

from __future__ import annotations

import asyncio
import contextvars
from collections.abc import AsyncGenerator, Callable
from typing import Any

from .loops import LoopRunner

# Takes a task out of ``asyncio.all_tasks()`` (it keeps running); a no-op where asyncio lacks it.
_unregister_task: Callable[[asyncio.Task[Any]], None] = getattr(
    asyncio.tasks, "_unregister_task", lambda _task: None
)


class BackgroundFailure(Exception):
    """A fixture's own task failed while a test was running; raised in place of that test's outcome."""


class TestGuard:
    """Which test task is running on which loop, so a failing fixture can stop exactly that test."""

    def __init__(self) -> None:
        self.running: dict[asyncio.AbstractEventLoop, asyncio.Task[Any]] = {}
        self.failures: dict[asyncio.AbstractEventLoop, tuple[str, BaseException]] = {}

    async def run(self, coro: Any) -> Any:
        """Await the test's coroutine as the guarded test task of the current loop."""
        loop = asyncio.get_running_loop()
        task = asyncio.current_task()
        assert task is not None
        self.running[loop] = task
        try:
            return await coro
        except asyncio.CancelledError:
            failure = self.failures.pop(loop, None)
            if failure is not None:
                name, error = failure
                raise BackgroundFailure(
                    f"async fixture '{name}' failed while the test was running: "
                    f"{type(error).__name__}: {error}"
                ) from error
            raise
        finally:
            self.running.pop(loop, None)

    def fixture_failed(self, loop: asyncio.AbstractEventLoop, name: str, error: BaseException) -> bool:
        """Fail the test running on ``loop`` with ``error``; False when no test is running there."""
        task = self.running.get(loop)
        if task is None or task.done():
            return False
        self.failures[loop] = (name, error)
        task.cancel()
        return True


def start(
    runner: LoopRunner,
    agen: AsyncGenerator[Any, None],
    context: contextvars.Context,
    name: str,
    guard: TestGuard,
) -> tuple[Any, Callable[[], None]]:
    """Run the set-up half; returns the yielded value and the function that runs the teardown."""
    loop = runner.loop
    ready: asyncio.Future[Any] = loop.create_future()
    resume: asyncio.Future[None] = loop.create_future()
    # Set when the teardown starts. Not resume.done(): cancelling the task also cancels the future
    # it awaits, so "done" cannot tell a teardown from a cancellation.
    released = False
    delivered = False  # the failure was already reported as the running test's failure

    async def lifetime() -> None:
        try:
            value = await agen.__anext__()
        except BaseException as exc:
            if not ready.done():
                ready.set_exception(exc)
            raise
        ready.set_result(value)
        try:
            await resume
        except asyncio.CancelledError as cancel:
            if released:
                raise
            # Cancelled by the fixture's own structure (TaskGroup, timeout): let it see the
            # cancellation where it is suspended, so its context managers raise the real error.
            await agen.athrow(cancel)
            raise RuntimeError(f"async fixture '{name}' kept running after its task was cancelled") from None
        try:
            await agen.__anext__()
        except StopAsyncIteration:
            return
        # pytest-asyncio's words (its two sentences run together), which its users' reports show.
        raise ValueError("Async generator fixture didn't stop.Yield only once.")

    task = loop.create_task(lifetime(), context=context)
    # The runner's own task: a test that waits for every other task of its loop (``asyncio.all_tasks()``)
    # must not wait for the one parked across this fixture's yield, which pytest-asyncio does not have.
    _unregister_task(task)

    def on_done(done: asyncio.Task[None]) -> None:
        if done.cancelled() or released or not ready.done() or ready.exception() is not None:
            return
        nonlocal delivered
        error = done.exception()
        if error is not None:
            delivered = guard.fixture_failed(loop, name, error)

    task.add_done_callback(on_done)

    async def wait_ready() -> Any:
        return await ready

    try:
        value = runner.run(wait_ready())
    except BaseException:
        if task.done() and not task.cancelled():
            task.exception()  # retrieved: the error is reported as the set-up failure
        raise

    def teardown() -> None:
        nonlocal released
        released = True
        if not resume.done():
            resume.set_result(None)

        async def wait_done() -> None:
            await task

        try:
            runner.run(wait_done())
        except BaseException:
            if not delivered:
                raise  # reported once: as the test's failure, not again as a teardown error

    return value, teardown
