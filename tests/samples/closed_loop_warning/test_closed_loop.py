import asyncio

import pytest
import pytest_asyncio


@pytest_asyncio.fixture
async def running_loop():
    return asyncio.get_running_loop()


@pytest.fixture
def closes_the_loop(running_loop):
    yield
    running_loop.close()


@pytest.mark.asyncio
async def test_loop_closed_by_a_fixture(closes_the_loop):
    await asyncio.sleep(0)


@pytest.mark.asyncio
async def test_failing_asyncgen_shutdown():
    loop = asyncio.get_running_loop()

    async def fail():
        raise RuntimeError("shutting down async generators failed")

    loop.shutdown_asyncgens = fail


@pytest.mark.asyncio
async def test_plain():
    await asyncio.sleep(0)


@pytest.mark.filterwarnings("error::RuntimeWarning")
@pytest.mark.asyncio
async def test_loop_closed_under_an_error_filter(closes_the_loop):
    await asyncio.sleep(0)
