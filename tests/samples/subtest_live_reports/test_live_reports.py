"""Under -s (and --setup-show) pytest writes each subtest's report as its block ends."""

import unittest


def test_fixture_blocks(subtests):
    print("start")
    for i in range(3):
        with subtests.test(i=i):
            print(f"in {i}")
            assert i != 1
    print("end")


def test_no_blocks():
    print("plain")


class Cases(unittest.TestCase):
    def test_unittest_subtests(self):
        print("start")
        for i in range(2):
            with self.subTest(i=i):
                print(f"in {i}")
        print("end")
