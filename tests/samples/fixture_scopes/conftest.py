"""Fixtures of every scope and kind; each records its setup and teardown in events.log."""

import pytest
import pytest_asyncio
from eventlog import record


@pytest.fixture(scope="session")
def session_sync():
    record("setup session_sync")


@pytest.fixture(scope="session")
def session_gen():
    record("setup session_gen")
    yield
    record("teardown session_gen")


@pytest_asyncio.fixture(scope="session", loop_scope="session")
async def session_async():
    record("setup session_async")


@pytest_asyncio.fixture(scope="session", loop_scope="session")
async def session_agen():
    record("setup session_agen")
    yield
    record("teardown session_agen")


@pytest.fixture(scope="module")
def module_sync():
    record("setup module_sync")


@pytest.fixture(scope="module")
def module_gen():
    record("setup module_gen")
    yield
    record("teardown module_gen")


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def module_async():
    record("setup module_async")


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def module_agen():
    record("setup module_agen")
    yield
    record("teardown module_agen")


@pytest.fixture(scope="class")
def class_sync():
    record("setup class_sync")


@pytest.fixture(scope="class")
def class_gen():
    record("setup class_gen")
    yield
    record("teardown class_gen")


@pytest_asyncio.fixture(scope="class", loop_scope="class")
async def class_async():
    record("setup class_async")


@pytest_asyncio.fixture(scope="class", loop_scope="class")
async def class_agen():
    record("setup class_agen")
    yield
    record("teardown class_agen")


@pytest.fixture
def function_sync():
    record("setup function_sync")


@pytest.fixture
def function_gen():
    record("setup function_gen")
    yield
    record("teardown function_gen")


@pytest_asyncio.fixture
async def function_async():
    record("setup function_async")


@pytest_asyncio.fixture
async def function_agen():
    record("setup function_agen")
    yield
    record("teardown function_agen")


@pytest.fixture(scope="package")
def root_package_gen():
    # Declared outside any package: pytest gives it the session's lifetime.
    record("setup root_package_gen")
    yield
    record("teardown root_package_gen")
