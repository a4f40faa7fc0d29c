"""``unittest.TestCase`` classes with and without pytest's unittest plugin.

Under ``-p no:unittest`` pytest collects a TestCase as any other class: ``TestCase`` defines
``__init__``, so one named ``Test*`` is not collected and gets a ``PytestCollectionWarning``, and one
named otherwise is not looked at; plain classes and functions are collected as ever.
"""

import unittest


class TestWithUnittest(unittest.TestCase):
    def test_passes(self):
        self.assertEqual(1 + 1, 2)

    def test_fails(self):
        self.assertEqual(1 + 1, 3)


class CaseNamedOtherwise(unittest.TestCase):
    def test_collected_by_unittest_only(self):
        pass


class TestPlainClass:
    def test_method(self):
        pass


def test_function():
    pass
