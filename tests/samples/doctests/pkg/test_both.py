def helper():
    """A test module's doctests come before its tests.

    >>> helper()
    3
    """
    return 3


def test_helper():
    assert helper() == 3
