import pytest
import pytest_asyncio
from eventlog import record
from loops import LoopA, LoopB, running


def pytest_asyncio_loop_factories(config, item):
    if item.get_closest_marker("single_loop") is not None:
        return {"a": LoopA}
    return {"a": LoopA, "b": LoopB}


@pytest_asyncio.fixture
async def function_async():
    record(f"setup function_async on {running()}")
    yield running()
    record(f"teardown function_async on {running()}")


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def module_async():
    record(f"setup module_async on {running()}")
    yield running()
    record(f"teardown module_async on {running()}")


@pytest.fixture(scope="module")
def module_sync():
    record("setup module_sync")
    yield
    record("teardown module_sync")


@pytest_asyncio.fixture(scope="session", loop_scope="session")
async def session_async():
    record(f"setup session_async on {running()}")
    yield running()
    record(f"teardown session_async on {running()}")
