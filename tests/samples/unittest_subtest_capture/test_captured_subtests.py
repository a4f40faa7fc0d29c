"""unittest ``subTest`` reports: pytest's terminal writes them into the test's captured stdout."""

import sys
import unittest


class SubtestOutput(unittest.TestCase):
    def test_prints_around_its_subtests(self):
        print("before")
        for i in range(2):
            with self.subTest(i=i):
                print(f"inside {i}")
        print("after", file=sys.stderr)

    def test_prints_nothing(self):
        for i in range(3):
            with self.subTest(i=i):
                self.assertTrue(True)

    def test_writes_stderr_only(self):
        with self.subTest("only"):
            print("to stderr", file=sys.stderr)

    def test_fails_after_its_subtests(self):
        for i in range(2):
            with self.subTest(i=i):
                pass
        self.fail("the test itself")

    def test_one_subtest_fails(self):
        for n in range(3):
            with self.subTest(n=n):
                self.assertNotEqual(n, 1)

    def test_one_subtest_skips(self):
        with self.subTest("skips"):
            self.skipTest("not here")


class AsyncSubtestOutput(unittest.IsolatedAsyncioTestCase):
    async def test_async_subtests(self):
        for i in range(2):
            with self.subTest(i=i):
                print(f"async {i}")

    async def test_without_subtests(self):
        print("no subtests")
