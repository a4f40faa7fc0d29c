import unittest


def pytest_runtest_setup(item):
    # A suite's own way to skip tests that need something absent, with unittest's exception.
    if item.get_closest_marker("needs_service") is not None:
        raise unittest.SkipTest("the service is not running")
