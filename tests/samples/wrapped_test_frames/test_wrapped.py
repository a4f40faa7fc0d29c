import pytest

from wrappers import passing_through, passing_through_async, rewrapping_errors, without_wraps


def failing_helper():
    raise ValueError("from the test's file")


@passing_through
def test_wrapped_sync():
    x = 1
    assert x == 2


@pytest.mark.asyncio
@passing_through_async
async def test_wrapped_async():
    value = "a"
    assert value == "b"


@rewrapping_errors
def test_error_rewrapped():
    {}["missing"]


@without_wraps
def test_wrapped_without_wraps():
    assert 1 == 3


@passing_through
def test_fixture_error_reaches_the_test_file(broken):
    pass


class TestInClass:
    @passing_through
    def test_method(self):
        assert [1] == [2]
