"""A conftest overriding ``anyio_backend`` at session scope, as FastAPI-style suites do."""

import pytest


@pytest.mark.anyio
async def test_first(client):
    assert client["n"] == 1


@pytest.mark.anyio
async def test_session_fixture_is_shared(client):
    assert client["n"] == 2


async def test_unmarked_but_using_the_backend_runs_on_anyio(client):
    assert client["n"] == 3


@pytest.mark.asyncio
async def test_asyncio_marked_next_to_anyio():
    pass


async def test_unmarked_without_the_backend_is_not_run():
    pass


class TestMarkedClass:
    pytestmark = pytest.mark.anyio

    async def test_in_class(self, client):
        assert client["n"] == 4
