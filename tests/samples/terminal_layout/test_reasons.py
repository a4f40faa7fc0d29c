import pytest


@pytest.fixture
def broken_teardown():
    yield
    raise RuntimeError("teardown broke")


@pytest.mark.skip(reason="a reason long enough to be cut at the edge of the terminal line")
def test_skipped_with_a_long_reason():
    pass


@pytest.mark.xfail(reason="known bug")
def test_xfailed():
    assert False


@pytest.mark.xfail(reason="fixed already")
def test_xpassed():
    pass


def test_passes_then_teardown_fails(broken_teardown):
    print("printed by a passing test")


def test_needs_a_missing_fixture(no_such_fixture):
    pass


def test_prints_and_passes():
    print("hello from a passing test")
