import pytest


@pytest.mark.dummy
async def test_marks(request):
    names = [mark.name for mark in request.node.iter_markers()]
    assert names == ["dummy", "asyncio"], names
    assert request.node.get_closest_marker("asyncio") is not None


async def test_plain(request):
    assert [m.name for m in request.node.iter_markers()] == ["asyncio"]
    assert test_plain.definition_marked


def test_sync(request):
    assert request.node.get_closest_marker("asyncio") is None
    assert not test_sync.definition_marked


@pytest.mark.asyncio(loop_scope="function")
async def test_explicit(request):
    assert [m.kwargs for m in request.node.iter_markers("asyncio")] == [{"loop_scope": "function"}]
