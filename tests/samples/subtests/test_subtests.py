"""pytest 9's subtests: the ``subtests`` fixture and unittest's ``subTest``, each failing subtest counted
on its own; a test with a failed ``subtests`` block fails too, a unittest test with a failed subTest
passes (its subtests carry the failures)."""

import unittest

import pytest


def test_one_of_three_fails(subtests):
    for i in range(3):
        with subtests.test(msg="check", i=i):
            assert i < 2


def test_all_pass(subtests):
    for i in range(2):
        with subtests.test(i=i):
            assert i < 5


async def test_async_with_a_failing_and_a_skipped_subtest(subtests):
    with subtests.test("a"):
        assert False
    with subtests.test("b"):
        pytest.skip("skipped subtest")


def test_the_test_fails_after_its_subtests_pass(subtests):
    with subtests.test():
        pass
    assert False, "the test's own failure"


def test_errors_are_caught_too(subtests):
    with subtests.test("raises"):
        raise KeyError("k")
    with subtests.test("fails"):
        pytest.fail("explicit")


def test_skipped_subtest_only(subtests):
    with subtests.test():
        pytest.skip("nothing to do")


class TestCaseWithSubTests(unittest.TestCase):
    def test_two_fail(self):
        for i in range(4):
            with self.subTest(i=i):
                self.assertLess(i, 2)

    def test_all_subtests_pass(self):
        for i in range(2):
            with self.subTest(msg="fine", i=i):
                self.assertGreaterEqual(i, 0)
