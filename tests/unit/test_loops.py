"""LoopRunner (asynctestrun._execute.loops) on asyncio and on uvloop: closing a loop finishes what
asyncio.Runner finishes, however few runs of the loop it takes, and a blocked run can still be
interrupted (Ctrl-C, the timeout watchdog) on both."""

import asyncio
import contextvars
import gc
import os
import signal
import threading
import time
import weakref

import pytest

from asynctestrun._execute import loops, structured, timeouts
from asynctestrun._execute.loops import LoopRunner, _nothing_to_run, builtin_factory

LOOPS = ["asyncio", pytest.param("uvloop", marks=pytest.mark.skipif("sys.platform == 'win32'"))]


@pytest.fixture(params=LOOPS)
def runner(request):
    if request.param == "uvloop":
        pytest.importorskip("uvloop")
    runner = LoopRunner("function", "test", debug=False, loop_factory=builtin_factory(request.param))
    yield runner
    runner.close()


def test_builtin_factories_make_the_named_loop(runner, request):
    module = type(runner.loop).__module__
    assert module.startswith("uvloop" if "uvloop" in request.node.name else "asyncio")


def test_close_finishes_async_generators_and_the_default_executor(runner):
    events = []

    async def numbers():
        try:
            yield 1
            yield 2
        finally:
            await asyncio.sleep(0)
            events.append("generator finished")

    async def test():
        generator = numbers()
        await generator.__anext__()  # left suspended at its first yield
        runner.keep = generator
        await asyncio.get_running_loop().run_in_executor(None, events.append, "executor used")

    runner.run(test())
    runner.close()
    assert events == ["executor used", "generator finished"]
    assert runner.loop.is_closed()


def test_close_gives_callbacks_still_pending_their_turn(runner):
    # A transport's close() schedules connection_lost this way: it must still be called.
    events = []

    async def test():
        loop = asyncio.get_running_loop()
        loop.call_soon(events.append, "first")
        loop.call_soon(lambda: loop.call_soon(events.append, "scheduled by a callback"))

    runner.run(test())
    runner.close()
    assert "first" in events and "scheduled by a callback" in events


def test_close_cancels_tasks_left_running_and_they_can_be_described_first(runner):
    async def forever():
        await asyncio.Event().wait()

    async def test():
        runner.leaked = asyncio.get_running_loop().create_task(forever(), name="leaked-task")

    runner.run(test())
    description = runner.pending_tasks()
    assert "leaked-task" in description and "forever" in description
    runner.close()
    assert runner.leaked.cancelled()
    assert runner.pending_tasks() is None


def test_the_loops_own_async_generator_finaliser_is_not_a_leak(runner):
    async def numbers():
        try:
            yield 1
            yield 2
        finally:
            await asyncio.sleep(0)

    async def test():
        async for _ in numbers():
            break  # the generator is dropped unfinished: the loop schedules its aclose()
        gc.collect()

    runner.run(test())
    assert runner.pending_tasks() is None


def test_an_idle_asyncio_loop_closes_without_a_run():
    loop = builtin_factory("asyncio")()
    try:
        assert _nothing_to_run(loop)
        loop.call_later(60, lambda: None).cancel()  # what a test's timeout leaves behind
        assert _nothing_to_run(loop)
        timer = loop.call_later(60, lambda: None)
        assert not _nothing_to_run(loop)  # a live timer could be due: the run must look
        timer.cancel()
        loop.call_soon(lambda: None)
        assert not _nothing_to_run(loop)  # a pending callback needs the run
    finally:
        loop.close()


def test_a_loop_that_cannot_show_it_is_idle_always_gets_the_run():
    uvloop = pytest.importorskip("uvloop")
    loop = uvloop.new_event_loop()
    try:
        assert not _nothing_to_run(loop)
    finally:
        loop.close()


def test_a_run_leaves_the_current_loop_as_it_is(runner, monkeypatch):
    # As asyncio.Runner.run under pytest-asyncio: a run never sets the current loop. A suite's policy
    # may act on every set_event_loop call (hikari's closes the loop it replaces), and once a narrower
    # loop has ended (which unsets it), sync code finds no current loop until another loop is made.
    async def nothing():
        pass

    set_event_loop = asyncio.set_event_loop
    calls = []

    def recording(loop):
        calls.append(loop)
        set_event_loop(loop)

    monkeypatch.setattr(loops, "_set_event_loop", recording)  # the runner's own, bound at import
    runner.run(nothing())
    runner.run(nothing())
    set_event_loop(None)  # another loop's end, say
    runner.run(nothing())
    assert calls == []


@pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="the watchdog needs SIGALRM")
def test_watchdog_interrupts_a_run_blocked_waiting(runner):
    # The loop sleeps in the kernel (epoll): on uvloop only its signal wake-up gets the handler run.
    async def hang():
        await asyncio.get_running_loop().create_future()

    timed_out = pytest.raises(timeouts.TestTimeout, match=r"did not finish within 0\.2s")
    with timed_out, timeouts.Watchdog().arm(0.2, "test hang"):
        runner.run(hang(), context=contextvars.copy_context())
    assert runner.pending_tasks() is None  # the interrupted task was cancelled


@pytest.mark.skipif(not hasattr(signal, "pthread_kill"), reason="needs POSIX signals")
def test_ctrl_c_stops_a_blocked_run_and_cancels_its_task(runner):
    async def hang():
        await asyncio.get_running_loop().create_future()

    main = threading.get_ident()

    def press_ctrl_c():
        time.sleep(0.2)
        signal.pthread_kill(main, signal.SIGINT)

    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        threading.Thread(target=press_ctrl_c, daemon=True).start()
        with pytest.raises(KeyboardInterrupt):
            runner.run(hang())
    finally:
        signal.signal(signal.SIGINT, previous)
    assert runner.pending_tasks() is None
    assert os.getpid()  # still here


def test_structured_fixture_failure_fails_the_running_test(runner):
    guard = structured.TestGuard()

    async def fixture():
        async with asyncio.TaskGroup() as group:

            async def crash():
                await asyncio.sleep(0.01)
                raise ValueError("background job failed")

            group.create_task(crash())
            yield "value"

    value, teardown = structured.start(runner, fixture(), contextvars.copy_context(), "fixture", guard)
    assert value == "value"

    async def test():
        await asyncio.sleep(5)

    failed = pytest.raises(structured.BackgroundFailure, match="'fixture' failed while the test was running")
    with failed as caught:
        runner.run(guard.run(test()))
    assert "background job failed" in repr(caught.value.__cause__.exceptions)
    teardown()  # already reported as the test's failure: not raised again


@pytest.mark.parametrize("name", LOOPS)
def test_a_closed_loop_is_freed_without_the_garbage_collector(name):
    # A loop left in a reference cycle (say, with the runner through its exception handler) waits
    # for the collector: on uvloop that made every function-scoped loop a fifth more costly.
    if name == "uvloop":
        pytest.importorskip("uvloop")
    enabled = gc.isenabled()
    gc.disable()
    try:
        runner = LoopRunner("function", "test", debug=False, loop_factory=builtin_factory(name))
        runner.run(asyncio.sleep(0))
        runner.close()
        loop = weakref.ref(runner.loop)
        del runner
        assert loop() is None
    finally:
        if enabled:
            gc.enable()


# An alarm landing before the task wraps the coroutine leaves it never awaited: that is the point.
@pytest.mark.filterwarnings("ignore:coroutine .* was never awaited:RuntimeWarning")
def test_an_alarm_landing_anywhere_in_the_loop_still_ends_the_run(runner):
    # The alarm lands at a random point: in the runner's code, inside asyncio's or uvloop's set-up,
    # between the loop's callbacks. A raise in the loop's machinery once dropped the test task's
    # first step (a run that could never end) or left uvloop marked as running; the watchdog now
    # raises from a loop callback there, and fires again when a signal went unheard.
    import random

    rng = random.Random(1234)
    handler = signal.getsignal(signal.SIGALRM)
    for _ in range(300):
        async def hang():
            await asyncio.get_running_loop().create_future()

        delay = rng.uniform(0.00001, 0.002)
        with pytest.raises(timeouts.TestTimeout), timeouts.Watchdog().arm(delay, "test hang"):
            runner.run(hang(), context=contextvars.copy_context())
        assert runner.pending_tasks() is None
        # Nothing left firing into later tests: the handler around this test is back.
        assert signal.getsignal(signal.SIGALRM) is handler


@pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="needs POSIX timers")
def test_a_watchdog_inside_another_gives_the_outer_one_its_time_back():
    # The runner running this test may have its own alarm armed: it gets its time back too.
    before, _interval = signal.getitimer(signal.ITIMER_REAL)
    with timeouts.Watchdog().arm(300.0, "outer"):
        with timeouts.Watchdog().arm(5.0, "inner"):
            pass
        left, _interval = signal.getitimer(signal.ITIMER_REAL)
        assert 295.0 < left <= 300.0
    after, _interval = signal.getitimer(signal.ITIMER_REAL)
    assert (after == 0) if before == 0 else (0 < after <= before)


class _FakeClockLoop(asyncio.SelectorEventLoop):
    """A loop whose clock jumps to the next timer when it would wait (looptime's kind of loop)."""

    def __init__(self):
        super().__init__()
        self.fake_now = 0.0

    def time(self):
        return self.fake_now

    def _run_once(self):
        if not self._ready and self._scheduled:
            self.fake_now = max(self.fake_now, self._scheduled[0].when())
        super()._run_once()


def test_the_deadline_is_wall_clock_time_on_a_loop_with_a_fake_clock():
    # 100 fake seconds pass at once: a 2-second timeout read on the loop's clock would end the test.
    runner = LoopRunner("function", "test", debug=False, loop_factory=_FakeClockLoop)
    handed_over = []
    try:
        coro = timeouts.run_with_deadline(asyncio.sleep(100, "done"), 2.0, "test t", handed_over.append)
        assert runner.run(coro) == "done"
    finally:
        runner.close()
    assert len(handed_over) == 1 and 1.9 < handed_over[0] <= 2.0  # the watchdog gets the time left


def test_the_deadline_still_fails_a_test_on_a_loop_with_the_real_clock():
    runner = LoopRunner("function", "test", debug=False, loop_factory=builtin_factory("asyncio"))
    try:
        with pytest.raises(timeouts.TestTimeout, match="did not finish within its timeout"):
            runner.run(timeouts.run_with_deadline(asyncio.sleep(100), 0.05, "test t"))
    finally:
        runner.close()


def test_the_deadline_ignores_a_frozen_monotonic_clock(monkeypatch):
    # freezegun's freeze_time makes time.monotonic() a date in seconds while the test runs.
    runner = LoopRunner("function", "test", debug=False, loop_factory=_FakeClockLoop)
    handed_over = []

    async def test_freezing_time():
        monkeypatch.setattr(time, "monotonic", lambda: 1.5e9)  # frozen after the deadline was set
        return await asyncio.sleep(100, "done")

    try:
        coro = timeouts.run_with_deadline(test_freezing_time(), 2.0, "test t", handed_over.append)
        assert runner.run(coro) == "done"
    finally:
        monkeypatch.undo()
        runner.close()
    assert len(handed_over) == 1
