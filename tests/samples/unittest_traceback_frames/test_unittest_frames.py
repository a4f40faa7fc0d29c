"""Which frames a failure's listing shows, and in which style, around unittest's own code."""

import unittest

from marked_asserts import assert_equal


class TestCaseHelpers(unittest.TestCase):
    def check(self, value):
        self.assertEqual(value, 2)

    def test_assert_in_helper(self):
        self.check(1)

    def test_assert_direct(self):
        self.assertEqual(1, 2)


class TestAsyncCaseHelpers(unittest.IsolatedAsyncioTestCase):
    def check(self, value):
        self.assertIn(value, (2, 3))

    async def test_assert_in_helper(self):
        self.check(1)


class TestFailingSetUp(unittest.TestCase):
    def setUp(self):
        self.assertTrue(False)

    def test_never_runs(self):
        pass


class TestMarkedModule(unittest.TestCase):
    def test_marked_assert_in_helper(self):
        helper(1)


def helper(value):
    assert_equal(value, 2)


def test_plain_function_calling_marked_assert():
    helper(1)


def test_plain_function_passes():
    assert_equal(2, 2)
