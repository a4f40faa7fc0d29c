"""pytest asks for the report header only when its terminal writes one: not under -q (nor with
-p no:terminal). A hook with side effects (a slow probe, a file written) shows the difference."""

from pathlib import Path

EVENTS = Path(__file__).parent / "events.log"


def pytest_report_header(config):
    with EVENTS.open("a") as events:
        events.write("header\n")
    return "probed: yes"
