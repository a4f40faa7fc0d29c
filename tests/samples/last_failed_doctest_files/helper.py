def triple(x):
    """
    >>> triple(2)
    6
    """
    return 3 * x
