import os

import pytest
import pytest_asyncio

from eventlog import record


@pytest.fixture(scope="module")
def module_resource():
    record("module fixture set-up")
    yield
    record("module fixture teardown")


@pytest_asyncio.fixture
async def async_resource():
    record("async fixture set-up")
    yield
    record("async fixture teardown")


def test_sync(module_resource):
    record("test_sync")
    assert os.environ["PYTEST_CURRENT_TEST"] == "test_current_test.py::test_sync (call)"


@pytest.mark.asyncio
async def test_async(async_resource):
    record("test_async")
    assert os.environ["PYTEST_CURRENT_TEST"] == "test_current_test.py::test_async (call)"


@pytest.mark.parametrize("value", ["a b", "x::y"])
def test_parametrized(value, module_resource):
    record(f"test_parametrized[{value}]")


@pytest.mark.skip(reason="a skip mark")
def test_skipped(module_resource):
    record("test_skipped")


class TestInClass:
    def test_method(self):
        record("test_method")
        assert os.environ["PYTEST_CURRENT_TEST"].endswith("::TestInClass::test_method (call)")
