"""Writes the ``name = value`` lines of each failure's report to events.log: how ``-l`` shows a frame's
locals and how every long frame shows its arguments, at the verbosity the run was given."""

import re
from pathlib import Path

EVENTS = Path(__file__).parent / "events.log"

# "scope      = {...}" (a local), "items = [...]" (an argument), or a pretty-printed value's next line.
VALUE_LINE = re.compile(r"^ *(\w+ *= |[ '\]}])")
# A run of one character, written "y*250" so that a long value keeps one short line here, its cut included.
RUN = re.compile(r"(.)\1{9,}")


def pytest_runtest_logreport(report):
    if report.when != "call" or not report.failed:
        return
    with EVENTS.open("a") as events:
        events.write(f"{report.nodeid.split('::')[-1]}\n")
        for line in report.longreprtext.splitlines():
            if VALUE_LINE.match(line) and not line.startswith("    "):
                events.write(RUN.sub(lambda run: f"{run[1]}*{len(run[0])}", line) + "\n")
