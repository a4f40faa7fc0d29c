"""Writes the ``name = value`` lines of each failed test's report to events.log: the locals ``-l``
lists for a frame that set ``__tracebackhide__`` to a false value, and so stays in the traceback."""

import re
from pathlib import Path

EVENTS = Path(__file__).parent / "events.log"
VALUE_LINE = re.compile(r"^\w+ *= ")


def pytest_runtest_logreport(report):
    if report.when != "call" or not report.failed:
        return
    with EVENTS.open("a") as events:
        events.write(f"{report.nodeid.split('::')[-1]}\n")
        for line in report.longreprtext.splitlines():
            if VALUE_LINE.match(line):
                events.write(line + "\n")
