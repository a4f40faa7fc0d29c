import pytest
from eventlog import record
from loops import running


@pytest.mark.asyncio
@pytest.mark.only_c
async def test_inner_hook_answers(request):
    record(f"run {request.node.name} on {running()}")


@pytest.mark.asyncio
async def test_inner_hook_defers_to_outer(request):
    record(f"run {request.node.name} on {running()}")
