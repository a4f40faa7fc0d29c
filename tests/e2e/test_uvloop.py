"""``--loop uvloop``: asynctestrun's own option, so there is no pytest run to compare with. The runner's
guarantees must not depend on the loop: a timeout still interrupts a hung fixture, and a missing
uvloop is a usage error that says what to do."""

import os
import subprocess
import sys

import pytest

INI = "[pytest]\nasyncio_mode = auto\nasyncio_default_fixture_loop_scope = function\n"

HANGING = """
import asyncio

import pytest


@pytest.fixture
async def stuck():
    await asyncio.Event().wait()


async def test_fixture_hangs(stuck):
    pass


async def test_body_hangs():
    await asyncio.Event().wait()


async def test_after():
    pass
"""

# Runs asynctestrun as if uvloop were not installed: importlib finds no module named uvloop.
WITHOUT_UVLOOP = "import sys; sys.modules['uvloop'] = None; from asynctestrun._entry import main; main()"


def _run(project, *args, code=None):
    python = os.environ.get("ASYNCTESTRUN_PYTHON") or sys.executable
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "ASYNCTESTRUN_REFERENCE"))}
    launch = ["-c", code] if code else ["-m", "asynctestrun"]
    return subprocess.run(
        [python, *launch, "-q", "-p", "no:cacheprovider", *args],
        check=False,
        cwd=project,
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )


def _project(tmp_path, text):
    (tmp_path / "pytest.ini").write_text(INI)
    (tmp_path / "test_a.py").write_text(text)
    return tmp_path


@pytest.mark.parametrize("loop", ["asyncio", "uvloop"])
def test_timeout_interrupts_a_hung_fixture_and_test(tmp_path, loop):
    # uvloop runs signal handlers inside a loop callback, which swallowed the watchdog's timeout.
    if loop == "uvloop":
        pytest.importorskip("uvloop")
    result = _run(_project(tmp_path, HANGING), "--loop", loop, "--timeout", "0.5", "-rfE")
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "ERROR test_a.py::test_fixture_hangs - TestTimeout" in output
    assert "FAILED test_a.py::test_body_hangs - TestTimeout" in output
    assert "1 failed, 1 passed, 1 error" in output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--loop", "uvloop"), "--loop uvloop / asyncio_loop: uvloop is not installed for "),
        (("-o", "asyncio_loop=uvloop"), "--loop uvloop / asyncio_loop: uvloop is not installed for "),
        (("--loop-matrix", "asyncio,uvloop"), "leave uvloop out of --loop-matrix"),
    ],
)
def test_missing_uvloop_is_a_usage_error(tmp_path, args, message):
    result = _run(_project(tmp_path, "async def test_a():\n    pass\n"), *args, code=WITHOUT_UVLOOP)
    assert result.returncode == 4, result.stdout + result.stderr
    assert message in result.stderr
    assert "pip install uvloop" in result.stderr
    assert "INTERNALERROR" not in result.stderr
