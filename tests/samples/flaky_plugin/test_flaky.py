"""box/flaky's reruns (the sample needs the ``flaky`` package): a test runs again until it has passed
``min_passes`` times, while that still fits in ``max_runs``; only its last run is reported."""

import pytest
from flaky import flaky

RUNS: dict[str, int] = {}


def run_number(name: str) -> int:
    RUNS[name] = RUNS.get(name, 0) + 1
    return RUNS[name]


@flaky
def test_fails_once():
    assert run_number("once") > 1


@flaky(max_runs=3)
def test_fails_twice():
    assert run_number("twice") > 2


@flaky(max_runs=2)
def test_fails_more_than_its_runs():
    assert run_number("too_many") > 2


@flaky(max_runs=3, min_passes=2)
def test_needs_two_passes():
    assert run_number("two") != 2


@flaky(max_runs=3, rerun_filter=lambda err, name, test, plugin: not issubclass(err[0], KeyError))
def test_filter_refuses_a_rerun():
    if run_number("filtered") == 1:
        raise KeyError("not worth another run")


@pytest.mark.flaky(max_runs=2)
async def test_async_marked():
    assert run_number("async") > 1


@flaky
class TestDecoratedClass:
    def test_method(self):
        assert run_number("method") > 1


@flaky
def test_skipped_once_is_not_rerun():
    pytest.skip("skips end it")


def test_plain_failure_is_not_rerun():
    assert run_number("plain") > 1
