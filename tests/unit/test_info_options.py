"""``--markers``, ``--fixtures-per-test`` and ``--cache-show`` print what they show and run nothing (exit 0),
as under pytest."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

CONFTEST = '''
import pytest


def pytest_configure(config):
    config.addinivalue_line("markers", "network(host): needs a network")


@pytest.fixture
def from_conftest():
    """Shown first line.

    Not shown."""
    return 1
'''

TESTS = """
import pytest


@pytest.fixture
def local():
    return 2


def test_uses_both(from_conftest, local):
    assert False, "never called"


def test_uses_none():
    assert False, "never called"
"""


def _project(tmp_path: Path) -> Path:
    (tmp_path / "pytest.ini").write_text("[pytest]\nmarkers =\n    slow: a slow test\n    bare\n")
    (tmp_path / "conftest.py").write_text(CONFTEST)
    (tmp_path / "test_things.py").write_text(TESTS)
    return tmp_path


def _run(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "asynctestrun", *args],
        cwd=project,
        check=False,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_markers_lists_the_suites_marks_first_then_the_built_in_ones(tmp_path: Path) -> None:
    done = _run(_project(tmp_path), "--markers")
    assert done.returncode == 0, done.stdout + done.stderr
    lines = [line for line in done.stdout.splitlines() if line]
    # The ini's in their order, then what plugins (installed ones' stand-ins too) and conftests added.
    assert lines[:2] == ["@pytest.mark.slow: a slow test", "@pytest.mark.bare:"]
    assert "@pytest.mark.network(host): needs a network" in lines
    assert any(line.startswith("@pytest.mark.asyncio") for line in lines)
    assert any(line.startswith("@pytest.mark.xfail(condition") for line in lines)
    assert "never called" not in done.stdout


def test_fixtures_per_test_lists_each_selected_tests_fixtures(tmp_path: Path) -> None:
    done = _run(_project(tmp_path), "--fixtures-per-test", "-k", "both", "-p", "no:cacheprovider")
    assert done.returncode == 0, done.stdout + done.stderr
    out = done.stdout
    assert " fixtures used by test_uses_both " in out
    assert " (test_things.py:10) " in out
    assert "from_conftest -- conftest.py:9\n    Shown first line.\n" in out
    assert "local -- test_things.py:5\n    no docstring available\n" in out
    assert "test_uses_none" not in out
    assert "never called" not in out


def test_cache_show_prints_the_values_a_glob_matches(tmp_path: Path) -> None:
    project = _project(tmp_path)
    assert _run(project, "-q").returncode == 1  # both tests fail: the cache records them
    done = _run(project, "--cache-show", "cache/last*")
    assert done.returncode == 0, done.stdout + done.stderr
    out = done.stdout
    assert f"cachedir: {project / '.asynctestrun_cache'}" in out
    assert " cache values for 'cache/last*' " in out
    assert "cache/lastfailed contains:\n  {'test_things.py::test_uses_both': True," in out
    assert "cache/nodeids" not in out
    assert "no tests ran" in out


def test_cache_show_is_unknown_without_the_cache_plugin(tmp_path: Path) -> None:
    done = _run(_project(tmp_path), "-p", "no:cacheprovider", "--cache-show")
    assert done.returncode == 4
    assert "--cache-show" in done.stdout + done.stderr


def test_fixtures_lists_the_visible_fixtures_by_where_they_are_defined(tmp_path: Path) -> None:
    done = _run(_project(tmp_path), "--fixtures", "-p", "no:cacheprovider")
    assert done.returncode == 0, done.stdout + done.stderr
    out = done.stdout
    assert " fixtures defined from " in out
    assert "from_conftest -- " in out and "    Shown first line.\n" in out
    assert "local -- " in out
    assert "never called" not in out
