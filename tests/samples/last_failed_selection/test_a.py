import pytest


def test_a1():
    assert False


def test_a2():
    pass


@pytest.mark.slow
def test_a3():
    assert False
