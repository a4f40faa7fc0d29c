"""Package-scoped fixtures: the package is pkg_a (it has an __init__.py)."""

import pytest
import pytest_asyncio
from eventlog import record


@pytest.fixture(scope="package")
def package_sync():
    record("setup package_sync")


@pytest.fixture(scope="package")
def package_gen():
    record("setup package_gen")
    yield
    record("teardown package_gen")


@pytest_asyncio.fixture(scope="package", loop_scope="package")
async def package_async():
    record("setup package_async")


@pytest_asyncio.fixture(scope="package", loop_scope="package")
async def package_agen():
    record("setup package_agen")
    yield
    record("teardown package_agen")
