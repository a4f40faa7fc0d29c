"""A failed report's ``longrepr.reprcrash``: where the exception was raised (file, 1-based line) and
its one-line message, as conftests and plugins read it (a CI annotation, a chat notification).
events.log records it for each failed report; str(longrepr) is the rendered failure."""

from pathlib import Path

import pytest

EVENTS = Path(__file__).parent / "events.log"


def pytest_runtest_logreport(report):
    if not report.failed:
        return
    crash = report.longrepr.reprcrash
    rendered = str(report.longrepr) == report.longreprtext
    with EVENTS.open("a") as events:
        events.write(
            f"{report.when} {report.nodeid.split('::')[-1]}: {Path(crash.path).name}:{crash.lineno}"
            f" {crash.message!r} rendered={rendered}\n"
        )


@pytest.fixture
def teardown_fails():
    yield
    raise ValueError("in teardown")
