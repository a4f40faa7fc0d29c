"""events.log records each test's ``item.location`` domain (what its failure section is headed with)."""

from pathlib import Path

EVENTS = Path(__file__).parent / "events.log"


def pytest_collection_modifyitems(items):
    with EVENTS.open("a") as events:
        for item in items:
            events.write(f"{item.location[2]}\n")
