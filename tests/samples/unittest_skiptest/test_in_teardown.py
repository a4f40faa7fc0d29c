"""unittest.SkipTest raised while tearing a fixture down: the test keeps its own outcome and its
teardown reports a skip as well."""

import unittest

import pytest


@pytest.fixture
def skips_in_teardown():
    yield
    raise unittest.SkipTest("sync teardown skips")


@pytest.fixture
async def async_skips_in_teardown():
    yield
    raise unittest.SkipTest("async teardown skips")


@pytest.fixture(scope="module")
def module_skips_in_teardown():
    yield
    raise unittest.SkipTest("module teardown skips")


def test_passes_then_teardown_skips(skips_in_teardown):
    pass


async def test_async_passes_then_teardown_skips(async_skips_in_teardown):
    pass


def test_fails_then_teardown_skips(skips_in_teardown):
    assert False


def test_pytest_skip_in_teardown_for_comparison(request):
    request.addfinalizer(lambda: pytest.skip("pytest.skip in a finalizer"))


def test_uses_module_fixture(module_skips_in_teardown):
    pass


def test_last_in_module(module_skips_in_teardown):
    pass
