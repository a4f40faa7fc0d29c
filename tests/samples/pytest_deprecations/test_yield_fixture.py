"""``pytest.yield_fixture`` warns where it is used: the module does not import under filterwarnings = error."""

import pytest


@pytest.yield_fixture
def value():
    yield 1


def test_never_collected(value):
    pass
