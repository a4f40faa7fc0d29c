"""Options of pytest's output and of replaced plugins in ``addopts`` do not stop the run."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from asynctestrun._config import tolerated
from asynctestrun._shim.config import Parser

ADDOPTS = (
    "--no-header --strict-config --log-cli-level=INFO --cov=mypkg "
    "--cov-report=term-missing --cov-report xml --no-cov-on-fail --dist loadscope --benchmark-disable "
    "--timeout-method=thread --doctest-modules --code-highlight=no --looponfail"
)


def _run(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "asynctestrun", "-p", "no:cacheprovider", *args],
        cwd=project,
        check=False,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_suite_whose_addopts_carry_them_runs_and_names_what_is_ignored(tmp_path: Path) -> None:
    (tmp_path / "pytest.ini").write_text(f"[pytest]\naddopts = {ADDOPTS}\n")
    (tmp_path / "test_one.py").write_text("def test_one():\n    assert True\n")
    done = _run(tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "1 passed" in done.stdout
    assert "--looponfail is accepted but ignored" in done.stdout
    assert "--doctest-modules" not in done.stdout  # acted on: doctests are collected
    assert "--no-header" not in done.stdout  # output-only options are ignored silently


def test_under_workers_the_ignored_options_warning_is_shown_once(tmp_path: Path) -> None:
    # Each worker parses the same options and raised it again: it was in the summary three times.
    (tmp_path / "pytest.ini").write_text("[pytest]\nasyncio_default_fixture_loop_scope = function\n")
    for name in ("test_a.py", "test_b.py"):
        (tmp_path / name).write_text("def test_one():\n    assert True\n")
    done = _run(tmp_path, "--looponfail", "-n", "2")
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.count("--looponfail is accepted but ignored") == 1, done.stdout
    assert "2 passed, 1 warning" in done.stdout


def test_an_unknown_option_is_still_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "test_one.py").write_text("def test_one():\n    assert True\n")
    done = _run(tmp_path, "--cov=x", "--no-such-option")
    assert done.returncode == 4
    assert "unrecognized arguments: --no-such-option" in done.stdout + done.stderr


def test_a_plugin_declaring_the_same_option_keeps_its_own() -> None:
    parser = Parser(_ispytest=True)
    parser.addoption("--cov", dest="mine", action="store_true")
    tolerated.declare(parser)
    declared = [attrs for names, attrs in parser.options if "--cov" in names]
    assert declared == [{"dest": "mine", "action": "store_true"}]


def test_values_reach_getoption_under_the_plugins_dest_names() -> None:
    parser = Parser(_ispytest=True)
    tolerated.declare(parser)
    namespace = parser.argparser().parse_args(["--cov", "--cov=pkg", "--cov-fail-under", "90", "--dist=load"])
    values = vars(namespace)
    assert values["cov_source"] == [True, "pkg"]
    assert values["cov_fail_under"] == "90"
    assert values["dist"] == "load"
    assert tolerated.ignored(values) == [
        "--cov, --cov-fail-under are accepted but ignored: "
        "coverage.py is not installed: no coverage is measured"
    ]
    # Where coverage.py is installed the session acts on them, and leaves that reason out.
    assert tolerated.ignored(values, acted_on=(tolerated.NO_COVERAGE,)) == []


def test_the_rarer_xdist_and_benchmark_options_parse() -> None:
    parser = Parser(_ispytest=True)
    tolerated.declare(parser)
    args = [
        "--px=id=proxy//socket=host:8888",
        "--testrunuid=abc",
        "--loadscope-reorder",
        "--no-loadscope-reorder",
        "--benchmark-cprofile-loops=2",
        "--benchmark-cprofile-top=5",
        "--benchmark-cprofile-dump",
        "--benchmark-confidence=0.99",
        "--benchmark-precision=0.01",
    ]
    values = vars(parser.argparser().parse_args(args))
    assert values["px"] == ["id=proxy//socket=host:8888"]
    assert values["testrunuid"] == "abc"
    assert values["benchmark_cprofile_dump"] == [True]
    assert values["benchmark_precision"] == "0.01"
    assert tolerated.ignored(values) == []
