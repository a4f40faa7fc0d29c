"""What goes inside each <testcase> of the JUnit XML (pytest's default junit_logging = no)."""

import logging
import sys

import pytest


@pytest.fixture
def teardown_fails():
    yield
    print("printed during teardown")
    raise RuntimeError("teardown exploded")


def test_passing_test_that_prints():
    print("printed by a passing test")


def test_failing_test_that_prints_and_logs():
    print("to stdout")
    print("to stderr", file=sys.stderr)
    logging.getLogger("sample").warning("a log record")
    assert False


def test_teardown_error_after_print(teardown_fails):
    print("printed during the call")


def test_skip_after_print():
    print("printed before skipping")
    pytest.skip("skipped at run time")


@pytest.mark.xfail(reason="expected")
def test_xfail_after_print():
    print("printed before failing")
    assert False


@pytest.mark.xfail(strict=True, reason="must fail")
def test_strict_xpass():
    pass


def test_record_property(record_property):
    record_property("ticket", "ABC-1")


@pytest.mark.asyncio
async def test_async_failure_that_prints():
    print("printed by a coroutine")
    assert 1 == 2
