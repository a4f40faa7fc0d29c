import pytest


@pytest.mark.needs_service
def test_needs_the_service():
    pass


@pytest.mark.asyncio
async def test_async_in_integration():
    assert False


@pytest.mark.skipif("LEVEL == 'integration'", reason="integration's own namespace")
def test_sees_its_conftests_namespace():
    pass
