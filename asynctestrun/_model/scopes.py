"""Scope (how long a fixture value is cached) and LoopScope (which event loop code runs on).

Both use the same five levels, ordered from narrowest to widest. They are distinct types on purpose:
a fixture has both, and mixing them up is exactly the bug class loop scopes exist to prevent.
"""

from __future__ import annotations

from enum import Enum


class _Ranked(Enum):
    @property
    def rank(self) -> int:
        """0 for function, 4 for session: a wider scope has a higher rank."""
        return _RANKS[self.value]

    def wider_than(self, other: _Ranked) -> bool:
        return self.rank > other.rank

    def narrower_than(self, other: _Ranked) -> bool:
        return self.rank < other.rank


_RANKS = {"function": 0, "class": 1, "module": 2, "package": 3, "session": 4}
SCOPE_NAMES = tuple(_RANKS)


class Scope(_Ranked):
    """Fixture caching lifetime."""

    FUNCTION = "function"
    CLASS = "class"
    MODULE = "module"
    PACKAGE = "package"
    SESSION = "session"

    @classmethod
    def parse(cls, value: object, what: str) -> Scope:
        if isinstance(value, Scope):
            return value
        if isinstance(value, str) and value in _RANKS:
            return cls(value)
        raise ValueError(f"{what}: unknown scope {value!r}; expected one of {', '.join(SCOPE_NAMES)}")


class LoopScope(_Ranked):
    """Which event loop async code runs on: one loop per instance of this scope."""

    FUNCTION = "function"
    CLASS = "class"
    MODULE = "module"
    PACKAGE = "package"
    SESSION = "session"

    @classmethod
    def parse(cls, value: object, what: str) -> LoopScope:
        if isinstance(value, LoopScope):
            return value
        if isinstance(value, str) and value in _RANKS:
            return cls(value)
        raise ValueError(f"{what}: unknown loop scope {value!r}; expected one of {', '.join(SCOPE_NAMES)}")

    @classmethod
    def of(cls, scope: Scope) -> LoopScope:
        return cls(scope.value)
