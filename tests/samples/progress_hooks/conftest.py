"""pytest_runtest_logstart / logfinish around each test, and pytest_report_collectionfinish's lines
under the collection line (a string, and a list of them)."""

import pytest
from eventlog import record


def pytest_report_collectionfinish(config, start_path, items):
    return [f"selected: {len(items)} tests", "order: " + ", ".join(item.name for item in items)]


def pytest_runtest_logstart(nodeid, location):
    record(f"logstart {nodeid} {location[0]}:{location[1]} {location[2]}")


def pytest_runtest_logfinish(nodeid, location):
    record(f"logfinish {nodeid}")


@pytest.fixture
def traced():
    record("setup traced")
    yield
    record("teardown traced")
