"""unittest.SkipTest from a module's pytest_generate_tests hook: the module is skipped while its
tests are being made."""

import unittest


def pytest_generate_tests(metafunc):
    if "backend" in metafunc.fixturenames:
        raise unittest.SkipTest("no backend to parametrize with")


def test_with_backend(backend):
    pass


def test_without_backend():
    pass
