import pytest


def helper():
    raise KeyError("deep")


def test_assert_with_message():
    x = 1
    assert x == 2, "x is one"


def test_raised_in_a_helper():
    helper()


def test_pytest_fail():
    pytest.fail("explicit")


def test_teardown(teardown_fails):
    pass


@pytest.fixture
def setup_fails():
    raise RuntimeError("in set-up")


def test_setup(setup_fails):
    pass


def test_compared_strings():
    assert "a" in "bcd"


@pytest.mark.asyncio
async def test_async():
    raise LookupError("async")


def test_passes():
    pass
