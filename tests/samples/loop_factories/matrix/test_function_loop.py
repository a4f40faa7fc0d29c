"""Function-scoped loops: every async test runs once per factory; sync tests once."""

import pytest
from eventlog import record
from loops import running


@pytest.mark.asyncio
async def test_runs_once_per_factory(request):
    record(f"run {request.node.name} on {running()}")


@pytest.mark.asyncio
@pytest.mark.parametrize("x", [1, 2])
async def test_factory_id_comes_before_parametrize_ids(request, x):
    record(f"run {request.node.name} on {running()}")


@pytest.mark.asyncio
async def test_fixture_runs_on_the_test_loop(request, function_async):
    record(f"run {request.node.name} on {running()}")
    assert function_async == running()


def test_sync_test_runs_once(request):
    record(f"run {request.node.name}")


def test_sync_test_async_fixture_gets_default_loop(request, function_async):
    record(f"run {request.node.name} with fixture on {function_async}")
    assert function_async == "default"


async def test_unmarked_async_test_in_strict_mode_is_not_run():
    pass


@pytest.mark.asyncio
@pytest.mark.single_loop
async def test_one_factory_gives_no_id_suffix(request):
    record(f"run {request.node.name} on {running()}")


@pytest.mark.asyncio(loop_factories=["b"])
async def test_mark_selects_one_factory(request):
    record(f"run {request.node.name} on {running()}")


@pytest.mark.asyncio(loop_factories=["b", "a"])
async def test_mark_order_is_kept(request):
    record(f"run {request.node.name} on {running()}")


@pytest.mark.asyncio(loop_factories=["a", "missing"])
async def test_unknown_factory_in_mark_is_skipped(request):
    record(f"run {request.node.name} on {running()}")


@pytest.mark.asyncio(loop_factories=["a", "a"])
async def test_duplicate_names_get_numbered_ids(request):
    record(f"run {request.node.name} on {running()}")


@pytest.mark.asyncio
async def test_failure_is_reported_per_factory(request):
    assert running().startswith("a")


class TestClass:
    @pytest.mark.asyncio
    async def test_method(self, request):
        record(f"run {request.node.name} on {running()}")
