"""``_pytest._code.code``'s failure representations, for plugins that build a report's ``longrepr``
themselves (pytest-check replaces it with an ``ExceptionChainRepr`` of its failed checks). Rendered
as pytest's terminal shows them: each crash location with its message, then the description."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass
class ReprFileLocation:
    path: str
    lineno: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.lineno}: {self.message}"


@dataclass
class ReprEntry:
    lines: list[str]
    reprfuncargs: Any
    reprlocals: Any
    reprfileloc: ReprFileLocation | None
    style: str

    def __str__(self) -> str:
        location = [str(self.reprfileloc)] if self.reprfileloc is not None else []
        return "\n".join([*self.lines, *location])


@dataclass
class ReprTraceback:
    reprentries: list[ReprEntry]
    extraline: str | None
    style: str

    def __str__(self) -> str:
        return "\n".join(str(entry) for entry in self.reprentries)


class ExceptionChainRepr:
    def __init__(self, chain: list[tuple[ReprTraceback, ReprFileLocation | None, str | None]]) -> None:
        self.chain = chain
        # The summary line's "- message" comes from the last exception's crash, as in pytest.
        self.reprcrash = chain[-1][1] if chain else None
        self.reprtraceback = chain[-1][0] if chain else None

    def __str__(self) -> str:
        parts = [f"{traceback}\n\n{description or ''}".rstrip() for traceback, _, description in self.chain]
        return "\n\n".join(parts)


class FailureRepr(str):
    """A failed report's ``longrepr`` as asynctestrun makes it: the rendered failure, a ``str`` as the
    reporters take it, with the ``reprcrash`` of pytest's ``ExceptionChainRepr`` (where the exception
    was raised, its one-line message), which conftests and plugins read from a failed report."""

    reprcrash: ReprFileLocation | None

    def __new__(cls, text: str, reprcrash: ReprFileLocation | None) -> FailureRepr:
        self = super().__new__(cls, text)
        self.reprcrash = reprcrash
        return self

    def toterminal(self, tw: Any) -> None:
        tw.line(str(self))
