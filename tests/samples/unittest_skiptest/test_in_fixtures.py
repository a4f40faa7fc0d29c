"""unittest.SkipTest raised while setting up a fixture, sync or async, at any scope."""

import unittest

import pytest
import pytest_asyncio


@pytest.fixture
def sync_fixture():
    raise unittest.SkipTest("sync fixture skips")


@pytest.fixture
async def async_fixture():
    raise unittest.SkipTest("async fixture skips")


@pytest.fixture
async def async_gen_fixture():
    raise unittest.SkipTest("async generator fixture skips")
    yield


@pytest.fixture(scope="module")
def module_fixture():
    raise unittest.SkipTest("module fixture skips")


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def async_module_fixture():
    raise unittest.SkipTest("async module fixture skips")


@pytest.fixture(scope="session")
def session_fixture():
    raise unittest.SkipTest("session fixture skips")


def test_sync_fixture(sync_fixture):
    pass


def test_async_fixture(async_fixture):
    pass


async def test_async_gen_fixture(async_gen_fixture):
    pass


def test_module_fixture_first(module_fixture):
    pass


def test_module_fixture_second(module_fixture):
    pass


@pytest.mark.asyncio(loop_scope="module")
async def test_async_module_fixture_first(async_module_fixture):
    pass


@pytest.mark.asyncio(loop_scope="module")
async def test_async_module_fixture_second(async_module_fixture):
    pass


def test_session_fixture(session_fixture):
    pass


@pytest.fixture(scope="class")
def class_fixture():
    raise unittest.SkipTest("class fixture skips")


@pytest.mark.usefixtures("class_fixture")
class TestClassFixture:
    def test_one(self):
        pass

    def test_two(self):
        pass


def test_after_the_skips():
    pass
