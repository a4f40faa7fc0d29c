"""The Docker image: its Dockerfile says what the docs promise, and it builds and runs a suite where a
Docker engine is available (skipped cleanly elsewhere, e.g. on machines with only the client)."""

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_dockerfile_runs_asynctestrun_on_src():
    text = (ROOT / "Dockerfile").read_text()
    assert "WORKDIR /src" in text
    assert 'ENTRYPOINT ["asynctestrun"]' in text
    assert "pip install" in text


def _engine_available() -> bool:
    if shutil.which("docker") is None:
        return False
    try:
        probe = subprocess.run(["docker", "info"], capture_output=True, timeout=20)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return probe.returncode == 0


def test_image_builds_and_runs_the_example(tmp_path):
    if not _engine_available():
        pytest.skip("no Docker engine here (the docker client alone cannot build images)")
    tag = "asynctestrun-selftest:latest"
    build = subprocess.run(["docker", "build", "-t", tag, str(ROOT)], capture_output=True, text=True, timeout=900)
    assert build.returncode == 0, build.stdout[-2000:] + build.stderr[-2000:]
    example = ROOT / "examples" / "demo_service"
    run = subprocess.run(
        ["docker", "run", "--rm", "-v", f"{example}:/src", tag, "-q", "-p", "no:cacheprovider"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    assert "passed" in run.stdout
