"""A failed test's frames hold a resource whose ``__del__`` raises, in a reference cycle: only the
garbage collector frees it, here in the next test, where pytest makes the unraisable exception (an error
under ``filterwarnings = error``) that test's failure.

pytest-rerunfailures, where it is installed, keeps every failed phase's exception on its item for the
rest of the run, except for a test it has a rerun count for, even 0 (its own runtest protocol clears
them after each attempt): the resources of the unmarked failures are never freed, and the tests after
them pass. Without the plugin (``-p no:rerunfailures``) every test collecting garbage fails.
"""

import gc
import unittest

import pytest


class Resource:
    def __init__(self) -> None:
        self.cycle = self  # only the garbage collector frees it

    def __del__(self) -> None:
        raise RuntimeError("released after its test ended")


def test_a_fails_holding_a_resource():
    resource = Resource()
    assert resource is None


def test_b_collects_garbage():
    gc.collect()


class TestCase(unittest.TestCase):
    def test_c_fails_holding_a_resource(self):
        resource = Resource()
        self.assertIsNone(resource)

    def test_d_collects_garbage(self):
        gc.collect()


@pytest.mark.flaky(reruns=0)
def test_e_claimed_fails_holding_a_resource():
    resource = Resource()
    assert resource is None


def test_f_collects_garbage():
    gc.collect()
