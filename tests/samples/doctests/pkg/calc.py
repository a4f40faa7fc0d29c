"""Module docstring.

>>> add(2, 3)
5
"""

import functools


def add(a, b):
    """Two examples; the second fails.

    >>> add(1, 1)
    2
    >>> add(1, 2)
    4
    """
    return a + b


def two_failures():
    """Stops at the first failure, or reports both with --doctest-continue-on-failure.

    >>> 1 + 1
    3
    >>> print("a")
    b
    """


def raises():
    """
    >>> raises()
    Traceback (most recent call last):
    ...
    ValueError: nope
    >>> raise KeyError("x")
    """
    raise ValueError("nope")


def all_skipped():
    """
    >>> all_skipped()  # doctest: +SKIP
    1
    """


def skips_itself():
    """
    >>> import pytest
    >>> pytest.skip("skipped from an example")
    """


def uses_fixtures():
    """getfixture, and what an autouse fixture put in doctest_namespace.

    >>> getfixture("tmp_path").is_dir()
    True
    >>> answer
    42
    """


def pytest_flags():
    """
    >>> list(range(20))
    [0, 1, ..., 19]
    >>> 0.1 + 0.2  # doctest: +NUMBER
    0.3
    >>> 'text'  # doctest: +ALLOW_UNICODE
    u'text'
    >>> b'data'  # doctest: +ALLOW_BYTES
    'data'
    """


def long_output():
    """A udiff for outputs over several lines.

    >>> print("one\\ntwo\\nthree\\nfour")
    one
    two
    3
    four
    """


class Thing:
    """
    >>> Thing().x
    1
    """

    x = 1

    def method(self):
        """
        >>> Thing().method()
        'm'
        """
        return "m"

    @property
    def prop(self):
        """
        >>> Thing().prop
        'p'
        """
        return "p"

    @functools.cached_property
    def cached(self):
        """
        >>> Thing().cached
        'c'
        """
        return "c"


def test_not_collected():
    """Not a test module: its test functions are not collected, its docstrings are."""
    raise AssertionError
