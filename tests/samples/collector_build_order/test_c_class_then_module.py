"""A class that cannot be built fails alone: the module-level tests around it still run, in the order
they are defined."""

import pytest


def test_before():
    pass


class TestBroken:
    @pytest.mark.parametrize("x", [1], ids=["a", "b"])
    def test_bad(self, x):
        pass


@pytest.mark.parametrize("z", [1, 2])
def test_after(z):
    pass
