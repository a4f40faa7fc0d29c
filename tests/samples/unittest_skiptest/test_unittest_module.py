"""A unittest module whose setUpModule raises SkipTest, and a TestCase whose setUpClass does."""

import unittest


def setUpModule():
    raise unittest.SkipTest("setUpModule skips")


class TestCase(unittest.TestCase):
    def test_one(self):
        pass
