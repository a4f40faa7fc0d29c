"""--tb=line's closing line: where the exception was raised, unittest's own frames included."""

import unittest


def helper_raises():
    raise ValueError("from a helper")


def test_plain_function_fails():
    helper_raises()


class Assertions(unittest.TestCase):
    def test_assert_equal(self):
        self.assertEqual(1, 2)

    def test_fail(self):
        self.fail("failed on purpose")

    def test_plain_assert(self):
        assert 1 == 2

    def test_helper_raises(self):
        helper_raises()
