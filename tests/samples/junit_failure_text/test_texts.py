"""Failures and errors whose JUnit text pytest strips: the blank line a long frame opens with, and
the indent of the listing's first line when the frame has no arguments."""

import pytest


@pytest.fixture
def value():
    return 1


@pytest.fixture
def broken_setup():
    raise RuntimeError("setup")


@pytest.fixture
def broken_teardown():
    yield
    raise RuntimeError("teardown")


def test_without_arguments():
    assert 1 == 2


def test_with_an_argument(value):
    assert value == 2


async def test_async(value):
    assert value == 3


def test_setup_error(broken_setup):
    pass


def test_teardown_error(broken_teardown):
    pass


def test_fail_without_traceback():
    pytest.fail("plain message", pytrace=False)


class TestMethod:
    def test_in_class(self):
        assert [1] == [2]


@pytest.mark.xfail(strict=True)
def test_strict_xpass_without_a_reason():
    pass
