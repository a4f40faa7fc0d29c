"""``_pytest.mark.expression`` as pytest 9.2 has it: ``Expression`` over asynctestrun's own parser.

Plugins reuse pytest's ``-k`` / ``-m`` language through this private module (syrupy matches snapshot
names against ``-k`` with it, and fails to load without it). The pytest-facing surface differs from
``_select.expression``'s: a malformed input raises ``SyntaxError`` with pytest's file name and column,
the text is ``input`` and ``idents()`` is a method.
"""

from __future__ import annotations

from typing import Final

from .._select.expression import Expression as _Compiled
from .._select.expression import ExpressionError
from .._select.expression import Matcher as ExpressionMatcher

__all__ = ["Expression", "ExpressionMatcher"]

FILE_NAME: Final = "<pytest match expression>"


class Expression:
    """A compiled match expression, evaluated against one matcher at a time (pytest's API)."""

    __slots__ = ("_compiled", "input")

    def __init__(self, compiled: _Compiled) -> None:
        self._compiled = compiled
        self.input: Final = compiled.source

    @classmethod
    def compile(cls, input: str) -> Expression:
        """Parse ``input``; a malformed one raises ``SyntaxError`` located as pytest locates it."""
        try:
            return cls(_Compiled.compile(input))
        except ExpressionError as error:
            raise SyntaxError(error.message, (FILE_NAME, 1, error.column, input)) from None

    def idents(self) -> frozenset[str]:
        return self._compiled.idents

    def evaluate(self, matcher: ExpressionMatcher) -> bool:
        # pytest compiles an empty input to ``False``: its own -k / -m never evaluate one (an empty
        # option selects everything), but a plugin's expression does.
        return self._compiled.tree is not None and self._compiled.evaluate(matcher)
