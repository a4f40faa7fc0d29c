"""Module attributes named like tests that are not plain functions: pytest collects what unwraps to a
function (functools.wraps, functools.partial) and warns about other callables."""

import functools

import pytest


def _check(tmp_path, value):
    assert value == 2 and tmp_path.exists()


# A partial is a test; its bound arguments are not fixtures, the rest are.
test_partial = functools.partial(_check, value=2)
test_partial_failing = functools.partial(_check, value=3)


async def _async_check(value):
    assert value == 1


# A partial of a coroutine function is an async test (unmarked: it fails in strict mode).
test_partial_of_a_coroutine_function = functools.partial(_async_check, 1)


def _logged(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)

    return wrapper


@_logged
def test_decorated(tmp_path):
    assert tmp_path.exists()


class Callable:
    def __call__(self):
        raise AssertionError("never collected")


# Not collected, with a "cannot collect ... because it is not a function" warning each.
test_callable_instance = Callable()
test_partial_of_a_builtin = functools.partial(print, "never collected")


class TestInAClass:
    test_static_partial = staticmethod(functools.partial(_check, value=2))

    @pytest.mark.parametrize("value", [2])
    def test_plain(self, value):
        assert value == 2
