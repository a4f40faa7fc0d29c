"""Appends one line per event to events.log next to this file; the e2e test reads it after the run."""

from pathlib import Path

EVENTS = Path(__file__).parent / "events.log"


def record(event):
    with EVENTS.open("a") as log:
        log.write(event + "\n")
