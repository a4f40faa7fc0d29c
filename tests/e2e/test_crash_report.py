"""A test that crashes the interpreter (a segfault in C code) leaves its Python stack on stderr, as under
pytest, whose faulthandler plugin is on by default."""

from __future__ import annotations

import subprocess
from pathlib import Path

from harness import run_cli


def _run(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_cli(project, "-p", "no:cacheprovider", *args)


def test_a_crash_prints_the_python_stack_of_the_test(tmp_path: Path) -> None:
    # As pytest's faulthandler plugin: a segfault shows where the test was, on the real stderr.
    (tmp_path / "test_crash.py").write_text("import ctypes\n\n\ndef test_crash():\n    ctypes.string_at(0)\n")
    done = _run(tmp_path, "test_crash.py")
    assert done.returncode != 0
    assert "Fatal Python error: Segmentation fault" in done.stderr
    assert 'test_crash.py", line 5 in test_crash' in done.stderr


def test_faulthandler_timeout_dumps_the_stacks_of_a_slow_test_and_lets_it_go_on(tmp_path: Path) -> None:
    (tmp_path / "pytest.ini").write_text("[pytest]\nfaulthandler_timeout = 0.3\n")
    (tmp_path / "test_slow.py").write_text(
        "import time\n\n\ndef test_slow():\n    time.sleep(0.8)\n\n\ndef test_fast():\n    pass\n"
    )
    done = _run(tmp_path, "test_slow.py")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "2 passed" in done.stdout
    assert done.stderr.count("Timeout (0:00:00.300000)!") == 1  # the fast test disarmed it
    assert 'test_slow.py", line 5 in test_slow' in done.stderr
