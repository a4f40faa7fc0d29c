"""An assert's bare names hold no extra reference while it runs (as under pytest's rewrite), and a
failing assert still shows their values: locals, globals, builtins, short-circuited operands."""

import sys

LIMIT = [1, 2]


def test_refcount_of_a_local():
    data = [1, 2, 3]
    assert sys.getrefcount(data) == 2


async def test_refcount_in_an_async_test():
    data = object()
    assert sys.getrefcount(data) <= 2


def test_local_shown_by_value():
    data = [1, 2, 3]
    assert len(data) == len(LIMIT)


def test_short_circuited_name_not_shown():
    empty, full = [], [1]
    assert empty and full


def test_builtin_shown_by_name():
    assert isinstance(LIMIT, dict)
