"""Collection warnings about one class fail that class's collection only; a returned value fails its test."""


class TestWithInit:
    def __init__(self):
        self.value = 1

    def test_never_collected(self):
        pass


def test_returns_a_value():
    return 5


def test_beside_it():
    pass
