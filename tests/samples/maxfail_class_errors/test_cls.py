import pytest


class TestA:
    @pytest.mark.parametrize("x", [1, 2], ids=["a"])
    def test_a(self, x):
        pass


def test_between():
    pass


class TestB:
    @pytest.mark.parametrize("x", [1, 2], ids=["b"])
    def test_b(self, x):
        pass


class TestC:
    def test_c(self):
        pass
