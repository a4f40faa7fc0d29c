"""pytest_runtest_logreport sees each phase's report, as plugins that track what ran rely on (syrupy):
one events.log line per report, and a registered plugin's hook wrapper around the plain implementation."""

from pathlib import Path

import pytest

EVENTS = Path(__file__).parent / "events.log"


def _log(line: str) -> None:
    with EVENTS.open("a") as events:
        events.write(line + "\n")


def pytest_runtest_logreport(report):
    name = report.nodeid.split("::")[-1]
    xfail = " xfail" if hasattr(report, "wasxfail") else ""
    _log(f"{report.when} {name} {report.outcome}{xfail}")


class FailureWatcher:
    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_logreport(self, report):
        yield
        if report.when == "call" and report.failed:
            _log(f"wrapper saw {report.nodeid.split('::')[-1]} fail")


def pytest_configure(config):
    config.pluginmanager.register(FailureWatcher(), "failure-watcher")


@pytest.fixture
def broken():
    raise RuntimeError("set-up fails")


@pytest.fixture
def broken_teardown():
    yield
    raise RuntimeError("teardown fails")
