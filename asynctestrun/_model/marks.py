"""Mark: a named annotation with arguments attached to a test, class or module."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Mark:
    name: str
    args: tuple[Any, ...] = ()
    kwargs: Mapping[str, Any] = field(default_factory=dict)

    def combined_with(self, other: Mark) -> Mark:
        """Stack two marks of the same name (``mark.foo(1)(2)`` style): args append, kwargs update."""
        return Mark(self.name, self.args + other.args, {**self.kwargs, **other.kwargs})
