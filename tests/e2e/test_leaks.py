"""Tasks a test leaves running are reported against that test: a warning naming the task and where it
waits, or with ``--strict-leaks`` an error in the test's teardown. Not in pytest-asyncio, which
cancels them silently (its outcomes are the warning-only ones)."""

from __future__ import annotations

import subprocess
import textwrap
from pathlib import Path

from harness import run_cli

SUITE = textwrap.dedent(
    """
    import asyncio

    import pytest


    async def forever():
        await asyncio.Event().wait()


    @pytest.mark.asyncio
    async def test_leaks_a_task():
        asyncio.get_running_loop().create_task(forever(), name="left-behind")


    @pytest.mark.asyncio
    async def test_clean():
        await asyncio.sleep(0)
    """
)


def _run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    (tmp_path / "test_leak.py").write_text(SUITE)
    (tmp_path / "pytest.ini").write_text("[pytest]\nasyncio_default_fixture_loop_scope = function\n")
    return run_cli(tmp_path, "-p", "no:cacheprovider", "-rfE", *args)


def test_a_leaked_task_is_a_warning_naming_the_test_and_the_task(tmp_path: Path) -> None:
    done = _run(tmp_path)
    out = done.stdout
    assert done.returncode == 0, out + done.stderr
    assert "test_leak.py::test_leaks_a_task\n  LeakWarning: tasks were still pending" in out
    assert "Task 'left-behind' running forever()" in out
    assert "test_leak.py:8 in forever: await asyncio.Event().wait()" in out
    assert "test_clean" not in out.split("warnings summary", 1)[1]
    assert "2 passed, 1 warning" in out


def test_strict_leaks_makes_it_an_error_of_that_test(tmp_path: Path) -> None:
    done = _run(tmp_path, "--strict-leaks")
    out = done.stdout
    assert done.returncode == 1, out + done.stderr
    assert "ERROR test_leak.py::test_leaks_a_task - Failed: tasks were still pending" in out
    assert "2 passed, 1 error" in out
