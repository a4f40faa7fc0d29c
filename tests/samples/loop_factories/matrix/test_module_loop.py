"""A module-scoped loop: tests are grouped by factory, with one loop per factory in the module."""

import pytest
from eventlog import record
from loops import running

pytestmark = pytest.mark.asyncio(loop_scope="module")


async def test_first(request, module_async, module_sync):
    record(f"run {request.node.name} on {running()} with module_async from {module_async}")
    assert module_async == running()


def test_sync_between(request, module_sync):
    record(f"run {request.node.name}")


async def test_second(request, module_async):
    record(f"run {request.node.name} on {running()} with module_async from {module_async}")


@pytest.mark.parametrize("x", [1, 2])
async def test_parametrized(request, x):
    record(f"run {request.node.name} on {running()}")


@pytest.mark.asyncio
async def test_function_loop_in_between(request, module_async):
    record(f"run {request.node.name} on {running()} with module_async from {module_async}")
