"""pytest.exit() (what a debugger's quit raises) inside an anyio task group ends the run, though the
task group wraps it in an exception group."""

import pytest
from anyio import create_task_group


@pytest.mark.anyio
async def test_exit_in_a_task_group():
    async with create_task_group():
        pytest.exit("quitting")


@pytest.mark.anyio
async def test_never_reached():
    pass
