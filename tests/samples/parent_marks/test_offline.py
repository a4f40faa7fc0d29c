import pytest


@pytest.mark.asyncio
async def test_sees_module_mark(request):
    assert request.node.get_closest_marker("offline") is not None


def test_sync(request):
    assert request.node.get_closest_marker("offline") is not None
