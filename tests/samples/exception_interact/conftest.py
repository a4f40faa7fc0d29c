"""pytest_exception_interact after each failed set-up, call and teardown, not after a skip or an
expected failure (suites dump state or take a screenshot there)."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from eventlog import record  # noqa: E402


def pytest_exception_interact(node, call, report):
    record(f"interact {node.nodeid} {call.when} {report.when} {report.outcome} {call.excinfo.typename}")


@pytest.fixture
def broken_setup():
    raise RuntimeError("setup")


@pytest.fixture
def broken_teardown():
    yield
    raise KeyError("teardown")
