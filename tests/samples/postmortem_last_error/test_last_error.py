import sys

import pytest


@pytest.fixture
def last_error():
    return getattr(sys, "last_value", None)


def test_fails():
    assert 1 == 2


def test_setup_still_sees_the_failure(last_error):
    assert isinstance(last_error, AssertionError)
    # Dropped as this test's call starts.
    assert not hasattr(sys, "last_traceback")


def test_call_start_forgets_it():
    assert not hasattr(sys, "last_value")


def test_skips():
    pytest.skip("a skip is not kept")


def test_after_a_skip(last_error):
    assert last_error is None


@pytest.mark.asyncio
async def test_async_fails():
    raise ValueError("async")


def test_after_the_async_failure(last_error):
    assert isinstance(last_error, ValueError)
