"""``self.skipTest()`` inside a unittest ``subTest``: that subtest is skipped, the test goes on."""

import unittest


class SkipsInSubtests(unittest.TestCase):
    def test_one_subtest_skips_the_next_passes(self):
        with self.subTest("skips"):
            self.skipTest("not on this platform")
        with self.subTest("passes"):
            self.assertEqual(1, 1)

    def test_every_subtest_skips(self):
        for i in range(2):
            with self.subTest(i=i):
                self.skipTest(f"case {i} skipped")

    def test_fails_after_a_skipped_subtest(self):
        with self.subTest("skips"):
            self.skipTest("skipped first")
        self.assertEqual(1, 2)

    def test_skips_outside_its_subtests(self):
        with self.subTest("passes"):
            pass
        self.skipTest("the test itself")


class AsyncSkipsInSubtests(unittest.IsolatedAsyncioTestCase):
    async def test_async_subtest_skips(self):
        for i in range(2):
            with self.subTest(i=i):
                if i == 0:
                    self.skipTest("first one")
