"""Hooks for the tests under integration/ alone, as pytest calls a conftest's test hooks (item.ihook)
for the tests in its directory only."""

import pytest
from eventlog import record


def pytest_markeval_namespace(config):
    return {"LEVEL": "integration"}


def pytest_runtest_setup(item):
    record(f"integration setup hook {item.name}")
    if "needs_service" in item.keywords:
        pytest.skip("no service in this run")


def pytest_runtest_logstart(nodeid, location):
    record(f"integration logstart {nodeid}")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if call.when == "call" and report.failed:
        record(f"integration failure {item.name}")
    return report
