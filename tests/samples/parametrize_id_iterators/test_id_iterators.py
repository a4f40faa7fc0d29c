"""ids given as an iterator: read for as many parameter sets as there are, never to its end."""

import itertools

import pytest


# An endless iterator: it must not be drained.
@pytest.mark.parametrize("value", [1, 2, 3], ids=itertools.count())
def test_counted(value):
    assert value in (1, 2, 3)


@pytest.mark.parametrize("value", ["a", "b"], ids=itertools.count(10))
async def test_counted_async(value):
    assert value in ("a", "b")


# More ids than sets: the rest is left unread, not an error.
@pytest.mark.parametrize("value", [1, 2], ids=(f"long{i}" for i in range(5)))
def test_longer_generator(value):
    assert value


# Fewer ids than sets: the missing ones are generated from the values.
@pytest.mark.parametrize("value", [1, 2, 3], ids=(f"short{i}" for i in range(2)))
def test_shorter_generator(value):
    assert value != 2


# None from the iterator: that id is generated too.
@pytest.mark.parametrize("value", [7, 8], ids=iter([None, "named"]))
def test_none_from_iterator(value):
    assert value
