"""pytest_collection_finish sees the session's items once -k, -m and --deselect have deselected
(pytest does that in its own pytest_collection_modifyitems): syrupy compares them with the items it
was given in that hook to tell a partial run from a whole one."""

from pathlib import Path

EVENTS = Path(__file__).parent / "events.log"


def pytest_collection_modifyitems(items):
    with EVENTS.open("a") as events:
        events.write(f"modifyitems {' '.join(item.name for item in items)}\n")


def pytest_collection_finish(session):
    with EVENTS.open("a") as events:
        events.write(f"finish {' '.join(item.name for item in session.items)}\n")
