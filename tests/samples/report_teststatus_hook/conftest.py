"""pytest_report_teststatus: a conftest names its own category, letter and word for some reports,
hides others, and leaves the rest to pytest (None)."""

import pytest


def pytest_report_teststatus(report, config):
    if report.when == "call" and "flaky_network" in report.keywords:
        if report.passed:
            return "network passed", "N", "NETWORK-OK"
        return "network failed", "n", ("NETWORK-DOWN", {"yellow": True})
    if report.when == "call" and report.skipped and "hidden" in report.nodeid:
        return "", "", ""
    return None


@pytest.fixture
def broken_teardown():
    yield
    raise RuntimeError("teardown")
