"""Installed plugins prepare the run before conftests are imported, as under pytest."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from asynctestrun._builtins import xdist_fixtures

# What pytest-env does: declare an ini key, then set os.environ from it in
# pytest_load_initial_conftests, which runs before any conftest is imported.
ENV_PLUGIN = """
import os


def pytest_addoption(parser):
    parser.addini("env", type="linelist", help="NAME=VALUE lines", default=[])


def pytest_load_initial_conftests(args, early_config, parser):
    for line in early_config.getini("env"):
        name, _, value = line.partition("=")
        os.environ[name.strip()] = value.strip()
"""


def test_a_plugin_sets_the_environment_before_conftests_are_imported(tmp_path: Path) -> None:
    (tmp_path / "envplugin.py").write_text(ENV_PLUGIN)
    (tmp_path / "pytest.ini").write_text(
        "[pytest]\naddopts = -p envplugin\nenv =\n    SERVICE_URL=http://db\n"
    )
    # The conftest reads the variable at import time, as settings modules do. The plugin module is
    # found in the invocation directory, as under ``python -m pytest``.
    (tmp_path / "conftest.py").write_text("import os\n\nSERVICE_URL = os.environ['SERVICE_URL']\n")
    (tmp_path / "test_env.py").write_text(
        "import os\n\n\ndef test_env():\n    assert os.environ['SERVICE_URL'] == 'http://db'\n"
    )
    done = subprocess.run(
        [sys.executable, "-m", "asynctestrun", "-p", "no:cacheprovider"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "1 passed" in done.stdout


def test_worker_id_is_master_outside_workers_and_the_worker_name_inside(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    worker_id = xdist_fixtures.worker_id.__wrapped__
    testrun_uid = xdist_fixtures.testrun_uid.__wrapped__
    monkeypatch.delenv("PYTEST_XDIST_WORKER", raising=False)
    monkeypatch.delenv("PYTEST_XDIST_TESTRUNUID", raising=False)
    assert worker_id() == "master"
    assert len(testrun_uid()) == 32
    monkeypatch.setenv("PYTEST_XDIST_WORKER", "gw1")
    monkeypatch.setenv("PYTEST_XDIST_TESTRUNUID", "abc")
    assert worker_id() == "gw1"
    assert testrun_uid() == "abc"
