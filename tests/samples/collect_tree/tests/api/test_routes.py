"""Routes of the API.

Each test is one route."""

import unittest

import pytest


def test_index():
    """The index answers."""


@pytest.mark.parametrize("code", [200, 404])
def test_status(code):
    pass


@pytest.mark.asyncio
async def test_marked_coroutine():
    """Run by pytest-asyncio: a Coroutine item."""


async def test_unmarked_coroutine():
    pass


class TestUsers:
    """Users, with a nested class."""

    def test_list(self):
        pass

    @pytest.mark.asyncio
    async def test_create(self):
        pass

    class TestAdmins:
        def test_promote(self):
            """Two lines of doc:

            the second after a blank one."""


class TestCase(unittest.TestCase):
    def test_b(self):
        pass

    def test_a(self):
        """Sorted by name, as unittest loads them."""


def helper(value):
    """
    >>> helper(2)
    2
    """
    return value
