"""Appends one line per observation of PYTEST_CURRENT_TEST to events.log, in the working directory."""

import os


def record(where: str) -> None:
    value = os.environ.get("PYTEST_CURRENT_TEST", "<unset>")
    with open("events.log", "a", encoding="utf-8") as handle:
        handle.write(f"{where}: {value}\n")
