import pytest


def test_one():
    pass


def test_two():
    pass


@pytest.mark.slow
def test_three():
    pass
