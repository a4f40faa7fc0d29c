"""Autouse, dependencies and parametrized higher-scoped fixtures; events.log shows what ran when."""

import pytest
from eventlog import record


@pytest.fixture(autouse=True)
def conftest_autouse():
    record("setup conftest_autouse")
    yield
    record("teardown conftest_autouse")


@pytest.fixture(scope="session", params=["x", "y"])
def backend(request):
    # Session-scoped and parametrized: pytest groups the tests of every module by backend.
    record(f"setup backend[{request.param}]")
    yield request.param
    record(f"teardown backend[{request.param}]")
