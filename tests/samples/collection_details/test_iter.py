import itertools

import pytest


@pytest.mark.parametrize("x", itertools.chain([1], [2]))
def test_chain(x):
    assert x in (1, 2)


@pytest.mark.parametrize("x", (i for i in range(2)))
def test_generator(x):
    assert x in (0, 1)


@pytest.mark.parametrize("x", range(2))
def test_range(x):
    assert x in (0, 1)


@pytest.mark.parametrize("x", {1, 2})
def test_set(x):
    assert x in (1, 2)


@pytest.mark.parametrize("x", {"a": 1}.keys())
def test_keys(x):
    assert x == "a"
