"""Time pytest + pytest-asyncio, pytest-xdist, asynctestrun and the bare floor on generated suites.

Usage::

    python benchmarks/run.py [--sizes 200,2000,10000] [--repeat 3] [--pytest-python PATH]
                             [--both-bytecode] [--output benchmarks/RESULTS.md]

For each size a suite is generated (``benchmarks/generate.py``, default mix) under
``benchmarks/generated/sNNNN``. Then, for each bytecode setting, each column runs once untimed (to
warm the OS and bytecode caches and to find out whether it works at all), then ``--repeat`` timed
times. The columns run in alternating order (A..F, then F..A, ...) so drift on the machine does not
favour whoever runs first; the table reports medians of wall-clock time of the whole process::

    pytest          PY -m pytest -p no:cacheprovider -q                 (pytest-asyncio)
    pytest -n 2     PY -m pytest -n 2 -p no:cacheprovider -q            (pytest-xdist; skipped if absent)
    asynctestrun    asynctestrun -q                                     (asyncio loop)
    ... uvloop      asynctestrun -q --loop uvloop
    ... -n 2        asynctestrun -q -n 2                                ("n/a" if the runner rejects -n)
    floor           python benchmarks/floor.py SUITE                    (no framework)

``PY`` is ``--pytest-python`` or, by default, ``benchmarks/.venv/bin/python``: a venv created on first
use with ``pytest==9.2.0 pytest-asyncio==1.5.0 pytest-xdist``. asynctestrun is the one on PATH.

A cell is FAILED when the exit code is not 0 or the ``N passed`` count differs from the suite's size;
the output's tail is printed. Also measured: ``asynctestrun --version`` (median of 10) and
``--collect-only -q`` for asynctestrun and pytest at 2,000 tests.

Installation: pytest's side comes from pip, which byte-compiles what it installs; the asynctestrun
measured is usually an editable install of the checkout, which has no bytecode, so the script
byte-compiles its package first (``compileall``), as pip would for the wheel.

Bytecode: the run uses the environment's ``PYTHONDONTWRITEBYTECODE`` and records it. With
``--both-bytecode`` every size runs twice, once with ``PYTHONDONTWRITEBYTECODE=1`` (nothing is written;
existing ``.pyc`` files are still read) and once with bytecode writing on. When on,
``PYTHONPYCACHEPREFIX`` points into ``benchmarks/generated/pycache`` so no ``__pycache__`` appears
outside ``benchmarks/`` (every tool reads its bytecode from there after the warm-up run).
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import generate

BENCH_DIR = Path(__file__).resolve().parent
GENERATED = BENCH_DIR / "generated"
DEFAULT_VENV = BENCH_DIR / ".venv"
VENV_REQUIREMENTS = ("pytest==9.2.0", "pytest-asyncio==1.5.0", "pytest-xdist")
RUN_TIMEOUT_S = 900.0
COLLECT_SIZE = 2000
VERSION_REPEAT = 10
UNSUPPORTED_MARKERS = ("unrecognized arguments", "no such option")


@dataclass(frozen=True, slots=True)
class Column:
    """One timed command: a table column."""

    key: str
    label: str
    argv: tuple[str, ...]  # run with the suite directory as working directory
    suite_arg: bool = False  # append the suite directory to argv (the floor)


@dataclass(frozen=True, slots=True)
class Outcome:
    """One process run: wall time, exit code and its combined output."""

    seconds: float
    returncode: int
    output: str


@dataclass(slots=True)
class Cell:
    """Timings of one column at one size and bytecode setting."""

    times: list[float]
    status: str = "ok"  # ok | FAILED | n/a | skipped
    detail: str = ""

    def median(self) -> float | None:
        """The median time, or None when the cell has no valid timing."""
        return statistics.median(self.times) if self.status == "ok" and self.times else None

    def render(self) -> str:
        """The cell as shown in the table."""
        value = self.median()
        if value is not None:
            return f"{value:.2f}s"
        return self.status


@dataclass(frozen=True, slots=True)
class BytecodeMode:
    """An environment variant for the bytecode cache."""

    label: str
    env: dict[str, str | None]  # None removes the variable


def run_process(argv: Sequence[str], cwd: Path, env: dict[str, str]) -> Outcome:
    """Run one command to completion, timing the whole process."""
    start = time.perf_counter()
    try:
        proc = subprocess.run(
            list(argv),
            cwd=cwd,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            timeout=RUN_TIMEOUT_S,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        out = exc.stdout if isinstance(exc.stdout, str) else (exc.stdout or b"").decode(errors="replace")
        return Outcome(time.perf_counter() - start, -1, out + f"\n[timed out after {RUN_TIMEOUT_S:.0f}s]")
    return Outcome(time.perf_counter() - start, proc.returncode, proc.stdout)


def tail(text: str, lines: int = 25) -> str:
    """The last lines of a process's output, indented for the console."""
    return "\n".join("    " + line for line in text.rstrip().splitlines()[-lines:])


def passed_count(output: str) -> int | None:
    """The ``N passed`` count from a runner's closing line, if any."""
    found = re.findall(r"(\d+) passed", output)
    return int(found[-1]) if found else None


def check(outcome: Outcome, expected: int | None) -> str | None:
    """Why an outcome is a failure (exit code, wrong count), or None if it is fine."""
    if outcome.returncode != 0:
        return f"exit code {outcome.returncode}"
    if expected is not None:
        count = passed_count(outcome.output)
        if count != expected:
            return f"expected {expected} passed, output says {count}"
    return None


def ensure_venv(venv: Path) -> Path:
    """The venv's python, creating the venv with pytest, pytest-asyncio and xdist on first use."""
    python = venv / "bin" / "python"
    probe = [str(python), "-c", "import pytest, pytest_asyncio, xdist"]
    if python.exists() and subprocess.run(probe, capture_output=True, check=False).returncode == 0:
        return python
    print(f"creating {venv} with {' '.join(VENV_REQUIREMENTS)} ...", flush=True)
    subprocess.run(["python3", "-m", "venv", str(venv)], check=True)
    subprocess.run([str(python), "-m", "pip", "install", "-q", *VENV_REQUIREMENTS], check=True)
    return python


def python_has(python: str, module: str) -> bool:
    """Whether ``module`` imports under the given interpreter."""
    return (
        subprocess.run([python, "-c", f"import {module}"], capture_output=True, check=False).returncode == 0
    )


def package_versions(python: str, names: Sequence[str]) -> dict[str, str]:
    """Installed versions of distributions under the given interpreter."""
    code = (
        "import json, importlib.metadata as m, sys\n"
        "out = {}\n"
        "for n in sys.argv[1:]:\n"
        "    try: out[n] = m.version(n)\n"
        "    except m.PackageNotFoundError: out[n] = 'not installed'\n"
        "print(json.dumps(out))"
    )
    proc = subprocess.run([python, "-c", code, *names], capture_output=True, text=True, check=False)
    result: dict[str, str] = json.loads(proc.stdout) if proc.returncode == 0 else {}
    return result


def build_env(mode: BytecodeMode) -> dict[str, str]:
    """The process environment for one bytecode mode."""
    env = dict(os.environ)
    for key, value in mode.env.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return env


def bytecode_modes(both: bool) -> list[BytecodeMode]:
    """The bytecode settings to run: the environment's, or both explicitly."""
    prefix = str(GENERATED / "pycache")
    off = BytecodeMode(
        "PYTHONDONTWRITEBYTECODE=1", {"PYTHONDONTWRITEBYTECODE": "1", "PYTHONPYCACHEPREFIX": None}
    )
    on = BytecodeMode(
        "bytecode written (PYTHONPYCACHEPREFIX)",
        {"PYTHONDONTWRITEBYTECODE": None, "PYTHONPYCACHEPREFIX": prefix},
    )
    if both:
        return [off, on]
    if os.environ.get("PYTHONDONTWRITEBYTECODE"):
        return [BytecodeMode(f"PYTHONDONTWRITEBYTECODE={os.environ['PYTHONDONTWRITEBYTECODE']} (env)", {})]
    return [BytecodeMode("bytecode written (env)", {})]


def make_columns(pytest_python: str, asynctestrun: str, has_xdist: bool) -> list[Column]:
    """The table's columns, in their forward order."""
    pytest_base = (pytest_python, "-m", "pytest", "-p", "no:cacheprovider", "-q")
    columns = [Column("pytest", "pytest", pytest_base)]
    if has_xdist:
        columns.append(
            Column("xdist", "pytest -n 2", (pytest_python, "-m", "pytest", "-n", "2", *pytest_base[3:]))
        )
    columns += [
        Column("atr", "asynctestrun", (asynctestrun, "-q")),
        Column("atr_uvloop", "asynctestrun uvloop", (asynctestrun, "-q", "--loop", "uvloop")),
        Column("atr_n2", "asynctestrun -n 2", (asynctestrun, "-q", "-n", "2")),
        Column("floor", "floor", (sys.executable, str(BENCH_DIR / "floor.py")), suite_arg=True),
    ]
    return columns


def suite_for(size: int, tasks: int = 0) -> tuple[Path, int]:
    """Generate (or regenerate) the suite of a size; returns its directory and test count."""
    outdir = GENERATED / (f"s{size}" if not tasks else f"s{size}-tasks{tasks}")
    spec = generate.SuiteSpec(size, max(1, size // 20), 0.7, 0.0, 1, tasks)
    summary = generate.generate(outdir, spec)
    tests = summary["tests"]
    assert isinstance(tests, int)
    return outdir, tests


def argv_for(column: Column, suite: Path) -> list[str]:
    """The command line of a column on a suite."""
    return [*column.argv, str(suite)] if column.suite_arg else list(column.argv)


def report_failure(name: str, outcome: Outcome, reason: str) -> None:
    """Print why a run failed, with the tail of its output."""
    print(f"  FAILED {name}: {reason}\n{tail(outcome.output)}", flush=True)


def time_size(
    columns: list[Column], suite: Path, expected: int, repeat: int, env: dict[str, str]
) -> dict[str, Cell]:
    """Warm up every column once, then time them ``repeat`` times in alternating order."""
    cells = {c.key: Cell([]) for c in columns}
    for column in columns:
        outcome = run_process(argv_for(column, suite), suite, env)
        reason = check(outcome, expected)
        if reason is None:
            continue
        if column.key == "atr_n2" and any(m in outcome.output.lower() for m in UNSUPPORTED_MARKERS):
            cells[column.key] = Cell([], "n/a", "the runner rejects -n")
            continue
        cells[column.key] = Cell([], "FAILED", reason)
        report_failure(f"{column.label} (warm-up)", outcome, reason)
    active = [c for c in columns if cells[c.key].status == "ok"]
    for rep in range(repeat):
        order = active if rep % 2 == 0 else list(reversed(active))
        for column in order:
            cell = cells[column.key]
            if cell.status != "ok":
                continue
            outcome = run_process(argv_for(column, suite), suite, env)
            reason = check(outcome, expected)
            if reason is not None:
                cell.status, cell.detail = "FAILED", reason
                report_failure(column.label, outcome, reason)
                continue
            cell.times.append(outcome.seconds)
    return cells


def ratio(numerator: float | None, denominator: float | None) -> str:
    """``a / b`` formatted, or a dash when either is missing."""
    if numerator is None or denominator is None or denominator == 0:
        return "-"
    return f"{numerator / denominator:.2f}x"


def main_table(columns: list[Column], rows: list[tuple[str, int, dict[str, Cell]]]) -> list[str]:
    """The markdown lines of the main table."""
    head = ["bytecode", "tests", *(c.label for c in columns), "pytest / asynctestrun", "asynctestrun / floor"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for mode, size, cells in rows:
        atr = cells["atr"].median()
        values = [mode, f"{size:,}", *(cells[c.key].render() for c in columns)]
        values += [ratio(cells["pytest"].median(), atr), ratio(atr, cells["floor"].median())]
        lines.append("| " + " | ".join(values) + " |")
    return lines


def time_extras(
    pytest_python: str, asynctestrun: str, repeat: int, env: dict[str, str]
) -> tuple[list[str], list[str]]:
    """``asynctestrun --version`` and the collect-only comparison; (markdown lines, failures)."""
    failures: list[str] = []
    lines: list[str] = []
    version_cell = Cell([])
    run_process([asynctestrun, "--version"], BENCH_DIR, env)  # warm-up
    for _ in range(VERSION_REPEAT):
        outcome = run_process([asynctestrun, "--version"], BENCH_DIR, env)
        if outcome.returncode != 0:
            version_cell.status = "FAILED"
            failures.append(f"asynctestrun --version: exit {outcome.returncode}")
            report_failure("asynctestrun --version", outcome, f"exit code {outcome.returncode}")
            break
        version_cell.times.append(outcome.seconds)
    python_cell = Cell([])
    for _ in range(VERSION_REPEAT):
        python_cell.times.append(run_process([sys.executable, "-c", "pass"], BENCH_DIR, env).seconds)
    suite, _ = suite_for(COLLECT_SIZE)
    collect_columns = [
        Column(
            "pytest", "pytest --collect-only -q", (pytest_python, "-m", "pytest", "-p", "no:cacheprovider")
        ),
        Column("atr", "asynctestrun --collect-only -q", (asynctestrun,)),
    ]
    collect_cells = {c.key: Cell([]) for c in collect_columns}
    for column in collect_columns:
        run_process([*column.argv, "--collect-only", "-q"], suite, env)  # warm-up
    for rep in range(repeat):
        order = collect_columns if rep % 2 == 0 else list(reversed(collect_columns))
        for column in order:
            cell = collect_cells[column.key]
            if cell.status != "ok":
                continue
            outcome = run_process([*column.argv, "--collect-only", "-q"], suite, env)
            if outcome.returncode != 0:
                cell.status = "FAILED"
                failures.append(f"{column.label}: exit {outcome.returncode}")
                report_failure(column.label, outcome, f"exit code {outcome.returncode}")
                continue
            cell.times.append(outcome.seconds)
    lines += [
        "| measurement | median |",
        "|---|---|",
        f"| `asynctestrun --version` (median of {VERSION_REPEAT}) | {version_cell.render()} |",
        f"| `python -c pass` (median of {VERSION_REPEAT}, interpreter start-up) | {python_cell.render()} |",
    ]
    for column in collect_columns:
        lines.append(f"| `{column.label}`, {COLLECT_SIZE:,} tests | {collect_cells[column.key].render()} |")
    lines.append(
        f"| pytest / asynctestrun (collect-only) | "
        f"{ratio(collect_cells['pytest'].median(), collect_cells['atr'].median())} |"
    )
    return lines, failures


def load_average() -> str:
    """The 1, 5 and 15 minute load averages: other work on the machine skews every timing."""
    if not hasattr(os, "getloadavg"):
        return "unknown"
    return ", ".join(f"{x:.2f}" for x in os.getloadavg())


def machine_lines(pytest_python: str, asynctestrun: str, load_at_start: str) -> list[str]:
    """A description of the machine, its load and the tools' versions."""
    model = "unknown"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    nproc = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    pytest_versions = package_versions(pytest_python, ["pytest", "pytest-asyncio", "pytest-xdist"])
    own_versions = package_versions(sys.executable, ["asynctestrun", "uvloop"])
    atr_version = subprocess.run([asynctestrun, "--version"], capture_output=True, text=True, check=False)
    python_of_pytest = subprocess.run(
        [pytest_python, "-c", "import sys; print(sys.version.split()[0])"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    return [
        f"- date: {datetime.datetime.now(datetime.UTC).strftime('%Y-%m-%d %H:%M UTC')}",
        f"- machine: {platform.system()} {platform.release()}, nproc {nproc}, CPU: {model}",
        f"- load average (1, 5, 15 min): {load_at_start} at the start, {load_average()} at the end",
        f"- Python (asynctestrun, floor): {platform.python_version()} ({sys.executable})",
        f"- Python (pytest): {python_of_pytest} ({pytest_python})",
        "- pytest side: " + ", ".join(f"{k} {v}" for k, v in pytest_versions.items()),
        f"- asynctestrun: {atr_version.stdout.strip() or own_versions.get('asynctestrun')} "
        f"({asynctestrun}), uvloop {own_versions.get('uvloop')}",
        "- PYTHONDONTWRITEBYTECODE in the environment: "
        + os.environ.get("PYTHONDONTWRITEBYTECODE", "(unset)"),
    ]


def byte_compile_asynctestrun() -> str:
    """Give the measured asynctestrun package its ``.pyc`` files, as ``pip install`` of a wheel does.

    pytest's venv was installed by pip, which byte-compiles every module it installs; an editable
    install of asynctestrun (how a checkout is usually installed) has no ``.pyc`` files, and under
    ``PYTHONDONTWRITEBYTECODE=1`` every asynctestrun process, each ``-n`` worker included, would
    compile its whole package from source (about 0.2 s here) while pytest reads its bytecode.
    ``compileall`` writes the files even with that variable set, next to the sources, where the
    interpreter looks when ``PYTHONPYCACHEPREFIX`` is unset. Returns the package directory compiled."""
    import asynctestrun

    package = str(Path(asynctestrun.__file__).resolve().parent)
    subprocess.run([sys.executable, "-m", "compileall", "-q", package], check=True)
    return package


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(description="Benchmark pytest, asynctestrun and the floor.")
    parser.add_argument("--sizes", default="200,2000,10000", help="comma-separated test counts")
    parser.add_argument("--repeat", type=int, default=3, help="timed repetitions per cell (median)")
    parser.add_argument("--pytest-python", default=None, help="python with pytest + pytest-asyncio")
    parser.add_argument("--both-bytecode", action="store_true", help="run with and without bytecode writing")
    parser.add_argument("--output", type=Path, default=BENCH_DIR / "RESULTS.md")
    parser.add_argument("--no-extras", action="store_true", help="skip --version and collect-only timings")
    parser.add_argument(
        "--task-sizes",
        default="",
        help="comma-separated test counts of a loop-heavy suite (every async test gathers --tasks tasks)",
    )
    parser.add_argument("--tasks", type=int, default=100, help="tasks per async test in the loop-heavy suite")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Entry point: run every measurement, print the tables and write the results file."""
    args = parse_args(argv)
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    pytest_python = args.pytest_python or str(ensure_venv(DEFAULT_VENV))
    asynctestrun = shutil.which("asynctestrun")
    if asynctestrun is None:
        print("asynctestrun is not on PATH", file=sys.stderr)
        return 2
    if not python_has(pytest_python, "pytest_asyncio"):
        print(f"{pytest_python} has no pytest_asyncio", file=sys.stderr)
        return 2
    has_xdist = python_has(pytest_python, "xdist")
    compiled = byte_compile_asynctestrun()
    columns = make_columns(pytest_python, asynctestrun, has_xdist)
    started = time.perf_counter()
    load_at_start = load_average()
    suites = {size: suite_for(size) for size in sizes}
    rows: list[tuple[str, int, dict[str, Cell]]] = []
    failures: list[str] = []
    modes = bytecode_modes(args.both_bytecode)
    for mode in modes:
        env = build_env(mode)
        for size in sizes:
            suite, expected = suites[size]
            print(f"[{time.perf_counter() - started:6.0f}s] {mode.label}: {expected:,} tests ...", flush=True)
            cells = time_size(columns, suite, expected, args.repeat, env)
            rows.append((mode.label, expected, cells))
            failures += [
                f"{mode.label}, {expected:,} tests, {c.label}: {cells[c.key].detail}"
                for c in columns
                if cells[c.key].status == "FAILED"
            ]
            print("\n".join(main_table(columns, rows[-1:])[2:]), flush=True)
    task_rows: list[tuple[str, int, dict[str, Cell]]] = []
    for size in [int(s.replace("_", "")) for s in args.task_sizes.split(",") if s.strip()]:
        suite, expected = suite_for(size, args.tasks)
        label = f"{modes[0].label}, {args.tasks} tasks per async test"
        print(f"[{time.perf_counter() - started:6.0f}s] {label}: {expected:,} tests ...", flush=True)
        cells = time_size(columns, suite, expected, args.repeat, build_env(modes[0]))
        task_rows.append((label, expected, cells))
        failures += [
            f"{label}, {expected:,} tests, {c.label}: {cells[c.key].detail}"
            for c in columns
            if cells[c.key].status == "FAILED"
        ]
        print("\n".join(main_table(columns, task_rows[-1:])[2:]), flush=True)
    extras: list[str] = []
    if not args.no_extras:
        print(f"[{time.perf_counter() - started:6.0f}s] --version and collect-only ...", flush=True)
        extras, extra_failures = time_extras(pytest_python, asynctestrun, args.repeat, build_env(modes[0]))
        failures += extra_failures
    elapsed = time.perf_counter() - started
    command = "python benchmarks/run.py " + " ".join(argv if argv is not None else sys.argv[1:])
    doc = [
        "# Benchmark results",
        "",
        f"Command: `{command.strip()}` ({elapsed / 60:.1f} minutes). Wall-clock time of the whole process, "
        f"median of {args.repeat} timed runs after one untimed warm-up run, columns in alternating order. "
        "Suites from `benchmarks/generate.py` (default mix: 70% async, N/20 modules, no sleep). "
        f"asynctestrun's package ({compiled}) is byte-compiled first, as pip does when it installs a "
        "wheel and as it did for pytest's venv.",
        "",
        "## Machine",
        "",
        *machine_lines(pytest_python, asynctestrun, load_at_start),
        "",
        "## Full runs",
        "",
        *main_table(columns, rows),
        "",
    ]
    if task_rows:
        doc += [
            "## Loop-heavy runs",
            "",
            f"The default mix, except that every async test also spawns {args.tasks} tasks (each yielding "
            "to the loop five times) and gathers them (`generate.py --tasks`): time spent inside the "
            "event loop rather than in the runner, which is where uvloop's faster loop shows.",
            "",
            *main_table(columns, task_rows),
            "",
        ]
    if extras:
        doc += ["## Start-up and collection", "", f"Bytecode: {modes[0].label}.", "", *extras, ""]
    doc += ["## Failures", ""]
    doc += (
        [f"- {f}" for f in failures] if failures else ["None: every cell exited 0 with the expected count."]
    )
    text = "\n".join(doc) + "\n"
    args.output.write_text(text)
    print("\n" + text)
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
