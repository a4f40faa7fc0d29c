"""pytest-codspeed's stand-in (asynctestrun._builtins.codspeed): its fixture, its mark check, its mode."""

from __future__ import annotations

import gc
import importlib.util
import os
import random
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from asynctestrun._builtins import codspeed
from asynctestrun._model.marks import Mark


def _node(*marks: Mark) -> SimpleNamespace:
    return SimpleNamespace(
        get_closest_marker=lambda name: next((mark for mark in marks if mark.name == name), None)
    )


def test_off_the_function_runs_once_and_its_result_is_returned():
    calls: list[int] = []
    fixture = codspeed.BenchmarkFixture(_node(), measured=False)
    assert fixture(lambda n, *, step: calls.append(n) or n + step, 1, step=2) == 3
    assert calls == [1]


def test_the_fixture_is_used_once_per_test():
    fixture = codspeed.BenchmarkFixture(_node(), measured=False)
    fixture(int)
    with pytest.raises(RuntimeError, match="only be used once"):
        fixture.pedantic(int)


def test_pedantic_checks_its_arguments_and_hands_them_to_setup_and_teardown():
    seen: list[object] = []
    fixture = codspeed.BenchmarkFixture(_node(), measured=False)
    assert fixture.pedantic(str, args=(5,), setup=seen.append, teardown=seen.append, rounds=0) == "5"
    assert seen == [5, 5]
    for bad in ({"rounds": -1}, {"warmup_rounds": -1}, {"iterations": 0}, {"iterations": 2, "setup": int}):
        with pytest.raises(ValueError):
            codspeed.BenchmarkFixture(_node(), measured=False).pedantic(int, **bad)
    made = codspeed.BenchmarkFixture(_node(), measured=False)
    assert made.pedantic(str, setup=lambda: ((7,), {})) == "7"


def test_measured_the_function_runs_seeded_with_the_collector_off():
    expected = random.Random(0).random()
    fixture = codspeed.BenchmarkFixture(_node(), measured=True)
    state = random.getstate()
    try:
        assert fixture(lambda: (random.random(), gc.isenabled())) == (expected, False)
    finally:
        random.setstate(state)  # the seed is not left to the tests that follow
    assert gc.isenabled()


def test_measured_the_marks_keywords_are_checked():
    good = _node(Mark("benchmark", (), {"group": "g", "max_rounds": 1}))
    assert codspeed.BenchmarkFixture(good, measured=True)(int) == 0
    for mark in (Mark("benchmark", (), {"min_rounds": 3}), Mark("codspeed_benchmark", ("g",))):
        with pytest.raises(ValueError, match="benchmark marker"):
            codspeed.BenchmarkFixture(_node(mark), measured=True)(int)
        assert codspeed.BenchmarkFixture(_node(mark), measured=False)(int) == 0


@pytest.mark.parametrize(
    ("env", "mode"),
    [
        ({}, "walltime"),
        ({"CODSPEED_ENV": "1"}, "simulation"),
        ({"CODSPEED_ENV": "1", "CODSPEED_RUNNER_MODE": "memory"}, "memory"),
    ],
)
def test_the_default_mode_follows_codspeeds_runner(monkeypatch, env, mode):
    monkeypatch.delenv("CODSPEED_ENV", raising=False)
    monkeypatch.delenv("CODSPEED_RUNNER_MODE", raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert codspeed._default_mode() == mode


def test_codspeed_env_switches_it_on_as_the_option_does(tmp_path: Path):
    if importlib.util.find_spec("pytest_codspeed") is None:
        pytest.skip("the stand-in is loaded only where pytest-codspeed is installed")
    (tmp_path / "pytest.ini").write_text("[pytest]\n")
    (tmp_path / "test_one.py").write_text(
        "import pytest\n\n"
        "def test_plain():\n    pass\n\n"
        "@pytest.mark.benchmark\ndef test_marked():\n    pass\n\n"
        "def test_fixture(codspeed_benchmark):\n    assert codspeed_benchmark(int) == 0\n"
    )
    done = subprocess.run(
        [sys.executable, "-m", "asynctestrun", "-p", "no:cacheprovider", "-q"],
        cwd=tmp_path,
        env={**{k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}, "CODSPEED_ENV": "1"},
        check=False,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "2 passed, 1 deselected" in done.stdout
