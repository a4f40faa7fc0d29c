"""The same goes for a fixture's params."""

import pytest


@pytest.fixture(params=["a", "a"])
def letter(request):
    return request.param


def test_letter(letter):
    pass
