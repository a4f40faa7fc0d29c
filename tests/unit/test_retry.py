"""pytest-retry's rules (``_execute/retry.py``) and its stand-in, without the plugin installed: the
CLI test puts a made-up ``pytest-retry`` distribution on the path, whose module the stand-in replaces
(importing it would fail the run)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

from asynctestrun._execute.retry import RetrySettings
from asynctestrun._model.marks import Mark
from asynctestrun._model.outcomes import Phase, PhaseOutcome, PhaseResult

SAMPLE = Path(__file__).parents[1] / "samples" / "retry_plugin"
PASSED = [
    PhaseResult(Phase.SETUP, PhaseOutcome.PASSED, 0.0),
    PhaseResult(Phase.CALL, PhaseOutcome.PASSED, 0.0),
]
FAILED = [
    PhaseResult(Phase.SETUP, PhaseOutcome.PASSED, 0.0),
    PhaseResult(Phase.CALL, PhaseOutcome.FAILED, 0.0),
]
SETUP_ERROR = [PhaseResult(Phase.SETUP, PhaseOutcome.FAILED, 0.0)]


def node(**kwargs):
    marks = [Mark("flaky", (), kwargs)]
    return SimpleNamespace(
        name="test_x", get_closest_marker=lambda name: next((m for m in marks if m.name == name), None)
    )


def attempts(policy, *runs, error=AssertionError):
    """Feed attempts until the policy stops asking for another; the number of attempts used."""
    for used, phases in enumerate(runs, start=1):
        failures = [(Phase.CALL, error("no"))] if phases is FAILED else []
        if phases is SETUP_ERROR:
            failures = [(Phase.SETUP, RuntimeError("set-up"))]
        if not policy.wants_rerun(phases, failures):
            return used
    raise AssertionError("the policy wanted more attempts than given")


def test_retries_count_the_runs_after_the_first():
    assert attempts(RetrySettings().policy_for(node(retries=2)), FAILED, FAILED, FAILED, FAILED) == 3
    assert attempts(RetrySettings().policy_for(node()), FAILED, FAILED, FAILED) == 2  # bare: once
    assert attempts(RetrySettings().policy_for(node(retries=0)), FAILED, FAILED, FAILED) == 2
    assert attempts(RetrySettings(retries=3).policy_for(node()), FAILED, FAILED, FAILED, FAILED, FAILED) == 4


def test_a_pass_ends_the_retries_and_is_logged():
    settings = RetrySettings()
    policy = settings.policy_for(node(retries=3))
    assert attempts(policy, FAILED, PASSED) == 2
    assert policy.retried
    assert [entry.split("!")[0].strip() for entry in settings.log] == [
        "test_x failed on attempt 1",
        "test_x passed on attempt 2",
    ]


def test_only_call_failures_that_pass_the_filter_are_retried():
    settings = RetrySettings()
    assert settings.policy_for(node(retries=2, condition=False)) is None
    assert attempts(settings.policy_for(node(retries=2)), SETUP_ERROR, FAILED) == 1
    assert (
        attempts(settings.policy_for(node(retries=2, only_on=[LookupError])), FAILED, FAILED, error=KeyError)
        == 1
    )
    assert (
        attempts(
            settings.policy_for(node(retries=2, only_on=[KeyError])), FAILED, FAILED, FAILED, error=KeyError
        )
        == 3
    )
    assert (
        attempts(settings.policy_for(node(retries=2, exclude=[KeyError])), FAILED, FAILED, error=KeyError)
        == 1
    )
    filtered = RetrySettings(filtered=(ValueError,))
    assert attempts(filtered.policy_for(node(retries=2)), FAILED, FAILED) == 1
    assert not filtered.log  # a test never retried is not in the section


def _fake_pytest_retry(site: Path) -> None:
    package = site / "pytest_retry"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text('raise ImportError("the stand-in replaces this module")\n')
    info = site / "pytest_retry-1.7.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: pytest-retry\nVersion: 1.7.0\n")
    (info / "entry_points.txt").write_text("[pytest11]\npytest-retry = pytest_retry.retry_plugin\n")


def test_the_stand_in_retries_where_pytest_retry_is_installed(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(SAMPLE, project, ignore=shutil.ignore_patterns("__pycache__"))
    _fake_pytest_retry(tmp_path / "site")
    env = {key: value for key, value in os.environ.items() if not key.startswith("PYTEST_")}
    env["PYTHONPATH"] = str(tmp_path / "site")
    done = subprocess.run(
        # pytest-rerunfailures and box/flaky, where installed, would claim the same mark.
        [sys.executable, "-m", "asynctestrun", "-p", "no:cacheprovider", "-p", "no:rerunfailures", "-p", "no:flaky"]
        + ["-v"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    output = done.stdout + done.stderr
    assert done.returncode == 1, output
    assert re.search(r"7 failed, 4 passed, 1 skipped, 1 xfailed, 1 error, 5 retried in ", done.stdout), output
    assert "test_retried.py::test_passes_on_the_second_attempt RETRY" in done.stdout
    assert "test_retried.py::test_passes_on_the_second_attempt PASSED" in done.stdout
    assert "the following tests were retried" in done.stdout
    assert "PluginWarning" not in output
