import pytest
import pytest_asyncio


@pytest.fixture
def greeting():
    return "hi"


@pytest.fixture
def layers(layers):
    return [*layers, "sub"]


@pytest.fixture
def sub_only():
    return "sub"


@pytest_asyncio.fixture
async def async_layers(layers):
    return [*layers, "async"]
