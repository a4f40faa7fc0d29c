"""Watch-mode latency: from saving a source module to the rerun's summary line, against pytest.

Usage::

    python benchmarks/watch_latency.py [--repeat 7] [--pytest-python /work/refvenv/bin/python]
                                       [--dir DIR] [--keep]

The project (written to a temporary directory, or ``--dir``): 1,000 tests in 100 test modules
(``tests/test_mNNN.py``, 10 tests each, half async), a ``tests/conftest.py`` with an async fixture,
and shared source modules in ``lib/``: ``core`` (imported by every test module), ``util`` (by half)
and ``target`` (by exactly 3). ``pytest.ini``: ``asyncio_mode = auto``, ``pythonpath = .``.

Watch mode is started as ``python -c "...run_watch(sys.argv[1:])" -q`` in the project (the
``--watch`` flag calls the same function). After the initial full run, ``lib/target.py`` gets a
comment appended ``--repeat`` times; each time we record the moments its stdout shows the header
(``[watch] 3 of 100 test files ...``) and the closing summary line (``30 passed in ...``). The
latency is write → summary; write → header is the detection and selection part of it.

For comparison, timed end to end as whole processes (median of ``--repeat``): pytest +
pytest-asyncio on everything (``PY -m pytest -q -p no:cacheprovider``) and on the 3 affected files,
and a cold ``asynctestrun -q`` on everything and on the 3 files.
"""

from __future__ import annotations

import argparse
import math
import os
import queue
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

MODULES = 100
TESTS_PER_MODULE = 10
TARGET_IMPORTERS = (7, 42, 77)  # the test modules that import lib/target.py
WATCH_CODE = "import sys; from asynctestrun._watch import run_watch; sys.exit(run_watch(sys.argv[1:]))"
SUMMARY = re.compile(r"\b(\d+) passed\b.* in \d+(\.\d+)?s")
TIMEOUT = 300.0


def write_project(root: Path) -> list[str]:
    """Write the project; returns the three test files that import lib/target.py."""
    (root / "lib").mkdir(parents=True)
    (root / "tests").mkdir()
    (root / "pytest.ini").write_text(
        "[pytest]\nasyncio_mode = auto\nasyncio_default_fixture_loop_scope = function\npythonpath = .\n"
    )
    (root / "lib/__init__.py").write_text("")
    (root / "lib/core.py").write_text("def add(a, b):\n    return a + b\n")
    (root / "lib/util.py").write_text("def double(x):\n    return 2 * x\n")
    (root / "lib/target.py").write_text("def greet(name):\n    return f'hello {name}'\n")
    (root / "tests/conftest.py").write_text(
        "import asyncio\nimport pytest\n\n\n@pytest.fixture\nasync def ready():\n"
        "    await asyncio.sleep(0)\n    return True\n"
    )
    targets = []
    for index in range(MODULES):
        imports = ["import asyncio", "", "from lib import core"]
        if index % 2 == 0:
            imports.append("from lib import util")
        if index in TARGET_IMPORTERS:
            imports.append("from lib import target")
            targets.append(f"tests/test_m{index:03d}.py")
        body = []
        for number in range(TESTS_PER_MODULE):
            if number % 2:
                body.append(
                    f"async def test_async_{number}(ready):\n    await asyncio.sleep(0)\n"
                    f"    assert ready and core.add({number}, 1) == {number + 1}\n"
                )
            else:
                body.append(f"def test_sync_{number}():\n    assert core.add({number}, 2) == {number + 2}\n")
        (root / f"tests/test_m{index:03d}.py").write_text("\n".join(imports) + "\n\n\n" + "\n\n".join(body))
    return targets


def percentile(values: list[float], fraction: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def time_command(command: list[str], cwd: Path, repeat: int, expect: int) -> list[float]:
    subprocess.run(command, cwd=cwd, capture_output=True, check=False)  # warm the OS file cache
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)
        times.append(time.perf_counter() - started)
        found = SUMMARY.search(done.stdout)
        if done.returncode != 0 or found is None or int(found.group(1)) != expect:
            tail = done.stdout[-3000:] + done.stderr[-2000:]
            sys.exit(f"{' '.join(command)} failed (exit {done.returncode}):\n{tail}")
    return times


class Watcher:
    """The watch process, with its stdout lines timestamped as they arrive."""

    def __init__(self, cwd: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", WATCH_CODE, "-q"],
            cwd=cwd,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            bufsize=1,
        )
        self.lines: queue.Queue[tuple[float, str]] = queue.Queue()
        self.transcript: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put((time.perf_counter(), line.rstrip("\n")))
            self.transcript.append(line)

    def wait_for(self, pattern: re.Pattern[str] | str) -> tuple[float, str]:
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            try:
                stamp, line = self.lines.get(timeout=1)
            except queue.Empty:
                if self.process.poll() is not None:
                    break
                continue
            if re.search(pattern, line):
                return stamp, line
        sys.exit(f"watch mode never printed {pattern!r}:\n{''.join(self.transcript[-60:])}")

    def stop(self) -> int:
        self.process.send_signal(signal.SIGINT)
        try:
            return self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            return -9


def measure_watch(root: Path, repeat: int) -> tuple[list[float], list[float], int]:
    watcher = Watcher(root)
    try:
        watcher.wait_for(SUMMARY)  # the initial full run
        watcher.wait_for(r"^\[watch\] exit")
        time.sleep(1.0)
        latencies, detections = [], []
        target = root / "lib/target.py"
        expected = len(TARGET_IMPORTERS) * TESTS_PER_MODULE
        for number in range(repeat):
            with target.open("a") as stream:
                started = time.perf_counter()
                stream.write(f"# save {number}\n")
            header_at, header = watcher.wait_for(r"^\[watch\] ")
            if f"{len(TARGET_IMPORTERS)} of {MODULES} test files" not in header:
                sys.exit(f"unexpected selection: {header}")
            summary_at, summary = watcher.wait_for(SUMMARY)
            if f"{expected} passed" not in summary:
                sys.exit(f"unexpected summary: {summary}")
            watcher.wait_for(r"^\[watch\] exit")
            detections.append(header_at - started)
            latencies.append(summary_at - started)
            time.sleep(0.5)
    finally:
        code = watcher.stop()
    return latencies, detections, code


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--pytest-python", default="/work/refvenv/bin/python")
    parser.add_argument("--dir", type=Path, default=None, help="where to write the project (must not exist)")
    parser.add_argument("--keep", action="store_true", help="keep the generated project")
    args = parser.parse_args()
    root = args.dir or Path(tempfile.mkdtemp(prefix="watch-latency-")) / "project"
    targets = write_project(root)
    total = MODULES * TESTS_PER_MODULE
    subset = len(targets) * TESTS_PER_MODULE
    runner = shutil.which("asynctestrun") or "asynctestrun"
    pytest = [args.pytest_python, "-m", "pytest", "-q", "-p", "no:cacheprovider"]
    try:
        latencies, detections, exit_code = measure_watch(root, args.repeat)
        repeat = args.repeat
        rows = [
            ("watch: save → summary (3 files, warm fork)", latencies),
            ("watch: save → header (detect + select)", detections),
            ("pytest + pytest-asyncio, full rerun", time_command(pytest, root, repeat, total)),
            ("pytest + pytest-asyncio, the 3 files", time_command(pytest + targets, root, repeat, subset)),
            ("asynctestrun cold, full run", time_command([runner, "-q"], root, repeat, total)),
            ("asynctestrun cold, the 3 files", time_command([runner, "-q", *targets], root, repeat, subset)),
        ]
    finally:
        if not args.keep and args.dir is None:
            shutil.rmtree(root.parent, ignore_errors=True)
    print(
        f"\n{total} tests in {MODULES} modules; lib/target.py imported by {len(targets)} of them "
        f"({subset} tests); {args.repeat} samples each; {os.cpu_count()} CPUs; "
        f"PYTHONDONTWRITEBYTECODE={os.environ.get('PYTHONDONTWRITEBYTECODE', '')!r}; "
        f"watch exited with {exit_code} on SIGINT\n"
    )
    width = max(len(name) for name, _ in rows)
    print(f"{'':{width}}  {'median':>8}  {'p90':>8}  {'min':>8}")
    for name, values in rows:
        print(
            f"{name:{width}}  {statistics.median(values):7.3f}s  {percentile(values, 0.9):7.3f}s  "
            f"{min(values):7.3f}s"
        )
    full = statistics.median(rows[2][1])
    print(f"\npytest full rerun / watch latency (medians): {full / statistics.median(latencies):.1f}x")


if __name__ == "__main__":
    main()
