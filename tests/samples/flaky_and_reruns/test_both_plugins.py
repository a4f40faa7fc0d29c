"""box/flaky and pytest-rerunfailures installed together (the sample needs both): each takes over
pytest's runtest protocol, and pluggy asks the plugin registered last first. flaky's runs every test,
so when it is registered last rerunfailures reruns nothing, not even under ``--reruns``; when
rerunfailures is, it runs each test it has a rerun count for and leaves the others to flaky.
The scenarios fix the order with ``-p``, which registers the named plugin before the others."""

import pytest
from flaky import flaky

RUNS: dict[str, int] = {}


def run_number(name: str) -> int:
    RUNS[name] = RUNS.get(name, 0) + 1
    return RUNS[name]


@pytest.fixture
def unreachable_service():
    raise ConnectionError("no service here")


@pytest.mark.flaky
def test_bare_mark_fails_once():
    assert run_number("bare") > 1


@pytest.mark.flaky(max_runs=2)
def test_mark_with_a_failing_fixture(unreachable_service):
    pass


@flaky(max_runs=3)
def test_decorated_fails_twice():
    assert run_number("decorated") > 2


@pytest.mark.flaky
async def test_async_bare_mark_fails_once():
    assert run_number("async") > 1


def test_unmarked_fails_once():
    assert run_number("unmarked") > 1
