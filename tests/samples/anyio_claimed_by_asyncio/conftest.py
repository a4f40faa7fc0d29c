import asyncio

import pytest

ANYIO_TASK = "TestRunner._run_tests_and_fixtures"  # the task anyio's test runner runs everything in


def current_task_name():
    return asyncio.current_task().get_coro().__qualname__


@pytest.fixture(scope="module")
def anyio_backend():
    # One backend whatever is installed: anyio's own fixture adds [trio] where trio is.
    return "asyncio"


@pytest.fixture
async def fixture_task():
    # The test uses anyio_backend, so anyio's plugin runs this fixture on its own runner.
    return current_task_name()
