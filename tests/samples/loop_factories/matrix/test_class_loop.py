"""A class-scoped loop: each class gets one loop per factory, its tests grouped by factory."""

import pytest
from eventlog import record
from loops import running


@pytest.mark.asyncio(loop_scope="class")
class TestFirstClass:
    async def test_one(self, request):
        record(f"run {request.node.name} on {running()}")

    async def test_two(self, request):
        record(f"run {request.node.name} on {running()}")


@pytest.mark.asyncio(loop_scope="class")
class TestSecondClass:
    async def test_three(self, request, function_async):
        record(f"run {request.node.name} on {running()} with function_async from {function_async}")

    @pytest.mark.asyncio(loop_scope="class", loop_factories=["b"])
    async def test_only_b(self, request):
        record(f"run {request.node.name} on {running()}")
