"""Shared fixtures for the demo service tests."""

from collections.abc import AsyncIterator

import pytest
import pytest_asyncio

from demo_service import RateLimiter, User, UserStore


class FakeClock:
    """A clock the tests move by hand, so rate-limiter tests never sleep."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
async def store() -> AsyncIterator[UserStore]:
    """A fresh, empty store per test; closed afterwards, on the test's own event loop."""
    user_store = UserStore()
    yield user_store
    await user_store.close()


@pytest.fixture
async def alice(store: UserStore) -> User:
    return await store.add("Alice", "alice@example.com")


@pytest.fixture
def limiter(clock: FakeClock) -> RateLimiter:
    return RateLimiter(rate=2.0, capacity=3, clock=clock)


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def seeded_store() -> AsyncIterator[UserStore]:
    """One store shared by a whole module, created once on the module's event loop."""
    user_store = UserStore()
    for name in ("Bob", "Carol", "Dave"):
        await user_store.add(name, f"{name.lower()}@example.com")
    yield user_store
    await user_store.close()
