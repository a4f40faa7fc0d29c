import pytest


@pytest.fixture(params=["memory", "disk"])
def backend(request):
    return request.param


# Requested by the test, needs the parametrized backend: its params come right after it in the
# closure, before the test's later arguments.
@pytest.fixture
async def cache(backend):
    return f"cache on {backend}"


@pytest.fixture(params=["a", "b"])
def outer_flavour(request):
    return request.param
