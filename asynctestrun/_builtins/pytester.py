"""pytest's ``pytester`` plugin (``pytest_plugins = ["pytester"]`` or ``-p pytester``): the
``pytester`` and ``testdir`` fixtures a plugin's own suite tests itself with.

A test writes a small project into a temporary directory (``makepyfile``, ``makeconftest``,
``makeini``...) and runs it; here every run is ``asynctestrun`` in a subprocess (pytest runs it in
process by default), started in that directory. Its report is pytest's plain layout, so
``RunResult.assert_outcomes``, ``parseoutcomes`` and ``stdout.fnmatch_lines`` read it as they read
pytest's. ``inline_run`` counts the run's reports from its JSON report. The collection helpers
(``getitems``, ``inline_genitems``), which hand back pytest's in-process items, are not provided.
"""

from __future__ import annotations

import builtins
import fnmatch
import os
import re
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from .._declare.fixtures import fixture
from .._declare.outcomes import fail
from .legacypath import LocalPath


class LineMatcher:
    """Lines of output, with pytest's matchers: each pattern (``fnmatch`` or ``re.match``) must match
    a line after the one the previous pattern matched."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines

    def __str__(self) -> str:
        return "\n".join(self.lines)

    def get_lines_after(self, pattern: str) -> list[str]:
        for index, line in enumerate(self.lines):
            if pattern == line or fnmatch.fnmatch(line, pattern):
                return self.lines[index + 1 :]
        raise ValueError(f"line {pattern!r} not found in output")

    def fnmatch_lines(self, lines2: str | Sequence[str], *, consecutive: bool = False) -> None:
        self._match_lines(lines2, fnmatch.fnmatch, "fnmatch", consecutive)

    def re_match_lines(self, lines2: str | Sequence[str], *, consecutive: bool = False) -> None:
        self._match_lines(lines2, _re_match, "re.match", consecutive)

    def fnmatch_lines_random(self, lines2: str | Sequence[str]) -> None:
        self._match_lines_random(lines2, fnmatch.fnmatch)

    def re_match_lines_random(self, lines2: str | Sequence[str]) -> None:
        self._match_lines_random(lines2, _re_match)

    def no_fnmatch_line(self, pat: str) -> None:
        self._no_match_line(pat, fnmatch.fnmatch, "fnmatch")

    def no_re_match_line(self, pat: str) -> None:
        self._no_match_line(pat, _re_match, "re.match")

    def _match_lines(
        self, lines2: str | Sequence[str], match: Callable[[str, str], bool], nickname: str, consecutive: bool
    ) -> None:
        """Each pattern matched in turn, further down; the failure message is pytest's log of what
        was tried (``nomatch:`` / ``and:`` lines, then ``remains unmatched:``)."""
        log: list[str] = []
        width = len(nickname) + 1
        remaining = list(self.lines)
        started = False
        for pattern in _patterns(lines2):
            nomatch_logged = False
            while remaining:
                line = remaining.pop(0)
                if line == pattern:
                    log.append(f"exact match: {pattern!r}")
                    started = True
                    break
                if match(line, pattern):
                    log.append(f"{nickname}: {pattern!r}")
                    log.append(f"{'with:':>{width}} {line!r}")
                    started = True
                    break
                if consecutive and started:
                    message = f"no consecutive match: {pattern!r}"
                    fail("\n".join([*log, message, f"{'with:':>{width}} {line!r}"]))
                if not nomatch_logged:
                    log.append(f"{'nomatch:':>{width}} {pattern!r}")
                    nomatch_logged = True
                log.append(f"{'and:':>{width}} {line!r}")
            else:
                fail("\n".join([*log, f"remains unmatched: {pattern!r}"]))

    def _match_lines_random(self, lines2: str | Sequence[str], match: Callable[[str, str], bool]) -> None:
        for pattern in _patterns(lines2):
            if not any(line == pattern or match(line, pattern) for line in self.lines):
                fail(f"line {pattern!r} not found in output")

    def _no_match_line(self, pattern: str, match: Callable[[str, str], bool], nickname: str) -> None:
        log: list[str] = []
        width = len(nickname) + 1
        for line in self.lines:
            if match(line, pattern):
                message = f"{nickname}: {pattern!r}"
                fail("\n".join([*log, message, f"{'with:':>{width}} {line!r}"]))
            if not log:
                log.append(f"{'nomatch:':>{width}} {pattern!r}")
            log.append(f"{'and:':>{width}} {line!r}")

    # Last in the class: a method named ``str`` hides the builtin in the annotations below it.
    def str(self) -> builtins.str:
        return "\n".join(self.lines)


def _patterns(lines2: str | Sequence[str]) -> list[str]:
    """A string of patterns is one per line, dedented, as pytest reads it."""
    if isinstance(lines2, str):
        return textwrap.dedent(lines2).split("\n")
    return list(lines2)


def _re_match(line: str, pattern: str) -> bool:
    return re.match(pattern, line) is not None


class RunResult:
    """What one run left: its exit status (``ret``), its output as lines and as LineMatchers."""

    def __init__(self, ret: int, outlines: list[str], errlines: list[str], duration: float) -> None:
        from .._shim.pytest_api import ExitCode

        try:
            self.ret: int = ExitCode(ret)
        except ValueError:
            self.ret = ret
        self.outlines = outlines
        self.errlines = errlines
        self.stdout = LineMatcher(outlines)
        self.stderr = LineMatcher(errlines)
        self.duration = duration

    def __repr__(self) -> str:
        return (
            f"<RunResult ret={self.ret!s} len(stdout.lines)={len(self.outlines)} "
            f"len(stderr.lines)={len(self.errlines)} duration={self.duration:.2f}s>"
        )

    def parseoutcomes(self) -> dict[str, int]:
        """The closing line's counts: ``{"passed": 2, "failed": 1, "warnings": 1}``."""
        return self.parse_summary_nouns(self.outlines)

    @classmethod
    def parse_summary_nouns(cls, lines: list[str]) -> dict[str, int]:
        for line in reversed(lines):
            if _SUMMARY.match(line):
                counts = {noun: int(count) for count, noun in _COUNT.findall(line.split(" in ")[0])}
                return {_PLURAL.get(noun, noun): count for noun, count in counts.items()}
        raise ValueError("Pytest terminal summary report not found")

    def assert_outcomes(
        self,
        passed: int = 0,
        skipped: int = 0,
        failed: int = 0,
        errors: int = 0,
        xpassed: int = 0,
        xfailed: int = 0,
        warnings: int | None = None,
        deselected: int | None = None,
    ) -> None:
        outcomes = self.parseoutcomes()
        expected = {
            "passed": passed,
            "skipped": skipped,
            "failed": failed,
            "errors": errors,
            "xpassed": xpassed,
            "xfailed": xfailed,
        }
        if warnings is not None:
            expected["warnings"] = warnings
        if deselected is not None:
            expected["deselected"] = deselected
        obtained = {key: outcomes.get(key, 0) for key in expected}
        assert obtained == expected


_SUMMARY = re.compile(r"^=+ .* in [\d.]+s.* =+$|^[\d]+ \w+.* in [\d.]+s")
_COUNT = re.compile(r"(\d+) (\w+)")
_PLURAL = {"warning": "warnings", "error": "errors"}


class Pytester:
    """A temporary project directory, the working directory while the test runs, and ways to
    write files into it and run it."""

    __test__ = False  # as pytest's: not a test class under any python_classes pattern

    CLOSE_STDIN: object = object()

    def __init__(self, path: Path, test_name: str) -> None:
        self.path = path
        self._name = test_name
        self.plugins: list[Any] = []
        self._sys_path_added: list[str] = []
        self._saved_cwd = os.getcwd()
        self._saved_sys_path = list(sys.path)
        os.chdir(path)

    def _finalize(self) -> None:
        os.chdir(self._saved_cwd)
        sys.path[:] = self._saved_sys_path

    def __repr__(self) -> str:
        return f"<Pytester {self.path!r}>"

    # -- writing files ----------------------------------------------------------------------
    def makefile(self, ext: str, *args: str, **kwargs: str) -> Path:
        if ext and not ext.startswith("."):
            raise ValueError(f"pytester.makefile expects a file extension, try .{ext} instead of {ext}")
        files = list(kwargs.items())
        if args:
            files.insert(0, (self._name, "\n".join(_text(arg) for arg in args)))
        first: Path | None = None
        for basename, value in files:
            path = self.path.joinpath(basename).with_suffix(ext)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(textwrap.dedent(_text(value)).strip(), encoding="utf-8")
            first = first or path
        assert first is not None, "makefile() needs a source"
        return first

    def makepyfile(self, *args: str, **kwargs: str) -> Path:
        return self.makefile(".py", *args, **kwargs)

    def maketxtfile(self, *args: str, **kwargs: str) -> Path:
        return self.makefile(".txt", *args, **kwargs)

    def makeconftest(self, source: str) -> Path:
        return self.makepyfile(conftest=source)

    def makeini(self, source: str) -> Path:
        return self.makefile(".ini", tox=source)

    def makepyprojecttoml(self, source: str) -> Path:
        return self.makefile(".toml", pyproject=source)

    def getinicfg(self, source: str) -> dict[str, str]:
        import configparser

        parser = configparser.ConfigParser()
        parser.read_string(textwrap.dedent(source))
        return dict(parser["pytest"]) if parser.has_section("pytest") else {}

    def mkdir(self, name: str | os.PathLike[str]) -> Path:
        path = self.path / name
        path.mkdir()
        return path

    def mkpydir(self, name: str | os.PathLike[str]) -> Path:
        path = self.mkdir(name)
        (path / "__init__.py").touch()
        return path

    def copy_example(self, name: str | None = None) -> Path:
        raise NotImplementedError("pytester.copy_example is not provided by asynctestrun")

    def syspathinsert(self, path: str | os.PathLike[str] | None = None) -> None:
        """Puts ``path`` (the project directory by default) first on ``sys.path``, here and in the
        runs this test starts."""
        entry = str(path if path is not None else self.path)
        sys.path.insert(0, entry)
        self._sys_path_added.insert(0, entry)

    def chdir(self) -> None:
        os.chdir(self.path)

    # -- running ----------------------------------------------------------------------------
    def runpytest(self, *args: str | os.PathLike[str], **kwargs: Any) -> RunResult:
        """A run of the project (asynctestrun, as a subprocess) with these command-line arguments."""
        return self.runpytest_subprocess(*args, timeout=kwargs.get("timeout"))

    def runpytest_inprocess(self, *args: str | os.PathLike[str], **kwargs: Any) -> RunResult:
        return self.runpytest_subprocess(*args, timeout=kwargs.get("timeout"))

    def inline_run(self, *args: str | os.PathLike[str], **kwargs: Any) -> HookRecorder:
        """A run whose outcomes are counted per report, as pytest's in-process hook recorder
        counts them (read back from the run's JSON report)."""
        report = self.path / f".inline-run-{time.monotonic_ns()}.json"
        result = self.runpytest_subprocess(*args, f"--json-report={report}", timeout=kwargs.get("timeout"))
        return HookRecorder(result.ret, _reports_of(report))

    def runpytest_subprocess(self, *args: str | os.PathLike[str], timeout: float | None = None) -> RunResult:
        arguments = [str(arg) for arg in args]
        if not any(arg.startswith("--basetemp") for arg in arguments):
            arguments.insert(0, f"--basetemp={self.path / 'basetemp'}")
        plugins = [plugin for plugin in self.plugins if isinstance(plugin, str)]
        for plugin in reversed(plugins):
            arguments[:0] = ["-p", plugin]
        return self.run(sys.executable, "-m", "asynctestrun", *arguments, timeout=timeout)

    def runpython(self, script: str | os.PathLike[str]) -> RunResult:
        return self.run(sys.executable, script)

    def runpython_c(self, command: str) -> RunResult:
        return self.run(sys.executable, "-c", command)

    def run(
        self, *cmdargs: str | os.PathLike[str], timeout: float | None = None, stdin: Any = CLOSE_STDIN
    ) -> RunResult:
        started = time.perf_counter()
        completed = subprocess.run(
            [str(arg) for arg in cmdargs],
            cwd=os.getcwd(),
            env=self._environment(),
            stdin=subprocess.DEVNULL if stdin is self.CLOSE_STDIN else stdin,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
        # Shown under the test's own output, as pytest's pytester prints what its runs wrote.
        sys.stdout.write(completed.stdout)
        sys.stderr.write(completed.stderr)
        return RunResult(
            completed.returncode,
            completed.stdout.splitlines(),
            completed.stderr.splitlines(),
            time.perf_counter() - started,
        )

    def _environment(self) -> dict[str, str]:
        env = dict(os.environ)
        # As pytest's pytester: the outer run's options and test do not leak into the inner one.
        for name in ("PYTEST_ADDOPTS", "PYTEST_CURRENT_TEST", "TOX_ENV_DIR"):
            env.pop(name, None)
        env["PY_COLORS"] = "0"
        path = [*self._sys_path_added, *filter(None, env.get("PYTHONPATH", "").split(os.pathsep))]
        if path:
            env["PYTHONPATH"] = os.pathsep.join(path)
        return env


class TestReportView:
    """One report of an inline run: a test's phase, or a collector's (``nodeid`` of a file)."""

    def __init__(self, nodeid: str, outcome: str, when: str, longrepr: str) -> None:
        self.nodeid = nodeid
        self.outcome = outcome
        self.when = when
        self.longrepr = longrepr

    passed = property(lambda self: self.outcome == "passed")
    failed = property(lambda self: self.outcome == "failed")
    skipped = property(lambda self: self.outcome == "skipped")

    def __repr__(self) -> str:
        return f"<TestReport {self.nodeid!r} when={self.when!r} outcome={self.outcome!r}>"


class HookRecorder:
    """What ``inline_run`` returns: the run's exit status and its reports, counted as pytest's
    recorder counts them (a passing test by its call, every failed or skipped report)."""

    def __init__(self, ret: int, reports: list[TestReportView]) -> None:
        self.ret = ret
        self._reports = reports

    def getreports(self, names: Any = None) -> list[TestReportView]:
        return list(self._reports)

    def listoutcomes(self) -> tuple[list[TestReportView], list[TestReportView], list[TestReportView]]:
        passed = [r for r in self._reports if r.passed and r.when == "call"]
        skipped = [r for r in self._reports if r.skipped]
        failed = [r for r in self._reports if r.failed]
        return passed, skipped, failed

    def countoutcomes(self) -> list[int]:
        return [len(reports) for reports in self.listoutcomes()]

    def assertoutcome(self, passed: int = 0, skipped: int = 0, failed: int = 0) -> None:
        obtained = dict(zip(("passed", "skipped", "failed"), self.countoutcomes(), strict=True))
        assert obtained == {"passed": passed, "skipped": skipped, "failed": failed}

    def getfailures(self, names: Any = None) -> list[TestReportView]:
        return [r for r in self._reports if r.failed]

    getfailedcollections = getfailures

    def matchreport(self, inamepart: str = "", names: Any = None, when: str | None = None) -> TestReportView:
        found = [
            r
            for r in self._reports
            if inamepart in r.nodeid.replace("::", ".") and (when is None or r.when == when)
        ]
        if len(found) != 1:
            raise ValueError(f"found {len(found)} reports matching {inamepart!r}: {found}")
        return found[0]


def _reports_of(path: Path) -> list[TestReportView]:
    """The reports a run's JSON report stands for, as pytest's recorder sees them: a collector's for
    each collection error and each module skipped while collecting, one per phase of every test."""
    import json

    if not path.is_file():
        return []
    document = json.loads(path.read_text(encoding="utf-8"))
    path.unlink()
    reports = [
        TestReportView(error["nodeid"], "failed", "collect", error["longrepr"])
        for error in document["collection_errors"]
    ]
    for test in document["tests"]:
        collected = "::" in test["nodeid"]  # not a module skipped at import
        for phase in test["phases"]:
            when = phase["phase"] if collected else "collect"
            reports.append(TestReportView(test["nodeid"], phase["outcome"], when, phase["longrepr"] or ""))
    return reports


class Testdir:
    """pytester for suites written against ``py.path.local`` (pytest's legacy ``testdir``): the
    same methods, returning ``LocalPath`` where pytester returns ``Path``."""

    # A test module that imports the class (``from pytest import Testdir``) for annotations must not
    # get a collection warning for it, as pytest's own class is marked.
    __test__ = False

    def __init__(self, pytester: Pytester) -> None:
        self._pytester = pytester

    @property
    def tmpdir(self) -> LocalPath:
        return LocalPath(self._pytester.path)

    def __getattr__(self, name: str) -> Any:
        attribute = getattr(self._pytester, name)
        if not callable(attribute):
            return attribute

        def call(*args: Any, **kwargs: Any) -> Any:
            result = attribute(*args, **kwargs)
            return LocalPath(result) if isinstance(result, Path) else result

        return call

    def __repr__(self) -> str:
        return f"<Testdir {self.tmpdir}>"


def _text(value: object) -> str:
    return value.decode("utf-8") if isinstance(value, bytes) else str(value)


@fixture
def pytester(request: Any, tmp_path_factory: Any) -> Iterator[Pytester]:
    """A temporary project to write test files into and run (pytest's pytester plugin)."""
    # The test function's name, without its parameters: file and directory names made from it.
    function = getattr(request, "function", None)
    name = function.__name__ if function is not None else request.node.name
    made = Pytester(tmp_path_factory.mktemp(name.replace(os.sep, "_"), numbered=True), name)
    yield made
    made._finalize()


@fixture
def testdir(pytester: Pytester) -> Testdir:
    """``pytester`` with ``py.path.local`` paths (pytest's legacy testdir)."""
    return Testdir(pytester)


@fixture
def linecomp() -> Any:
    """pytest's ``linecomp``: a ``LineMatcher`` to hold lines and match patterns against."""

    class LineComp:
        def __init__(self) -> None:
            import io

            self.stringio = io.StringIO()

        def assert_contains_lines(self, lines2: Sequence[str]) -> None:
            value = self.stringio.getvalue()
            self.stringio.truncate(0)
            self.stringio.seek(0)
            LineMatcher(value.splitlines()).fnmatch_lines(lines2)

    return LineComp()


@fixture(name="LineMatcher")
def line_matcher_class() -> type[LineMatcher]:
    """pytest's ``LineMatcher`` fixture: the class itself."""
    return LineMatcher
