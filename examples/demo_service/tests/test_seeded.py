"""Read-only checks against one store shared by the whole module, and by the module's event loop.

``seeded_store`` (conftest.py) is created once per module on a module-wide event loop. The async tests
that use it are marked ``loop_scope="module"`` so they run on that same loop: objects the fixture
made (locks, tasks, connections) stay usable. Without the mark each test would get its own loop.
"""

import asyncio

import pytest
import pytest_asyncio

from demo_service import UserNotFound, UserStore


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def fixture_loop(seeded_store: UserStore) -> asyncio.AbstractEventLoop:
    return asyncio.get_running_loop()


@pytest.mark.asyncio(loop_scope="module")
async def test_seeded_users_are_present(seeded_store: UserStore) -> None:
    assert await seeded_store.count() == 3


@pytest.mark.asyncio(loop_scope="module")
@pytest.mark.parametrize(("user_id", "name"), [(1, "Bob"), (2, "Carol"), (3, "Dave")])
async def test_lookup_by_id(seeded_store: UserStore, user_id: int, name: str) -> None:
    user = await seeded_store.get(user_id)
    assert user.name == name


@pytest.mark.asyncio(loop_scope="module")
async def test_unknown_id_raises(seeded_store: UserStore) -> None:
    with pytest.raises(UserNotFound):
        await seeded_store.get(99)


@pytest.mark.asyncio(loop_scope="module")
async def test_runs_on_the_fixture_loop(fixture_loop: asyncio.AbstractEventLoop) -> None:
    assert asyncio.get_running_loop() is fixture_loop


def test_store_is_still_open(seeded_store: UserStore) -> None:
    assert not seeded_store.closed
