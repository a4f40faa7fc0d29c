"""nose-style module set-up that skips every test of the module with unittest.SkipTest."""

import unittest


def setup_module():
    raise unittest.SkipTest("setup_module skips the module's tests")


def test_first():
    pass


def test_second():
    pass
