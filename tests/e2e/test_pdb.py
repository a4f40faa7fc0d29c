"""``--pdb``: the debugger opens where a test failed, with its fixtures still set up; ``continue``
goes on with the run, ``quit`` reports the test and ends the run (exit status 2), as under pytest.

The debugger reads the commands from stdin, so each run is fed them as a person would type them.
"""

from __future__ import annotations

import subprocess
import textwrap

from harness import run_cli

SUITE = textwrap.dedent(
    """
    import asyncio

    import pytest


    @pytest.fixture
    def resource():
        yield "open"
        print("resource closed")


    @pytest.mark.asyncio
    async def test_async_fails(resource):
        answer = 6 * 7
        await asyncio.sleep(0)
        assert answer == 41


    def test_runs_after():
        pass
    """
)


def _run(tmp_path, commands: str) -> subprocess.CompletedProcess[str]:
    (tmp_path / "test_debugged.py").write_text(SUITE)
    (tmp_path / "pytest.ini").write_text("[pytest]\nasyncio_default_fixture_loop_scope = function\n")
    return run_cli(tmp_path, "--pdb", "-p", "no:cacheprovider", "-s", input=commands)


def test_continue_shows_the_frame_and_goes_on(tmp_path):
    done = _run(tmp_path, "p answer\np resource\nc\n")
    out = done.stdout
    assert "entering PDB" in out and "PDB post_mortem (IO-capturing turned off)" in out
    assert "-> assert answer == 41" in out
    assert "(Pdb) 42\n(Pdb) 'open'\n" in out  # the failing frame, its fixture still set up
    assert out.index("(Pdb) 42") < out.index("resource closed")  # teardown after the debugger
    assert "PDB continue (IO-capturing resumed)" in out
    assert "1 failed, 1 passed" in out
    assert done.returncode == 1
    # As pytest: a failure shown in the debugger is left out of FAILURES, not out of the short summary.
    assert "= FAILURES =" not in out
    assert "FAILED test_debugged.py::test_async_fails" in out


def test_quit_reports_the_test_and_stops_the_run(tmp_path):
    done = _run(tmp_path, "q\n")
    out = done.stdout
    assert "FAILED test_debugged.py::test_async_fails" in out
    assert "Quitting debugger" in out
    assert "resource closed" in out  # torn down all the same
    assert "1 failed in" in out  # test_runs_after never ran
    assert done.returncode == 2


TRACED = textwrap.dedent(
    """
    import asyncio
    import functools

    import pytest


    def passing_through(test):
        @functools.wraps(test)
        def wrapper(*args, **kwargs):
            return test(*args, **kwargs)

        return wrapper


    @pytest.fixture
    def resource():
        return "open"


    @passing_through
    def test_sync(resource):
        first = 1
        assert first == 1


    @pytest.mark.asyncio
    async def test_async(resource):
        second = 2
        await asyncio.sleep(0)
        assert second == 2
    """
)


def _trace(tmp_path, commands: str, *args: str) -> subprocess.CompletedProcess[str]:
    (tmp_path / "test_traced.py").write_text(TRACED)
    (tmp_path / "pytest.ini").write_text("[pytest]\nasyncio_default_fixture_loop_scope = function\n")
    return run_cli(tmp_path, "--trace", "-p", "no:cacheprovider", *args, input=commands)


def test_trace_stops_at_the_first_line_of_each_test(tmp_path):
    # A decorator's wrapper is stepped over, and an async test stops in its own coroutine (pytest
    # stops in pytest-asyncio's wrapper instead), with its fixtures set up.
    done = _trace(tmp_path, "p resource\nn\np first\nc\np resource\nn\nn\np second\nc\n")
    out = done.stdout
    assert out.count("PDB runcall (IO-capturing turned off)") == 2
    assert out.count("PDB continue (IO-capturing resumed)") == 2
    assert "test_traced.py(23)test_sync()\n-> first = 1\n(Pdb) 'open'\n" in out
    assert "-> assert first == 1\n(Pdb) 1\n" in out
    assert "test_traced.py(29)test_async()\n-> second = 2\n(Pdb) 'open'\n" in out
    assert "-> assert second == 2\n(Pdb) 2\n" in out  # stepped over the await to the assert
    assert "2 passed" in out and done.returncode == 0


def test_trace_quit_stops_the_run_before_the_test_ends(tmp_path):
    done = _trace(tmp_path, "q\n")
    assert "Quitting debugger" in done.stdout
    assert "no tests ran" in done.stdout and done.returncode == 2


def test_trace_needs_the_terminal(tmp_path):
    done = _trace(tmp_path, "", "-n", "2")
    assert "--trace needs the terminal" in done.stdout + done.stderr
    assert done.returncode == 4
