"""``RaisesGroup`` and ``RaisesExc`` (pytest 8.4+): assert the structure of a raised exception group.

``RaisesGroup(ValueError, RaisesExc(KeyError, match="id"), RaisesGroup(OSError))`` matches an
exception group whose direct sub-exceptions are exactly one of each, in any order. The pairing is
pytest's: each expected exception, in the order given, takes the first unpaired sub-exception it
matches, and a group that this greedy pass cannot pair does not match even when another pairing
exists. ``flatten_subgroups=True`` pairs the leaf exceptions of nested groups instead;
``allow_unwrapped=True`` (one expected exception only) also accepts that exception raised bare.
``match=`` searches the group's own message and notes, ``check=`` is called with the group.

A block that raises nothing, or a group that does not match, fails the test with the reason.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from types import TracebackType
from typing import Any

from .outcomes import Failed
from .raises import ExceptionInfo, RaisesContext, _stringify


class RaisesExc(RaisesContext[BaseException]):
    """One expected exception: a type (or tuple of types), and optionally ``match=`` / ``check=``.
    As a context manager it is ``raises()`` with those arguments (the same class underneath)."""

    def __init__(
        self,
        expected_exception: type[BaseException] | tuple[type[BaseException], ...] | None = None,
        /,
        *,
        match: str | re.Pattern[str] | None = None,
        check: Callable[[BaseException], bool] | None = None,
    ) -> None:
        if expected_exception is None and match is None and check is None:
            raise ValueError("You must specify at least one parameter to match on.")
        types = expected_exception if isinstance(expected_exception, tuple) else (expected_exception,)
        for item in types:
            if item is not None and not (isinstance(item, type) and issubclass(item, BaseException)):
                raise TypeError(f"expected exception must be a BaseException type, not {item!r}")
        self.expected_exceptions = tuple(t for t in types if t is not None)
        super().__init__(self.expected_exceptions, match, check)
        self.fail_reason: str | None = None

    def matches(self, exception: BaseException | None) -> bool:
        self.fail_reason = None
        if exception is None:
            self.fail_reason = "exception is None"
            return False
        if self.expected_exceptions and not isinstance(exception, self.expected_exceptions):
            self.fail_reason = f"`{type(exception).__name__}()` is not an instance of {self._types()}"
            return False
        if not _matches_text(self.match, exception):
            self.fail_reason = (
                f"Regex pattern {_pattern(self.match)!r} did not match {_stringify(exception)!r}"
            )
            return False
        if self.check is not None and not self.check(exception):
            self.fail_reason = f"check {self.check!r} did not return True"
            return False
        return True

    def _types(self) -> str:
        names = [t.__name__ for t in self.expected_exceptions]
        return f"`{names[0]}`" if len(names) == 1 else f"({', '.join(names)})"

    def __repr__(self) -> str:
        parts = [self._types().strip("`")] if self.expected_exceptions else []
        if self.match is not None:
            parts.append(f"match={_pattern(self.match)!r}")
        if self.check is not None:
            parts.append(f"check={self.check!r}")
        return f"RaisesExc({', '.join(parts)})"


class RaisesGroup:
    """The expected structure of an exception group."""

    def __init__(
        self,
        expected_exception: Expected,
        /,
        *other_exceptions: Expected,
        allow_unwrapped: bool = False,
        flatten_subgroups: bool = False,
        match: str | re.Pattern[str] | None = None,
        check: Callable[[BaseExceptionGroup[BaseException]], bool] | None = None,
    ) -> None:
        self.expected_exceptions: tuple[Expected, ...] = (expected_exception, *other_exceptions)
        if allow_unwrapped and other_exceptions:
            raise ValueError("You cannot specify multiple exceptions with `allow_unwrapped=True`.")
        if allow_unwrapped and isinstance(expected_exception, RaisesGroup):
            raise ValueError("`allow_unwrapped=True` has no effect when expecting a `RaisesGroup`.")
        if allow_unwrapped and (match is not None or check is not None):
            raise ValueError("`allow_unwrapped=True` bypasses the `match` and `check` parameters.")
        for expected in self.expected_exceptions:
            if isinstance(expected, RaisesGroup) and flatten_subgroups:
                raise ValueError(
                    "You cannot specify a nested structure inside a RaisesGroup with "
                    "`flatten_subgroups=True`."
                )
            if isinstance(expected, type) and issubclass(expected, BaseExceptionGroup):
                raise ValueError(f"Use a nested RaisesGroup to expect a {expected.__name__}, not the type.")
            if not isinstance(expected, RaisesExc | RaisesGroup) and not (
                isinstance(expected, type) and issubclass(expected, BaseException)
            ):
                raise TypeError(
                    f"Invalid argument {expected!r}: expected an exception type, RaisesExc or RaisesGroup"
                )
        self.allow_unwrapped = allow_unwrapped
        self.flatten_subgroups = flatten_subgroups
        self.match = match
        self.check = check
        self.fail_reason: str | None = None
        self._excinfo: ExceptionInfo[BaseException] | None = None

    def matches(self, exception: BaseException | None) -> bool:
        self.fail_reason = None
        if exception is None:
            self.fail_reason = "exception is None"
            return False
        if not isinstance(exception, BaseExceptionGroup):
            reason = f"`{type(exception).__name__}()` is not an exception group"
            if len(self.expected_exceptions) == 1:
                unwrapped = _check_one(self.expected_exceptions[0], exception)
                if unwrapped is None and self.allow_unwrapped:
                    return True
                if unwrapped is None:
                    reason += ", but would match with `allow_unwrapped=True`"
                elif self.allow_unwrapped:
                    reason = unwrapped
            self.fail_reason = reason
            return False
        actual: Sequence[BaseException] = exception.exceptions
        if self.flatten_subgroups:
            actual = _leaves(actual)
        if not _matches_text(self.match, exception):
            text = _stringify(exception, group_message_only=True)
            self.fail_reason = f"Regex pattern {_pattern(self.match)!r} did not match {text!r} of the group"
            return False
        unpaired = self._pair(actual)
        if unpaired is not None:
            self.fail_reason = unpaired
            return False
        if self.check is not None and not self.check(exception):
            self.fail_reason = f"check {self.check!r} did not return True on the {type(exception).__name__}"
            return False
        return True

    def _pair(self, actual: Sequence[BaseException]) -> str | None:
        """pytest's greedy pairing; None when every expected and every actual exception is paired."""
        remaining = list(actual)
        unmatched: list[Expected] = []
        last_reason: str | None = None
        for expected in self.expected_exceptions:
            for candidate in remaining:
                last_reason = _check_one(expected, candidate)
                if last_reason is None:
                    remaining.remove(candidate)
                    break
            else:
                unmatched.append(expected)
        if not remaining and not unmatched:
            return None
        if len(actual) == len(self.expected_exceptions) == 1 and last_reason is not None:
            return last_reason
        parts = []
        if unmatched:
            parts.append(f"found no match for: [{', '.join(_describe(e) for e in unmatched)}]")
        if remaining:
            parts.append(f"unexpected exception(s): {list(remaining)!r}")
        if len(actual) == len(self.expected_exceptions) and _exhaustive_pairing(
            list(self.expected_exceptions), list(actual)
        ):
            parts.append(
                "another pairing would match (pytest pairs in the order given: put the more specific "
                "expected exceptions first)"
            )
        return "; ".join(parts)

    def __enter__(self) -> ExceptionInfo[BaseException]:
        self._excinfo = ExceptionInfo.for_later()
        return self._excinfo

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc_val: BaseException | None,
        exc_tb: TracebackType | None,
    ) -> bool:
        __tracebackhide__ = True
        if exc_type is None or exc_val is None or exc_tb is None:
            raise Failed(f"DID NOT RAISE any exception, expected `{self.expected_type()}`")
        if not self.matches(exc_val):
            group = (
                "(group)" if self.allow_unwrapped and not isinstance(exc_val, BaseExceptionGroup) else "group"
            )
            raise Failed(f"Raised exception {group} did not match: {self.fail_reason}")
        if self._excinfo is not None:
            self._excinfo.fill_unfilled((exc_type, exc_val, exc_tb))
        return True

    def expected_type(self) -> str:
        inner = ", ".join(
            e.expected_type() if isinstance(e, RaisesGroup) else _describe(e)
            for e in self.expected_exceptions
        )
        every_exception = all(
            (isinstance(e, type) and issubclass(e, Exception))
            or (isinstance(e, RaisesExc) and all(issubclass(t, Exception) for t in e.expected_exceptions))
            or isinstance(e, RaisesGroup)
            for e in self.expected_exceptions
        )
        return f"{'ExceptionGroup' if every_exception else 'BaseExceptionGroup'}({inner})"

    def __repr__(self) -> str:
        parts = [_describe(e) for e in self.expected_exceptions]
        for name in ("allow_unwrapped", "flatten_subgroups"):
            if getattr(self, name):
                parts.append(f"{name}=True")
        if self.match is not None:
            parts.append(f"match={_pattern(self.match)!r}")
        if self.check is not None:
            parts.append(f"check={self.check!r}")
        return f"RaisesGroup({', '.join(parts)})"


Expected = type[BaseException] | RaisesExc | RaisesGroup


def _check_one(expected: Expected, exception: BaseException) -> str | None:
    """None when ``exception`` matches ``expected``, else why not."""
    if isinstance(expected, type):
        if isinstance(exception, expected):
            return None
        if isinstance(exception, BaseExceptionGroup):
            return f"Unexpected nested `{type(exception).__name__}()`, expected `{expected.__name__}`"
        return f"`{type(exception).__name__}()` is not an instance of `{expected.__name__}`"
    if expected.matches(exception):
        return None
    return f"{expected!r}: {expected.fail_reason}"


def _exhaustive_pairing(expected: list[Expected], actual: list[BaseException]) -> bool:
    if not expected:
        return not actual
    first, rest = expected[0], expected[1:]
    return any(
        _check_one(first, candidate) is None and _exhaustive_pairing(rest, actual[:i] + actual[i + 1 :])
        for i, candidate in enumerate(actual)
    )


def _leaves(exceptions: Sequence[BaseException]) -> list[BaseException]:
    leaves: list[BaseException] = []
    for exception in exceptions:
        if isinstance(exception, BaseExceptionGroup):
            leaves.extend(_leaves(exception.exceptions))
        else:
            leaves.append(exception)
    return leaves


def _matches_text(match: str | re.Pattern[str] | None, exception: BaseException) -> bool:
    if match is None:
        return True
    text = _stringify(exception, group_message_only=isinstance(exception, BaseExceptionGroup))
    return re.search(match, text) is not None


def _pattern(match: str | re.Pattern[str] | None) -> Any:
    return match.pattern if isinstance(match, re.Pattern) else match


def _describe(expected: Expected) -> str:
    return expected.__name__ if isinstance(expected, type) else repr(expected)
