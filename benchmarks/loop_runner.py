"""Per-test cost of ``LoopRunner`` (asynctestrun/_execute/loops.py) on asyncio and on uvloop.

    python benchmarks/loop_runner.py                 # every case, both loops
    python benchmarks/loop_runner.py --n 2000 --repeat 7
    python benchmarks/loop_runner.py --compare OLD_loops.py asynctestrun/_execute/loops.py

Each case is what the runner does for one test, repeated ``--n`` times; the best of ``--repeat``
rounds is reported in microseconds of CPU time (this process's, system calls included) per test,
so other processes on a busy machine inflate the numbers less than wall-clock time and an average
would. The cases, from the smallest part to a whole test:

    new + close        a loop made and closed, nothing run on it
    run                one LoopRunner.run of an empty coroutine on a loop that stays open
    task in loop       the same coroutine as a task awaited inside one long run (no per-run set-up)
    function test      a function-scoped test: new loop, run the test, close
    + async fixtures   the same with an async fixture and an async-generator fixture (set-up, test,
                       teardown: four runs, as the runner does them)
    module test        a test on a module-scoped loop that stays open: one run
    busy test          a module-loop test that gathers 50 tasks (where the loop's own speed shows)
    socket test        a module-loop test that sends 20 lines through a socket pair and reads them back

``--compare A.py B.py ...`` measures several versions of loops.py side by side, their rounds
interleaved so that a change of load on the machine hits all of them alike. An older version comes
from git without touching the checkout: ``git show HEAD:asynctestrun/_execute/loops.py > OLD.py``.
"""

from __future__ import annotations

import argparse
import asyncio
import contextvars
import importlib.util
import time
from collections.abc import AsyncIterator, Callable
from types import ModuleType
from typing import Any


async def _empty() -> None:
    return None


async def _test_body() -> int:
    await asyncio.sleep(0)
    return 1


async def _fixture() -> int:
    await asyncio.sleep(0)
    return 7


async def _agen_fixture() -> AsyncIterator[asyncio.Queue[int]]:
    queue: asyncio.Queue[int] = asyncio.Queue()
    yield queue
    assert queue.empty()


async def _busy_test() -> None:
    await asyncio.gather(*(asyncio.sleep(0) for _ in range(50)))


async def _socket_test() -> None:
    import socket

    left, right = socket.socketpair()
    reader, writer = await asyncio.open_connection(sock=left)
    peer_reader, peer_writer = await asyncio.open_connection(sock=right)
    for _ in range(20):
        writer.write(b"ping\n")
        await writer.drain()
        assert await peer_reader.readline() == b"ping\n"
    for stream in (writer, peer_writer):
        stream.close()
        await stream.wait_closed()
    del reader


class Cases:
    def __init__(self, loops: ModuleType, structured: ModuleType) -> None:
        self.loops = loops
        self.structured = structured

    def factory(self, name: str) -> Callable[[], asyncio.AbstractEventLoop]:
        if hasattr(self.loops, "builtin_factory"):
            return self.loops.builtin_factory(name)  # type: ignore[no-any-return]
        if name == "uvloop":  # an asynctestrun from before builtin_factory
            import uvloop

            return uvloop.new_event_loop
        return asyncio.SelectorEventLoop

    def runner(self, name: str) -> Any:
        return self.loops.LoopRunner("function", "bench", debug=False, loop_factory=self.factory(name))

    def new_close(self, name: str, n: int) -> None:
        for _ in range(n):
            self.runner(name).close()

    def run(self, name: str, n: int) -> None:
        runner = self.runner(name)
        for _ in range(n):
            runner.run(_empty(), context=contextvars.copy_context())
        runner.close()

    def task_in_loop(self, name: str, n: int) -> None:
        runner = self.runner(name)

        async def many() -> None:
            loop = asyncio.get_running_loop()
            for _ in range(n):
                await loop.create_task(_empty(), context=contextvars.copy_context())

        runner.run(many())
        runner.close()

    def function_test(self, name: str, n: int) -> None:
        for _ in range(n):
            runner = self.runner(name)
            runner.run(_test_body(), context=contextvars.copy_context())
            runner.close()

    def function_test_fixtures(self, name: str, n: int) -> None:
        guard = self.structured.TestGuard()
        for _ in range(n):
            runner = self.runner(name)
            runner.run(_fixture(), context=contextvars.copy_context())
            _value, teardown = self.structured.start(
                runner, _agen_fixture(), contextvars.copy_context(), "queue", guard
            )
            runner.run(guard.run(_test_body()), context=contextvars.copy_context())
            teardown()
            runner.close()

    def module_test(self, name: str, n: int) -> None:
        runner = self.runner(name)
        for _ in range(n):
            runner.run(_test_body(), context=contextvars.copy_context())
        runner.close()

    def busy_test(self, name: str, n: int) -> None:
        runner = self.runner(name)
        for _ in range(n):
            runner.run(_busy_test(), context=contextvars.copy_context())
        runner.close()

    def socket_test(self, name: str, n: int) -> None:
        runner = self.runner(name)
        for _ in range(n):
            runner.run(_socket_test(), context=contextvars.copy_context())
        runner.close()

    def by_label(self) -> dict[str, Callable[[str, int], None]]:
        return {
            "new + close": self.new_close,
            "run": self.run,
            "task in loop": self.task_in_loop,
            "function test": self.function_test,
            "+ async fixtures": self.function_test_fixtures,
            "module test": self.module_test,
            "busy test": self.busy_test,
            "socket test": self.socket_test,
        }


def measure(cases: list[Cases], label: str, name: str, n: int, repeat: int) -> list[float]:
    """Best CPU microseconds per test of ``label`` on loop ``name``, for each version."""
    runs = [case.by_label()[label] for case in cases]
    for run in runs:
        run(name, max(n // 10, 1))  # warm up: imports, caches
    best = [float("inf")] * len(runs)
    for _ in range(repeat):
        for index, run in enumerate(runs):
            start = time.process_time()
            run(name, n)
            best[index] = min(best[index], (time.process_time() - start) / n * 1e6)
    return best


def _load(path: str, index: int) -> Cases:
    """One version of loops.py, loaded under its own name (relative imports resolve against the
    installed asynctestrun, which it only uses for error paths)."""
    from asynctestrun._execute import structured

    spec = importlib.util.spec_from_file_location(f"asynctestrun._execute._bench_loops_{index}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return Cases(module, structured)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, default=2000, help="tests per round")
    parser.add_argument("--repeat", type=int, default=5, help="rounds; the best is reported")
    parser.add_argument("--cases", default=None, help="comma-separated case names (default: all)")
    parser.add_argument("--compare", nargs="+", default=None, metavar="LOOPS_PY", help="versions of loops.py")
    args = parser.parse_args()
    if args.compare:
        versions = [_load(path, index) for index, path in enumerate(args.compare)]
    else:
        from asynctestrun._execute import loops, structured

        versions = [Cases(loops, structured)]
    labels = args.cases.split(",") if args.cases else list(versions[0].by_label())
    names = [f"v{index}" for index in range(len(versions))] if len(versions) > 1 else [""]
    for index, path in enumerate(args.compare or []):
        print(f"v{index}: {path}")
    columns = [f"{loop} {name}".strip() + " µs" for loop in ("asyncio", "uvloop") for name in names]
    print(f"{'case':18}" + "".join(f"{column:>16}" for column in columns))
    for label in labels:
        row = [*measure(versions, label, "asyncio", args.n, args.repeat)]
        row += measure(versions, label, "uvloop", args.n, args.repeat)
        print(f"{label:18}" + "".join(f"{value:16.1f}" for value in row))


if __name__ == "__main__":
    main()
