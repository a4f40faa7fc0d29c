import unittest


class TestSetUpClassSkips(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        raise unittest.SkipTest("setUpClass skips")

    def test_one(self):
        pass

    def test_two(self):
        pass


class TestTearDownSkips(unittest.TestCase):
    def tearDown(self):
        raise unittest.SkipTest("tearDown skips")

    def test_passes(self):
        pass
