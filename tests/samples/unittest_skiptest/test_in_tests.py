"""unittest.SkipTest (and subclasses) raised by plain test functions and methods: each is a skip."""

import unittest

import pytest


class SkipThis(unittest.SkipTest):
    """A library's own skip exception built on unittest's (as nose's was)."""


def test_sync_raises_skiptest():
    raise unittest.SkipTest("not on this platform")


async def test_async_raises_skiptest():
    raise unittest.SkipTest("no server")


def test_subclass_of_skiptest():
    raise SkipThis("a subclass skips too")


def _require_backend():
    raise unittest.SkipTest("raised in a helper")


def test_raised_in_a_helper():
    _require_backend()


class TestMethods:
    def test_method_raises_skiptest(self):
        raise unittest.SkipTest("from a method")

    async def test_async_method_raises_skiptest(self):
        raise unittest.SkipTest("from an async method")


@pytest.mark.xfail(reason="a skip wins over xfail")
def test_skiptest_under_xfail():
    raise unittest.SkipTest("skipped, not xfailed")


def test_skiptest_caught_by_the_test():
    # SkipTest is an Exception: a test may catch it like any other.
    try:
        raise unittest.SkipTest("caught")
    except Exception:
        pass


def test_skiptest_without_a_reason():
    raise unittest.SkipTest


def test_skiptest_in_a_subtest(subtests):
    with subtests.test("skipped part"):
        raise unittest.SkipTest("one subtest skips")
    with subtests.test("passing part"):
        pass


@pytest.mark.needs_service
def test_skipped_by_a_hook():
    pass


def test_passes():
    pass
