import pytest


def helper(x, *args, key=None, **kw):
    if x:
        for i in range(1):
            assert x == 2, "nested"


@pytest.fixture
def thing():
    return {"a": 1}


def test_nested(thing):
    y = 5
    helper(1, 2, key=3)


class TestK:
    def test_method(self, thing):
        value = [1, 2, 3]
        assert value == [1, 2]


@pytest.mark.parametrize("n", [1])
def test_deco(n):
    a = 1
    b = 2
    c = 3
    d = 4
    e = 5
    f = 6
    g = 7
    h = 8
    i = 9
    j = 10
    k = 11
    l = 12
    m = 13
    assert n == (
        2
    )


async def test_async_chain():
    try:
        raise KeyError("inner")
    except KeyError:
        raise ValueError("outer")


def test_multiline_msg():
    raise RuntimeError("line one\nline two")
