"""An in-memory user store with an async API, as if it were backed by a database."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass


class UserNotFound(LookupError):
    """No user has the requested id."""


class DuplicateUser(ValueError):
    """A user with that e-mail address already exists."""


@dataclass(frozen=True, slots=True)
class User:
    id: int
    name: str
    email: str


class UserStore:
    """Users by id. Every method yields to the event loop, like a real I/O call would."""

    def __init__(self) -> None:
        self._users: dict[int, User] = {}
        self._next_id = 1
        # The lock makes "check the e-mail is free, then insert" atomic across concurrent tasks.
        self._lock = asyncio.Lock()
        self.closed = False

    async def add(self, name: str, email: str) -> User:
        email = email.strip().lower()
        if "@" not in email:
            raise ValueError(f"not an e-mail address: {email!r}")
        async with self._lock:
            await asyncio.sleep(0)
            if any(user.email == email for user in self._users.values()):
                raise DuplicateUser(email)
            user = User(id=self._next_id, name=name, email=email)
            self._users[user.id] = user
            self._next_id += 1
            return user

    async def get(self, user_id: int) -> User:
        await asyncio.sleep(0)
        try:
            return self._users[user_id]
        except KeyError:
            raise UserNotFound(user_id) from None

    async def remove(self, user_id: int) -> None:
        await asyncio.sleep(0)
        if self._users.pop(user_id, None) is None:
            raise UserNotFound(user_id)

    async def count(self) -> int:
        await asyncio.sleep(0)
        return len(self._users)

    async def close(self) -> None:
        await asyncio.sleep(0)
        self._users.clear()
        self.closed = True
