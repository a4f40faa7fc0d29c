"""A parametrize over an iterator, in a file reached through two overlapping paths."""

import itertools

import pytest


@pytest.mark.parametrize(("word", "number"), itertools.product(["a", "b"], [1]))
def test_product(word: str, number: int) -> None:
    assert number == 1


@pytest.mark.parametrize("value", iter([1, 2]))
async def test_async_iterated(value: int) -> None:
    assert value in (1, 2)


def test_plain() -> None:
    pass
