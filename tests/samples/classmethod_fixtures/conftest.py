"""Class-scoped fixtures written as pytest 9 advises, ``@pytest.fixture`` over ``@classmethod``:
generator and async-generator fixtures run up to their yield, once per class, and are torn down when
the class ends. events.log records the set-ups and teardowns in order."""

from pathlib import Path

EVENTS = Path(__file__).parent / "events.log"


def log(line: str) -> None:
    with EVENTS.open("a") as events:
        events.write(line + "\n")
