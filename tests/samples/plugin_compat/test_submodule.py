import pytest
import pytest_asyncio.plugin  # noqa: F401  (a suite may import the plugin module)


@pytest.mark.asyncio
async def test_async():
    assert True


def test_sync():
    assert True
