"""A generator function named like a test makes its whole module a collection error in pytest 9."""


def test_generator_function_is_rejected():
    yield 1


def test_neighbour_is_not_collected_either():
    pass
