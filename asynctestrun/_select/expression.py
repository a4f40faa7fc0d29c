"""The match-expression language of ``-k`` and ``-m``: tokenizer, parser, evaluator, and the two matchers.

This module owns syntax and boolean logic only. What an identifier *means* is decided by a matcher,
a callable ``matcher(name, /, **kwargs) -> bool``; ``keyword_matcher`` (``-k``) and ``marker_matcher``
(``-m``) at the bottom are the two the runner uses. Behaviour follows pytest 9, down to error texts
and columns, because users paste the same ``-k`` / ``-m`` strings into both tools.

Grammar::

    expression := or_expr? EOF                  (empty: matches everything)
    or_expr    := and_expr ('or' and_expr)*
    and_expr   := not_expr ('and' not_expr)*
    not_expr   := 'not' not_expr | '(' or_expr ')' | IDENT ('(' kwarg (',' kwarg)* ')')?
    kwarg      := NAME '=' (STRING | INT | 'True' | 'False' | 'None')

``IDENT`` is a run of word characters and ``: + - . [ ] \\ /``, so ``test_a[1-2]``, ``a.b`` and
``x/y`` are single identifiers; ``and``/``or``/``not`` are keywords, while ``True``/``False``/``None``
are ordinary identifiers. Only space and tab separate tokens. Strings (``'...'`` or ``"..."``, no
escapes) are tokens anywhere but only valid as kwarg values.

Worked example: ``not slow and (db or http(port=80))`` parses to (columns left out)::

    And(Not(Ident("slow")), Or(Ident("db"), Ident("http", (("port", 80),))))

and evaluates left to right with short-circuiting: if ``matcher("slow")`` is true the rest is never
asked, otherwise ``matcher("db")`` and then ``matcher("http", port=80)``.
"""

from __future__ import annotations

import keyword
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from enum import Enum
from typing import NoReturn, TypeAlias

KwargValue: TypeAlias = str | int | bool | None

# ``Callable[..., bool]`` rather than a Protocol: a matcher that never sees kwargs (a plain
# ``def m(name: str) -> bool``) is fine for expressions without calls, and a Protocol spelling
# ``**kwargs`` would reject it.
Matcher: TypeAlias = Callable[..., bool]

_IDENT = re.compile(r"[\w:+\-.\[\]\\/]+")
_BLANKS = " \t"  # pytest treats only these as separators; a newline is an unexpected character
_CONSTANTS: dict[str, KwargValue] = {"True": True, "False": False, "None": None}
# Parentheses cost three parser frames per level; the cap keeps compile and evaluate far from
# Python's recursion limit and is deeper than any expression a person types.
_MAX_NESTING = 100


class ExpressionError(Exception):
    """A malformed expression, or one its matcher refuses; ``column`` is 1-based, as pytest reports it."""

    def __init__(self, message: str, column: int) -> None:
        super().__init__(message, column)
        self.message = message
        self.column = column

    def __str__(self) -> str:
        return f"at column {self.column}: {self.message}"


class UnsupportedExpressionError(Exception):
    """Raised by a matcher for syntax it does not accept; ``Expression.evaluate`` adds the column."""


class _Kind(Enum):
    # The values are the names used in "expected X; got Y" messages.
    LPAREN = "left parenthesis"
    RPAREN = "right parenthesis"
    OR = "or"
    AND = "and"
    NOT = "not"
    IDENT = "identifier"
    STRING = "string literal"
    EQUAL = "="
    COMMA = ","
    EOF = "end of input"


_PUNCTUATION = {"(": _Kind.LPAREN, ")": _Kind.RPAREN, "=": _Kind.EQUAL, ",": _Kind.COMMA}
_KEYWORDS = {"or": _Kind.OR, "and": _Kind.AND, "not": _Kind.NOT}


@dataclass(frozen=True, slots=True)
class _Token:
    kind: _Kind
    text: str
    pos: int  # 0-based offset into the source


@dataclass(frozen=True, slots=True)
class Ident:
    """A bare identifier (``kwargs == ()``) or a call ``name(key=value, ...)``."""

    name: str
    kwargs: tuple[tuple[str, KwargValue], ...]
    column: int


@dataclass(frozen=True, slots=True)
class Not:
    operand: Node


@dataclass(frozen=True, slots=True)
class And:
    operands: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Or:
    operands: tuple[Node, ...]


Node: TypeAlias = Ident | Not | And | Or


class _Tokenizer:
    """Produces one token per call, on demand.

    Lazy on purpose: pytest reports the first problem met while reading left to right with one token
    of look-ahead, so in ``a b $`` the stray ``b`` is the error, not the ``$`` further on.
    """

    def __init__(self, text: str) -> None:
        self._text = text
        self._pos = 0

    def next_token(self) -> _Token:
        text, pos = self._text, self._pos
        while pos < len(text) and text[pos] in _BLANKS:
            pos += 1
        if pos == len(text):
            token = _Token(_Kind.EOF, "", pos)
        elif (char := text[pos]) in _PUNCTUATION:
            token = _Token(_PUNCTUATION[char], char, pos)
        elif char in "'\"":
            token = self._string(pos, char)
        elif (match := _IDENT.match(text, pos)) is not None:
            word = match.group()
            token = _Token(_KEYWORDS.get(word, _Kind.IDENT), word, pos)
        else:
            raise ExpressionError(f'unexpected character "{char}"', pos + 1)
        self._pos = pos + len(token.text)
        return token

    def _string(self, start: int, quote: str) -> _Token:
        end = self._text.find(quote, start + 1)
        if end == -1:
            raise ExpressionError(f'closing quote "{quote}" is missing', start + 1)
        literal = self._text[start : end + 1]
        if (backslash := literal.find("\\")) != -1:
            raise ExpressionError(
                'escaping with "\\" not supported in marker expression', start + backslash + 1
            )
        return _Token(_Kind.STRING, literal, start)


class _Parser:
    """Recursive descent over the grammar in the module docstring, one token of look-ahead."""

    def __init__(self, text: str) -> None:
        self._tokens = _Tokenizer(text)
        self._current = self._tokens.next_token()
        self._depth = 0
        self.idents: set[str] = set()

    def parse(self) -> Node | None:
        if self._accept(_Kind.EOF) is not None:
            return None
        tree = self._or_expr()
        self._expect(_Kind.EOF)
        return tree

    def _or_expr(self) -> Node:
        operands = [self._and_expr()]
        while self._accept(_Kind.OR) is not None:
            operands.append(self._and_expr())
        return operands[0] if len(operands) == 1 else Or(tuple(operands))

    def _and_expr(self) -> Node:
        operands = [self._not_expr()]
        while self._accept(_Kind.AND) is not None:
            operands.append(self._not_expr())
        return operands[0] if len(operands) == 1 else And(tuple(operands))

    def _not_expr(self) -> Node:
        # A loop, not recursion, so ``not not ... x`` costs no stack; only the parity matters.
        negations = 0
        while self._accept(_Kind.NOT) is not None:
            negations += 1
        operand = self._operand()
        return Not(operand) if negations % 2 else operand

    def _operand(self) -> Node:
        if (paren := self._accept(_Kind.LPAREN)) is not None:
            if self._depth == _MAX_NESTING:
                raise ExpressionError(f"more than {_MAX_NESTING} nested parentheses", paren.pos + 1)
            self._depth += 1
            inner = self._or_expr()
            self._expect(_Kind.RPAREN)
            self._depth -= 1
            return inner
        ident = self._accept(_Kind.IDENT)
        if ident is None:
            self._fail(_Kind.NOT, _Kind.LPAREN, _Kind.IDENT)
        self.idents.add(ident.text)
        kwargs: tuple[tuple[str, KwargValue], ...] = ()
        if self._accept(_Kind.LPAREN) is not None:
            kwargs = self._kwargs()
            self._expect(_Kind.RPAREN)
        return Ident(ident.text, kwargs, ident.pos + 1)

    def _kwargs(self) -> tuple[tuple[str, KwargValue], ...]:
        seen: dict[str, KwargValue] = {}
        while True:
            name = self._expect(_Kind.IDENT)
            if not name.text.isidentifier():
                raise ExpressionError(f"not a valid python identifier {name.text}", name.pos + 1)
            if keyword.iskeyword(name.text):
                raise ExpressionError(f"unexpected reserved python keyword `{name.text}`", name.pos + 1)
            if name.text in seen:
                raise ExpressionError(f"keyword argument repeated: {name.text}", name.pos + 1)
            self._expect(_Kind.EQUAL)
            seen[name.text] = self._value()
            if self._accept(_Kind.COMMA) is None:
                return tuple(seen.items())

    def _value(self) -> KwargValue:
        if (string := self._accept(_Kind.STRING)) is not None:
            return string.text[1:-1]
        token = self._expect(_Kind.IDENT)
        # One optional minus, then decimal digits; isdecimal, not isdigit, because "²" is a digit
        # that int() rejects (pytest crashes on it).
        if token.text.removeprefix("-").isdecimal():
            return int(token.text)
        if token.text in _CONSTANTS:
            return _CONSTANTS[token.text]
        raise ExpressionError(f'unexpected character/s "{token.text}"', token.pos + 1)

    def _accept(self, kind: _Kind) -> _Token | None:
        if self._current.kind is not kind:
            return None
        token = self._current
        if kind is not _Kind.EOF:
            self._current = self._tokens.next_token()
        return token

    def _expect(self, kind: _Kind) -> _Token:
        token = self._accept(kind)
        if token is None:
            self._fail(kind)
        return token

    def _fail(self, *expected: _Kind) -> NoReturn:
        wanted = " OR ".join(kind.value for kind in expected)
        raise ExpressionError(f"expected {wanted}; got {self._current.kind.value}", self._current.pos + 1)


@dataclass(frozen=True, slots=True)
class Expression:
    """A compiled ``-k`` / ``-m`` expression; compile once, evaluate against one matcher per test."""

    source: str
    tree: Node | None  # None: the empty expression
    idents: frozenset[str]  # every identifier used, for checking ``-m`` names against registered marks

    @classmethod
    def compile(cls, text: str) -> Expression:
        """Parse ``text``; raises ``ExpressionError`` with pytest's message and column if malformed."""
        parser = _Parser(text)
        tree = parser.parse()
        return cls(text, tree, frozenset(parser.idents))

    def evaluate(self, matcher: Matcher) -> bool:
        """Whether the expression holds; ``ExpressionError`` if the matcher refuses a construct."""
        # pytest never applies an empty -k/-m (it skips selection), which is "everything matches".
        return True if self.tree is None else _evaluate(self.tree, matcher)


def _evaluate(node: Node, matcher: Matcher) -> bool:
    match node:
        case Ident(name, kwargs, column):
            try:
                return bool(matcher(name, **dict(kwargs)))
            except UnsupportedExpressionError as refusal:
                raise ExpressionError(str(refusal), column) from refusal
        case Not(operand):
            return not _evaluate(operand, matcher)
        case And(operands):
            # Explicit loops, not all()/any() over a generator: they short-circuit the same way
            # with one stack frame per level instead of two, which keeps deep nesting cheap.
            for operand in operands:  # noqa: SIM110
                if not _evaluate(operand, matcher):
                    return False
            return True
        case Or(operands):
            for operand in operands:  # noqa: SIM110
                if _evaluate(operand, matcher):
                    return True
            return False


def keyword_matcher(keywords: Iterable[str]) -> Matcher:
    """``-k``: an identifier matches if it is a case-insensitive substring of any keyword.

    ``keywords`` are the names pytest offers for one test: its own name with parameters, the names
    of its parent class and module, its marker names and any extra keywords.
    """
    lowered = frozenset(word.lower() for word in keywords)

    def match(name: str, /, **kwargs: KwargValue) -> bool:
        if kwargs:
            raise UnsupportedExpressionError("Keyword expressions do not support call parameters.")
        needle = name.lower()
        return any(needle in word for word in lowered)

    return match


_ABSENT = object()  # distinct from every kwarg value, so ``m(x=None)`` does not match a mark without x


def marker_matcher(marks: Iterable[tuple[str, Mapping[str, object]]]) -> Matcher:
    """``-m``: ``name`` matches a mark of exactly that name; ``name(k=v, ...)`` one whose kwargs agree.

    Values compare with ``==``, as in pytest, so ``m(x=1)`` also matches a mark with ``x=True``.
    """
    by_name: dict[str, list[Mapping[str, object]]] = {}
    for mark_name, mark_kwargs in marks:
        by_name.setdefault(mark_name, []).append(mark_kwargs)

    def match(name: str, /, **kwargs: KwargValue) -> bool:
        return any(
            all(mark_kwargs.get(key, _ABSENT) == value for key, value in kwargs.items())
            for mark_kwargs in by_name.get(name, ())
        )

    return match
