"""How many times each named thing ran in this process: the tests fail until their nth attempt."""

COUNTS: dict[str, int] = {}


def attempt(name: str) -> int:
    COUNTS[name] = COUNTS.get(name, 0) + 1
    return COUNTS[name]
