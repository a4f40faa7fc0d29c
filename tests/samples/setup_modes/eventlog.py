"""Appends one line per fixture set-up or teardown to events.log, in the working directory."""


def record(line: str) -> None:
    with open("events.log", "a", encoding="utf-8") as handle:
        handle.write(line + "\n")
