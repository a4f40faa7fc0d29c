from pathlib import Path

EVENTS = Path(__file__).parent / "events.log"


def test_writes_its_event() -> None:
    with EVENTS.open("a") as events:
        events.write("test\n")
