"""box/flaky's set-up hook reads each test's ``flaky`` mark as its own (the sample needs flaky): a
mark it cannot take fails the test's set-up, whichever plugin runs the test. pytest-rerunfailures'
``reruns=N`` is one; so are settings that cannot give the passes asked for."""

import pytest
from flaky import flaky

RUNS: dict[str, int] = {}


def run_number(name: str) -> int:
    RUNS[name] = RUNS.get(name, 0) + 1
    return RUNS[name]


@pytest.mark.flaky(reruns=2)
def test_rerunfailures_argument():
    assert run_number("reruns") > 1


@pytest.mark.flaky(max_runs=1, min_passes=2)
def test_more_passes_than_runs():
    pass


@pytest.mark.flaky(max_runs=0)
async def test_zero_runs():
    pass


@pytest.mark.flaky(max_runs=3)
def test_flakys_own_arguments():
    assert run_number("own") > 2


@flaky(max_runs=2)
@pytest.mark.flaky(reruns=1)
def test_decorated_and_marked():
    assert run_number("decorated") > 1


@pytest.mark.skip(reason="skipped before the mark is read")
@pytest.mark.flaky(reruns=1)
def test_skipped():
    pass
