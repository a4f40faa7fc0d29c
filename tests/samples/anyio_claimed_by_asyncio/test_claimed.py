"""In auto mode pytest-asyncio takes every async test, anyio-marked ones too: the test runs on
pytest-asyncio's loop, while its async fixtures still run on anyio's runner."""

import pytest
from conftest import ANYIO_TASK, current_task_name


@pytest.mark.anyio
async def test_anyio_marked_runs_on_pytest_asyncio(fixture_task):
    assert fixture_task == ANYIO_TASK
    assert current_task_name() != ANYIO_TASK


async def test_unmarked_with_the_backend_too(anyio_backend, fixture_task):
    assert fixture_task == ANYIO_TASK
    assert current_task_name() != ANYIO_TASK


@pytest.mark.anyio
async def test_fails_as_it_is_not_on_anyios_runner(fixture_task):
    assert current_task_name() == ANYIO_TASK


def test_sync_test_is_untouched(anyio_backend):
    assert anyio_backend == "asyncio"
