"""Exception chains that loop back on themselves, and causes that were never raised."""

import pytest


def load(name):
    # What some libraries do to re-raise: the exception becomes its own cause.
    try:
        raise ModuleNotFoundError(f"No module named {name!r}")
    except ModuleNotFoundError as exc:
        raise exc from exc


def test_cause_is_itself():
    load("first")


@pytest.mark.asyncio
async def test_async_cause_is_itself():
    load("second")


def test_two_causes_in_a_loop():
    first = ValueError("first")
    second = RuntimeError("second")
    first.__cause__ = second
    second.__cause__ = first
    raise first


def test_cause_never_raised():
    raise RuntimeError("wrapped") from ValueError("never raised\nover two lines")


@pytest.fixture
def looping():
    error = KeyError("looping")
    error.__cause__ = error
    raise error


def test_fixture_raising_a_loop(looping):
    pass


def test_passes():
    pass
