"""Which names pytest collects as tests."""

import functools

import pytest

test_not_callable = 5


def testnounderscore():
    pass


test_lambda = lambda: None  # noqa: E731


def helper_not_collected():
    raise AssertionError("no test prefix")


class Tests:
    def test_class_named_tests_is_collected(self):
        pass


class NotATestClass:
    def test_method_of_unprefixed_class(self):
        raise AssertionError("class lacks the Test prefix")


def test_default_argument_is_not_a_fixture(value=3):
    assert value == 3


def _decorator(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)

    return wrapper


@pytest.fixture
def wrapped_fixture():
    return "fixture through wraps"


@_decorator
def test_wrapped_function_gets_fixtures_of_wrapped_signature(wrapped_fixture):
    assert wrapped_fixture == "fixture through wraps"
