import pytest


@pytest.fixture(scope="module")
def anyio_backend():
    return "asyncio"  # one backend, whatever else is installed: ids without a backend suffix
