"""Warnings given while a test module compiles, run after run, where Python writes no bytecode.

pytest compiles every test module on every run under ``PYTHONDONTWRITEBYTECODE`` (common in CI
images): an invalid escape sequence is in each run's warnings summary, and an error filter makes the
module a collection error whatever ran before. asynctestrun's own rewrite cache must not hide them
after the first run.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from harness import SAMPLES, reference_python, run_cli

ERROR_FILTERS = ("-W", "error::DeprecationWarning", "-W", "error::SyntaxWarning")


def _last_line(done: subprocess.CompletedProcess[str]) -> str:
    return done.stdout.strip().splitlines()[-1]


def _runs(command: list[str] | None, project: Path) -> list[tuple[int, str]]:
    """A plain run twice, then one with the error filters, in the same copy (its caches kept)."""
    results = []
    for args in ((), (), ERROR_FILTERS):
        if command is None:
            done = run_cli(project, "-q", "-p", "no:cacheprovider", *args)
        else:
            done = subprocess.run(
                [*command, "-q", "-p", "no:cacheprovider", *args],
                cwd=project,
                capture_output=True,
                text=True,
                check=False,
            )
        results.append((done.returncode, _last_line(done).split(" in ")[0]))
    return results


def test_compile_warnings_come_back_on_every_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYTHONDONTWRITEBYTECODE", "1")
    project = tmp_path / "candidate"
    shutil.copytree(SAMPLES / "compile_warnings", project)
    expected = [(0, "3 passed, 2 warnings"), (0, "3 passed, 2 warnings"), (2, "1 error")]
    assert _runs(None, project) == expected
    python = reference_python()[0]
    if python is not None:
        reference = tmp_path / "reference"
        shutil.copytree(SAMPLES / "compile_warnings", reference)
        assert _runs([python, "-m", "pytest"], reference) == expected
