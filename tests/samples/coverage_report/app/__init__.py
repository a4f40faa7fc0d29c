"""The code under test: the conftest imports it, so its module-level lines run before any test."""

LIMIT = 10


def clamp(value):
    if value > LIMIT:
        return LIMIT
    if value < 0:
        return 0  # no test reaches this line
    return value


async def fetch(value):
    return clamp(value) * 2


def never_called():
    return "missed"
