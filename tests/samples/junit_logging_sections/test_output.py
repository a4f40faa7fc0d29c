"""Captured output in JUnit under junit_logging: which report writes it, under which headings."""

import logging
import sys

import pytest

log = logging.getLogger("sample")


@pytest.fixture
def noisy():
    print("setup out")
    log.warning("setup log")
    yield
    print("teardown out")
    sys.stderr.write("teardown err\n")


@pytest.fixture
def broken_teardown():
    yield
    print("before teardown error")
    raise RuntimeError("teardown")


@pytest.fixture
def broken_setup():
    print("before setup error")
    raise RuntimeError("setup")


def test_pass(noisy):
    print("call out")


def test_silent():
    pass


def test_fail(noisy):
    print("call out")
    log.error("call log")
    assert 0


def test_skip_in_call(noisy):
    print("call out")
    pytest.skip("now")


@pytest.mark.skip(reason="marked")
def test_skip_mark():
    pass


@pytest.mark.xfail(reason="expected")
def test_xfail(noisy):
    print("call out")
    assert 0


@pytest.mark.xfail(strict=True)
def test_xpass_strict():
    print("xpass out")


def test_teardown_error_after_pass(broken_teardown):
    print("call out")


def test_teardown_error_after_fail(broken_teardown):
    print("call out")
    assert 0


def test_setup_error(broken_setup):
    pass


async def test_async(noisy):
    print("async out")
