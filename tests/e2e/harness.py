"""Run a sample project under asynctestrun or under the reference pytest + pytest-asyncio, and read back
what happened: exit code, output, and one outcome per node id rebuilt from the JUnit XML.

``run_asynctestrun`` / ``run_pytest`` / ``run_both`` (the two side by side) return ``Result``s;
``Result.observed()`` is what gets compared, and ``differences`` / ``junit_layout_differences`` turn two
``Observed`` into one readable line per disagreement (empty when they agree).

Each run works on a fresh copy of the sample (``<tmp>/<runner>-XXXX/<sample>``), so caches and files the
sample writes (``events.log``) never land in the repository, and two runs never see each other's
leftovers. The JUnit file and the captured output are written next to the copy, outside the collected
tree. Bytecode goes to a cache under the temp directory (see ``_clean_env``), never into the checkout.

Which interpreters:

* asynctestrun runs under ``$ASYNCTESTRUN_PYTHON`` if set, else ``sys.executable``;
* pytest runs under ``$ASYNCTESTRUN_REFERENCE_PYTHON`` if set, else ``sys.executable`` when that can
  really import ``pytest_asyncio``. The check happens in a subprocess: inside an asynctestrun run
  ``import pytest`` gives the runner's shim, which would answer yes for the wrong reason. With no
  reference available, ``run_pytest`` skips the calling test and says why.

Outcomes come from JUnit XML because both runners write it in pytest's layout, so one parser reads both:
``classname`` is the dotted module path plus classes, ``name`` the test name with its ``[params]``. The
node id is rebuilt by finding the longest dotted prefix of ``classname`` that is a ``.py`` file in the
sample::

    classname="pkg_a.test_alpha.TestFirstClass" name="test_one[1]"
        pkg_a.test_alpha.py?  yes  ->  pkg_a/test_alpha.py::TestFirstClass::test_one[1]

A collection error (or a module-level skip) has an empty ``classname`` and the dotted module as ``name``;
it is keyed by the file path (``sub/test_x.py``). When one node id has several verdicts (a failing call
and a failing teardown), the worst wins: error > failed > skipped > passed. JUnit cannot tell xpassed
from passed; an xfail is a ``skipped`` whose type is ``pytest.xfail``, listed in ``xfailed``.
"""

from __future__ import annotations

import difflib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pytest

SAMPLES = Path(__file__).resolve().parent.parent / "samples"

# A sample run takes well under a second; the limit only stops a hung runner from hanging the suite.
RUN_TIMEOUT_SECONDS = 60
CLI_TIMEOUT_SECONDS = 120  # run_cli: some of those runs wait on purpose (timeouts, a debugger's input)

_RANK = {"passed": 0, "skipped": 1, "failed": 2, "error": 3}
_VERDICTS = {"failure": "failed", "error": "error", "skipped": "skipped"}
_COPY_IGNORE = shutil.ignore_patterns(
    "__pycache__", "*.pyc", ".pytest_cache", ".asynctestrun_cache", "events.log"
)
_SUMMARY_COUNT = re.compile(
    r"(\d+) (failed|passed|skipped|xfailed|xpassed|deselected|errors?|warnings?|rerun|retried)\b"
)
_SUMMARY_TIME = re.compile(r"\bin \d+(\.\d+)?s\b")
_SUMMARY_ALIASES = {"error": "errors", "warning": "warnings"}

# test_samples and test_differential judge the same asynctestrun run of a scenario, one against the
# written expectations and one against pytest. Running it twice would add a third to the suite's time
# and tell nothing new, so a run is kept per (interpreter, sample, arguments) for the rest of the
# session. Results are frozen; their sample copies live under the first caller's tmp_path, which both
# runners keep until the session is over.
_ASYNCTESTRUN_RUNS: dict[tuple[str, Path, tuple[str, ...]], Result] = {}


@dataclass(frozen=True)
class JUnitReport:
    """What one JUnit XML file says, keyed by rebuilt node ids."""

    outcomes: dict[str, str] = field(default_factory=dict)
    xfailed: frozenset[str] = frozenset()
    # Every testcase's node id in file order; a test that ran twice is listed twice.
    testcases: tuple[str, ...] = ()
    # Per node id, the child elements of its testcase(s): ("failure",), ("skipped", "pytest.xfail"),
    # ("system-out",), ("properties", "key=value")... The text inside is not compared.
    layout: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)
    # The <testsuite> attributes tests / errors / failures / skipped.
    suite_counts: dict[str, str] = field(default_factory=dict)
    # Why the file could not be read; None when it was read (or when the runner wrote none).
    problem: str | None = None


@dataclass(frozen=True)
class Observed:
    """What a run is judged on; fields left None are not compared."""

    exit_code: int
    outcomes: Mapping[str, str]
    xfailed: frozenset[str]
    events: tuple[str, ...] | None = None
    order: tuple[str, ...] | None = None
    counts: Mapping[str, int] | None = None
    testcase_counts: Mapping[str, int] | None = None
    layout: Mapping[str, tuple[tuple[str, ...], ...]] | None = None
    suite_counts: Mapping[str, str] | None = None
    junit_problem: str | None = None


@dataclass(frozen=True)
class Result:
    """One run of one runner on one sample copy."""

    runner: str
    args: tuple[str, ...]
    exit_code: int
    stdout: str
    stderr: str
    junit: JUnitReport
    workdir: Path

    @property
    def outcomes(self) -> dict[str, str]:
        return self.junit.outcomes

    @property
    def xfailed(self) -> frozenset[str]:
        return self.junit.xfailed

    def observed(self) -> Observed:
        events = self.read("events.log")
        return Observed(
            exit_code=self.exit_code,
            outcomes=self.junit.outcomes,
            xfailed=self.junit.xfailed,
            events=tuple(events.splitlines()) if events is not None else None,
            # Test items in the order they first ran; collection reports are left out because the
            # runners emit them at different moments.
            order=tuple(dict.fromkeys(nodeid for nodeid in self.junit.testcases if "::" in nodeid)),
            # Warning counts are left out: pytest-asyncio and asynctestrun warn about different things.
            counts={kind: n for kind, n in self.summary_counts.items() if kind != "warnings"},
            testcase_counts=Counter(self.junit.testcases),
            layout=self.junit.layout,
            suite_counts=self.junit.suite_counts,
            junit_problem=self.junit.problem,
        )

    def read(self, name: str) -> str | None:
        """A file the sample wrote into its copy during the run (None if it wrote none)."""
        path = self.workdir / name
        return path.read_text() if path.is_file() else None

    @property
    def summary_counts(self) -> dict[str, int]:
        """Counts from the final summary line ("1 failed, 2 passed in 0.1s"), warnings included."""
        for line in reversed(self.stdout.splitlines()):
            if _SUMMARY_TIME.search(line):
                return {_SUMMARY_ALIASES.get(kind, kind): int(n) for n, kind in _SUMMARY_COUNT.findall(line)}
        return {}

    def describe(self, tail: int = 60) -> str:
        """The run and the end of its output, for assertion messages."""
        out = "\n".join(self.stdout.splitlines()[-tail:])
        err = "\n".join(self.stderr.splitlines()[-tail:])
        return (
            f"--- {self.runner} {' '.join(self.args)} (exit {self.exit_code}) in {self.workdir}\n"
            f"--- stdout (last {tail} lines):\n{out}\n--- stderr (last {tail} lines):\n{err}"
        )


# ---------------------------------------------------------------------------------------------------
# Interpreters


def asynctestrun_python() -> str:
    return os.environ.get("ASYNCTESTRUN_PYTHON") or sys.executable


@cache
def _can_import(python: str, modules: str) -> bool:
    probe = subprocess.run(
        [python, "-c", f"import {modules}"],
        capture_output=True,
        cwd=tempfile.gettempdir(),  # not the checkout: ``-c`` puts the cwd on sys.path
        env=_clean_env(),
        timeout=RUN_TIMEOUT_SECONDS,
        check=False,
    )
    return probe.returncode == 0


@cache
def reference_python() -> tuple[str | None, str]:
    """(interpreter with the real pytest + pytest-asyncio, or None; why none)."""
    configured = os.environ.get("ASYNCTESTRUN_REFERENCE_PYTHON")
    if configured:
        if not _can_import(configured, "pytest, pytest_asyncio"):
            # Asked for explicitly: a broken reference must fail loudly, not skip quietly.
            raise RuntimeError(
                f"ASYNCTESTRUN_REFERENCE_PYTHON={configured} cannot import pytest and pytest_asyncio"
            )
        return configured, ""
    if _can_import(sys.executable, "pytest, pytest_asyncio"):
        return sys.executable, ""
    return None, (
        f"no reference pytest + pytest-asyncio: {sys.executable} cannot import pytest_asyncio and "
        "ASYNCTESTRUN_REFERENCE_PYTHON is not set"
    )


def require_modules(modules: tuple[str, ...], *, reference: bool = False) -> None:
    """Skip unless asynctestrun's interpreter (and with ``reference``, pytest's) imports ``modules``:
    a sample for a third-party plugin means nothing where that plugin is not installed."""
    if not modules:
        return
    pythons = [asynctestrun_python()]
    if reference:
        python, reason = reference_python()
        if python is None:
            pytest.skip(reason)
        pythons.append(python)
    for python in pythons:
        if not _can_import(python, ", ".join(modules)):
            pytest.skip(f"{python} cannot import {', '.join(modules)}")


def run_cli(project: str | Path, *args: str, input: str | None = None) -> subprocess.CompletedProcess[str]:
    """``python -m asynctestrun <args>`` in a project a test wrote itself (not a sample copy), with
    nothing of the outer run's configuration (``PYTEST_ADDOPTS``...) or reference settings."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "ASYNCTESTRUN_REFERENCE"))}
    return subprocess.run(
        [asynctestrun_python(), "-m", "asynctestrun", *args],
        cwd=project,
        input=input,
        capture_output=True,
        text=True,
        env=env,
        timeout=CLI_TIMEOUT_SECONDS,
        check=False,
    )


def _clean_env() -> dict[str, str]:
    # PYTEST_ADDOPTS, PYTEST_PLUGINS, PYTEST_CURRENT_TEST... from the outer run must not leak into a sample.
    env = {key: value for key, value in os.environ.items() if not key.startswith("PYTEST_")}
    env["COLUMNS"] = "120"
    # Start-up dominates a sample run. With PYTHONDONTWRITEBYTECODE every run recompiles pytest (or
    # asynctestrun) from source, several times slower; a bytecode cache under the temp directory keeps
    # runs fast without writing into the checkout or either virtualenv.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(Path(tempfile.gettempdir()) / "asynctestrun-e2e-pycache")
    return env


# ---------------------------------------------------------------------------------------------------
# Running


def run_asynctestrun(sample_dir: str | Path, *args: str, tmp_root: Path | None = None) -> Result:
    """Run ``python -m asynctestrun <args> --junitxml <tmp>`` in a fresh copy of ``sample_dir``."""
    key = _asynctestrun_key(sample_dir, args)
    if key not in _ASYNCTESTRUN_RUNS:
        _ASYNCTESTRUN_RUNS[key] = _start_asynctestrun(sample_dir, args, tmp_root).wait()
    return _ASYNCTESTRUN_RUNS[key]


def run_pytest(sample_dir: str | Path, *args: str, tmp_root: Path | None = None) -> Result:
    """Run the reference ``python -m pytest <args> --junitxml <tmp>``; skips the test if there is none."""
    return _start_pytest(sample_dir, args, tmp_root).wait()


def run_both(sample_dir: str | Path, *args: str, tmp_root: Path | None = None) -> tuple[Result, Result]:
    """(pytest, asynctestrun) on separate copies of the sample, run side by side to halve the wait."""
    reference = _start_pytest(sample_dir, args, tmp_root)
    key = _asynctestrun_key(sample_dir, args)
    if key in _ASYNCTESTRUN_RUNS:
        return reference.wait(), _ASYNCTESTRUN_RUNS[key]
    candidate = _start_asynctestrun(sample_dir, args, tmp_root)
    _ASYNCTESTRUN_RUNS[key] = candidate.wait()
    return reference.wait(), _ASYNCTESTRUN_RUNS[key]


def _asynctestrun_key(sample_dir: str | Path, args: tuple[str, ...]) -> tuple[str, Path, tuple[str, ...]]:
    return asynctestrun_python(), _sample_path(sample_dir), tuple(args)


def _sample_path(sample_dir: str | Path) -> Path:
    sample = Path(sample_dir)
    if not sample.is_absolute():
        sample = SAMPLES / sample
    if not sample.is_dir():
        raise FileNotFoundError(f"no sample project at {sample}")
    return sample


def _start_asynctestrun(sample_dir: str | Path, args: tuple[str, ...], tmp_root: Path | None) -> _Run:
    python = asynctestrun_python()
    if not _can_import(python, "asynctestrun"):
        raise RuntimeError(
            f"{python} cannot import asynctestrun; "
            "set ASYNCTESTRUN_PYTHON to the interpreter it is installed in"
        )
    return _Run("asynctestrun", [python, "-m", "asynctestrun"], sample_dir, args, tmp_root)


def _start_pytest(sample_dir: str | Path, args: tuple[str, ...], tmp_root: Path | None) -> _Run:
    python, reason = reference_python()
    if python is None:
        pytest.skip(reason)
    return _Run("pytest", [python, "-m", "pytest"], sample_dir, args, tmp_root)


class _Run:
    """One runner started on a fresh copy of a sample; ``wait()`` collects the Result.

    Output goes to files next to the copy, not pipes, so two runs in flight never block each other.
    """

    def __init__(
        self,
        runner: str,
        command: list[str],
        sample_dir: str | Path,
        args: tuple[str, ...],
        tmp_root: Path | None,
    ) -> None:
        sample = _sample_path(sample_dir)
        self.runner = runner
        self.args = tuple(args)
        self.root = Path(tempfile.mkdtemp(prefix=f"{runner}-", dir=tmp_root))
        self.workdir = self.root / sample.name
        shutil.copytree(sample, self.workdir, ignore=_COPY_IGNORE)
        self.junit = self.root / "junit.xml"
        with (self.root / "stdout.txt").open("w") as out, (self.root / "stderr.txt").open("w") as err:
            self.process = subprocess.Popen(
                [*command, *args, f"--junitxml={self.junit}"],
                cwd=self.workdir,
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=err,
                env=_clean_env(),
            )

    def wait(self) -> Result:
        try:
            exit_code = self.process.wait(timeout=RUN_TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            raise
        return Result(
            runner=self.runner,
            args=self.args,
            exit_code=exit_code,
            stdout=(self.root / "stdout.txt").read_text(errors="replace"),
            stderr=(self.root / "stderr.txt").read_text(errors="replace"),
            junit=parse_junit(self.junit, self.workdir, self.runner)
            if self.junit.is_file()
            else JUnitReport(),
            workdir=self.workdir,
        )


# ---------------------------------------------------------------------------------------------------
# Reading JUnit XML


def parse_junit(junit: Path, sample_root: Path, runner: str = "the runner") -> JUnitReport:
    try:
        root = ET.parse(junit).getroot()
    except ET.ParseError as exc:
        return JUnitReport(problem=f"{runner} wrote a JUnit XML file that does not parse: {exc}")
    outcomes: dict[str, str] = {}
    xfailed: set[str] = set()
    testcases: list[str] = []
    layout: dict[str, tuple[tuple[str, ...], ...]] = {}
    for case in root.iter("testcase"):
        if not case.get("classname") and not case.get("name"):
            # pytest leaves an empty <testcase/> behind for the test that called pytest.exit().
            continue
        nodeid = junit_nodeid(case.get("classname", ""), case.get("name", ""), sample_root)
        testcases.append(nodeid)
        outcome = "passed"
        for child in case:
            verdict = _VERDICTS.get(child.tag)
            if child.tag == "skipped" and child.get("type") == "pytest.xfail":
                xfailed.add(nodeid)
            if verdict is not None and _RANK[verdict] > _RANK[outcome]:
                outcome = verdict
        if nodeid not in outcomes or _RANK[outcome] > _RANK[outcomes[nodeid]]:
            outcomes[nodeid] = outcome
        layout[nodeid] = layout.get(nodeid, ()) + tuple(_element_shape(child) for child in case)
    suite = root if root.tag == "testsuite" else root.find("testsuite")
    suite_counts = {}
    if suite is not None:
        suite_counts = {key: suite.get(key, "") for key in ("tests", "errors", "failures", "skipped")}
    return JUnitReport(outcomes, frozenset(xfailed), tuple(testcases), layout, suite_counts)


def _element_shape(element: ET.Element) -> tuple[str, ...]:
    if element.tag == "properties":
        return ("properties", *(f"{p.get('name')}={p.get('value')}" for p in element))
    return (element.tag, element.get("type", "")) if element.tag == "skipped" else (element.tag,)


def junit_nodeid(classname: str, name: str, sample_root: Path) -> str:
    """``pkg.test_x.TestA`` + ``test_y[1]`` -> ``pkg/test_x.py::TestA::test_y[1]``."""
    if not classname:
        # Collection report: ``name`` is the dotted path of the module (or directory) that failed.
        as_path = name.replace(".", "/")
        if (sample_root / f"{as_path}.py").is_file():
            return f"{as_path}.py"
        return as_path if (sample_root / as_path).exists() else name
    parts = classname.split(".")
    for split in range(len(parts), 0, -1):
        module = "/".join(parts[:split]) + ".py"
        if (sample_root / module).is_file():
            return "::".join([module, *parts[split:], name])
    for split in range(len(parts) - 1, 0, -1):
        # A doctest text file keeps its suffix as the last dotted part: docs.test_x.txt.
        text_file = "/".join(parts[:split]) + "." + parts[split]
        if (sample_root / text_file).is_file():
            return "::".join([text_file, *parts[split + 1 :], name])
    return "::".join([classname, name])


# ---------------------------------------------------------------------------------------------------
# Comparing


def differences(expected: Observed, actual: Observed, expected_label: str, actual_label: str) -> list[str]:
    """Human-readable lines, one per disagreement on what ran and how it ended; empty when they agree."""
    problems = [run.junit_problem for run in (expected, actual) if run.junit_problem]
    if expected.exit_code != actual.exit_code:
        problems.append(
            f"exit code: {expected_label} {expected.exit_code}, {actual_label} {actual.exit_code}"
        )
    for nodeid in sorted(expected.outcomes.keys() | actual.outcomes.keys()):
        want = expected.outcomes.get(nodeid, "not reported")
        got = actual.outcomes.get(nodeid, "not reported")
        if want != got:
            problems.append(f"{nodeid}: {expected_label} {want}, {actual_label} {got}")
    for nodeid in sorted(expected.xfailed ^ actual.xfailed):
        which = expected_label if nodeid in expected.xfailed else actual_label
        problems.append(f"{nodeid}: only {which} reports it as xfailed")
    if expected.counts is not None and actual.counts is not None and expected.counts != actual.counts:
        problems.append(
            f"summary line (warnings aside): {expected_label} {dict(expected.counts)}, "
            f"{actual_label} {dict(actual.counts)}"
        )
    if (
        expected.order is not None
        and actual.order is not None
        and expected.order != actual.order
        and set(expected.order) == set(actual.order)
    ):
        problems.append(f"tests ran in a different order ({expected_label} first, {actual_label} second):")
        problems.extend(_diff(expected.order, actual.order, expected_label, actual_label))
    if expected.events is not None and expected.events != actual.events:
        problems.append(f"events.log differs ({expected_label} first, {actual_label} second):")
        problems.extend(_diff(expected.events, actual.events or (), expected_label, actual_label))
    return problems


def junit_layout_differences(
    expected: Observed, actual: Observed, expected_label: str, actual_label: str
) -> list[str]:
    """Disagreements on the JUnit file's shape: testcase elements per test, their children, suite counts."""
    problems = []
    if expected.testcase_counts is not None and actual.testcase_counts is not None:
        for nodeid in sorted(expected.testcase_counts.keys() & actual.testcase_counts.keys()):
            want, got = expected.testcase_counts[nodeid], actual.testcase_counts[nodeid]
            if want != got:
                problems.append(
                    f"{nodeid}: {want} JUnit <testcase> element(s) under {expected_label}, "
                    f"{got} under {actual_label}"
                )
    if expected.layout is None or actual.layout is None:
        return problems
    for nodeid in sorted(expected.layout.keys() & actual.layout.keys()):
        want, got = sorted(expected.layout[nodeid]), sorted(actual.layout[nodeid])
        if want != got:
            problems.append(
                f"{nodeid}: JUnit testcase holds {want} under {expected_label}, {got} under {actual_label}"
            )
    if expected.suite_counts and actual.suite_counts and expected.suite_counts != actual.suite_counts:
        problems.append(
            f"JUnit <testsuite> counts: {expected_label} {dict(expected.suite_counts)}, "
            f"{actual_label} {dict(actual.suite_counts)}"
        )
    return problems


def _diff(left: tuple[str, ...], right: tuple[str, ...], left_label: str, right_label: str) -> list[str]:
    return [
        line.rstrip("\n")
        for line in difflib.unified_diff(left, right, left_label, right_label, lineterm="", n=2)
    ]
