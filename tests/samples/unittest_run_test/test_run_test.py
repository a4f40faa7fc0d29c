"""TestCases collected as pytest's UnitTestCase collects them: a ``runTest`` method is the test of a
class that has no ``test*`` methods (hypothesis's ``RuleBasedStateMachine.TestCase`` is one), whatever
the class is named; a ``test*`` method set ``__test__ = False`` is left out."""

import unittest


class OnlyRunTest(unittest.TestCase):
    def runTest(self):
        self.assertTrue(True)


TestAlias = OnlyRunTest


class TestRunTestFails(unittest.TestCase):
    def runTest(self):
        self.fail("runTest ran and failed")


class TestAsyncRunTest(unittest.IsolatedAsyncioTestCase):
    async def runTest(self):
        self.assertTrue(True)


class TestRunTestBesideTests(unittest.TestCase):
    def runTest(self):
        raise AssertionError("not a test where test methods exist")

    def test_one(self):
        self.assertTrue(True)


class TestHiddenMethod(unittest.TestCase):
    def test_shown(self):
        self.assertTrue(True)

    def test_hidden(self):
        raise AssertionError("set __test__ = False: not collected")

    test_hidden.__test__ = False


class TestEveryMethodHidden(unittest.TestCase):
    def test_hidden(self):
        raise AssertionError("set __test__ = False: not collected")

    test_hidden.__test__ = False

    def runTest(self):
        self.assertTrue(True)
