import pytest


@pytest.fixture(scope="session")
def anyio_backend():
    return "asyncio"


@pytest.fixture(scope="session")
async def counter(anyio_backend):
    yield {"n": 0}


@pytest.fixture
async def client(counter):
    counter["n"] += 1
    yield counter
