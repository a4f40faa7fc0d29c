"""Wider-scoped fixtures that tests parametrize indirectly, counting their set-ups."""

import pytest
import pytest_asyncio

SETUPS = []


@pytest.fixture(scope="session")
def server(request):
    SETUPS.append(("server", request.param))
    return request.param


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def pool(request):
    SETUPS.append(("pool", request.param))
    yield request.param
