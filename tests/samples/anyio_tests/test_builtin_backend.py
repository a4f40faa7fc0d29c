"""anyio-marked tests on anyio's own ``anyio_backend`` fixture (ids end in ``[asyncio]``)."""

import asyncio

import pytest

pytestmark = pytest.mark.anyio


@pytest.fixture
async def resource():
    await asyncio.sleep(0)
    yield "r"


@pytest.fixture
async def backend_seen(anyio_backend):
    return anyio_backend


async def test_async_fixture_runs_on_anyio(resource):
    assert resource == "r"


async def test_fails():
    assert 1 == 2


@pytest.mark.parametrize("anyio_backend", ["asyncio"])
async def test_backend_parametrized_directly(anyio_backend):
    assert anyio_backend == "asyncio"


@pytest.mark.parametrize("anyio_backend", ["asyncio"])
async def test_backend_parametrized_for_a_fixture(backend_seen):
    assert backend_seen == "asyncio"


def test_sync_test_sees_the_backend(anyio_backend):
    assert anyio_backend == "asyncio"
