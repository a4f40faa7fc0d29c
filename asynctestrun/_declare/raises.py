"""``raises()`` and ``ExceptionInfo``: assert that a block (or a call) raises, and look at what it raised.

Both forms mirror pytest 9: ``with raises(ValueError, match="bad") as excinfo: ...`` and the legacy
``raises(ValueError, func, *args, **kwargs)``. A block that raises nothing fails the test with
``Failed("DID NOT RAISE ValueError")``; a block that raises something else lets that exception
propagate untouched, so the test reports the real error rather than a mismatch message.
"""

from __future__ import annotations

import re
import sys
import traceback as tb_module
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import FrameType, TracebackType
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeVar, overload

from .outcomes import Failed

if TYPE_CHECKING:
    from .._execute.reprs import ReprFileLocation

E = TypeVar("E", bound=BaseException)
ExcInfoTuple = tuple[type[E], E, TracebackType]
ExpectedArg = type[E] | tuple[type[E], ...]
# Spelled at module level: inside ExceptionInfo the name ``type`` is its property, not the builtin.
ExceptionTypes = type[BaseException] | tuple[type[BaseException], ...]


@dataclass(frozen=True, slots=True)
class TracebackEntry:
    """One frame of a captured traceback. ``lineno`` is 0-based, as pytest's entries are."""

    frame: FrameType
    lineno: int

    @property
    def path(self) -> Path | str:
        filename = self.frame.f_code.co_filename
        # Synthetic code objects ("<string>", "<stdin>") have no file on disk.
        return filename if filename.startswith("<") else Path(filename)

    @property
    def name(self) -> str:
        return self.frame.f_code.co_name

    def ishidden(self, excinfo: ExceptionInfo[Any] | None = None) -> bool:
        """Whether the frame asks to stay out of reports: a true ``__tracebackhide__`` in its locals
        or globals, or a callable one that answers true for *excinfo*."""
        frame = self.frame
        hide: object = frame.f_locals.get(
            "__tracebackhide__", frame.f_globals.get("__tracebackhide__", False)
        )
        if callable(hide):
            return bool(hide(excinfo))
        return bool(hide)


def _stringify(exc: BaseException, *, group_message_only: bool = False) -> str:
    """The text ``match=`` searches: the message followed by any ``add_note()`` notes."""
    message = exc.message if group_message_only and isinstance(exc, BaseExceptionGroup) else str(exc)
    notes = getattr(exc, "__notes__", [])
    return "\n".join([message, *(str(note) for note in notes)])


def _regex_mismatch(regex: str | re.Pattern[str], text: str, header: str) -> str:
    pattern = regex.pattern if isinstance(regex, re.Pattern) else regex
    message = f"{header}\n  Expected regex: {pattern!r}\n  Actual message: {text!r}"
    if pattern == text:
        # The commonest cause of this failure: a literal message containing regex metacharacters.
        message += "\n Did you mean to `re.escape()` the regex?"
    return message


class ExceptionInfo(Generic[E]):
    """What a ``raises()`` block caught. Unfilled until the block exits (``for_later()``)."""

    def __init__(self, exc_info: ExcInfoTuple[E] | None, *, striptext: str = "") -> None:
        self._exc_info = exc_info
        self._striptext = striptext

    @classmethod
    def from_exc_value(cls, exception: E, exprinfo: str | None = None) -> ExceptionInfo[E]:
        if exception.__traceback__ is None:
            raise ValueError("exception has no traceback; was it raised?")
        return cls.from_exc_info((type(exception), exception, exception.__traceback__), exprinfo)

    from_exception = from_exc_value  # pytest 7.4's name for it

    @classmethod
    def from_exc_info(cls, exc_info: ExcInfoTuple[E], exprinfo: str | None = None) -> ExceptionInfo[E]:
        value = exc_info[1]
        striptext = ""
        if exprinfo is None and isinstance(value, AssertionError):
            exprinfo = getattr(value, "msg", None) or repr(value)
        # A rewritten assertion's message starts with "assert ...": the short form drops the type.
        if exprinfo and exprinfo.startswith("AssertionError('assert "):
            striptext = "AssertionError: "
        return cls(exc_info, striptext=striptext)

    @classmethod
    def from_current(cls, exprinfo: str | None = None) -> ExceptionInfo[BaseException]:
        exc_type, value, tb = sys.exc_info()
        if exc_type is None or value is None or tb is None:
            raise AssertionError("no current exception")
        return ExceptionInfo.from_exc_info((exc_type, value, tb), exprinfo)

    @classmethod
    def for_later(cls) -> ExceptionInfo[E]:
        return cls(None)

    def fill_unfilled(self, exc_info: ExcInfoTuple[E]) -> None:
        if self._exc_info is not None:
            raise AssertionError("ExceptionInfo was already filled")
        self._exc_info = exc_info

    def _filled(self, attribute: str) -> ExcInfoTuple[E]:
        if self._exc_info is None:
            raise AssertionError(f".{attribute} can only be used after the context manager exits")
        return self._exc_info

    @property
    def type(self) -> type[E]:
        return self._filled("type")[0]

    @property
    def value(self) -> E:
        return self._filled("value")[1]

    @property
    def tb(self) -> TracebackType:
        return self._filled("tb")[2]

    @property
    def typename(self) -> str:
        return self.type.__name__

    @property
    def traceback(self) -> list[TracebackEntry]:
        entries: list[TracebackEntry] = []
        current: TracebackType | None = self.tb
        while current is not None:
            entries.append(TracebackEntry(current.tb_frame, current.tb_lineno - 1))
            current = current.tb_next
        return entries

    def exconly(self, tryshort: bool = False) -> str:
        text = "".join(tb_module.format_exception_only(self.type, self.value)).rstrip()
        if tryshort and self._striptext and text.startswith(self._striptext):
            text = text[len(self._striptext) :]
        return text

    def getrepr(self, showlocals: bool = False, style: str = "long", **_options: Any) -> str:
        """The traceback as a failure report shows it (pytest returns a repr object; ``str()`` of it is
        what suites compare)."""
        from .._execute.failures import format_exception

        return format_exception(self.value, style=style, relative_to=Path.cwd(), showlocals=showlocals)

    def errisinstance(self, exc: ExceptionTypes) -> bool:
        return isinstance(self.value, exc)

    def _getreprcrash(self) -> ReprFileLocation | None:
        """Where the exception was raised, as pytest's crash line names it: the last frame that does
        not hide itself, with the short form of the exception; None if every frame hides. Plugins
        read it for a report's message (pytest-error-for-skips words a forbidden skip with it)."""
        from .._execute.reprs import ReprFileLocation

        for entry in reversed(self.traceback):
            if not entry.ishidden(self):
                filename = entry.frame.f_code.co_filename
                return ReprFileLocation(filename, entry.lineno + 1, self.exconly(tryshort=True))
        return None

    def match(self, regexp: str | re.Pattern[str]) -> Literal[True]:
        """Assert that ``re.search(regexp, str(value))`` finds something (notes included)."""
        __tracebackhide__ = True
        text = _stringify(self.value)
        if not re.search(regexp, text):
            raise AssertionError(_regex_mismatch(regexp, text, "Regex pattern did not match."))
        return True

    def group_contains(
        self,
        expected_exception: ExceptionTypes,
        *,
        match: str | re.Pattern[str] | None = None,
        depth: int | None = None,
    ) -> bool:
        """Whether the caught exception group holds a matching exception.

        ``depth=None`` searches every level; ``depth=1`` only the group's direct children, and so on.
        """
        value = self.value
        if not isinstance(value, BaseExceptionGroup):
            raise AssertionError("Captured exception is not an instance of `BaseExceptionGroup`")
        return _group_contains(value, expected_exception, match, depth, 1)

    def __repr__(self) -> str:
        if self._exc_info is None:
            return "<ExceptionInfo for raises contextmanager>"
        return f"<ExceptionInfo {self.value!r} tblen={len(self.traceback)}>"


def _group_contains(
    group: BaseExceptionGroup[BaseException],
    expected: ExceptionTypes,
    match: str | re.Pattern[str] | None,
    target_depth: int | None,
    depth: int,
) -> bool:
    for exc in group.exceptions:
        nested_allowed = target_depth is None or depth < target_depth
        if (
            isinstance(exc, BaseExceptionGroup)
            and nested_allowed
            and _group_contains(exc, expected, match, target_depth, depth + 1)
        ):
            return True
        if target_depth is not None and depth != target_depth:
            continue
        if isinstance(exc, expected) and (match is None or re.search(match, _stringify(exc))):
            return True
    return False


def _validate_expected(expected: object) -> tuple[type[BaseException], ...]:
    """Normalise ``expected_exception`` to a tuple, with pytest's errors for bad values."""
    items = expected if isinstance(expected, tuple) else (expected,)
    for item in items:
        if isinstance(item, BaseException):
            raise TypeError(
                f"Expected a BaseException type, but got an exception instance: {type(item).__name__}"
            )
        if not isinstance(item, type):
            raise TypeError(f"Expected a BaseException type, but got {type(item).__name__!r}")
        if not issubclass(item, BaseException):
            raise ValueError(f"Expected a BaseException type, but got {item.__name__!r}")
    return items


def _describe(expected: tuple[type[BaseException], ...]) -> str:
    """How "DID NOT RAISE ..." names what was expected."""
    if not expected:
        return "any exception"
    if len(expected) == 1:
        return expected[0].__name__
    return "any of (" + ", ".join(exc.__name__ for exc in expected) + ")"


class RaisesContext(Generic[E]):
    """The context manager ``raises()`` returns; ``__enter__`` hands out the unfilled ExceptionInfo."""

    def __init__(
        self,
        expected: tuple[type[E], ...],
        match: str | re.Pattern[str] | None,
        check: Callable[[E], bool] | None,
    ) -> None:
        self.expected = expected
        self.match = match
        self.check = check
        self.excinfo: ExceptionInfo[E] | None = None

    def __enter__(self) -> ExceptionInfo[E]:
        self.excinfo = ExceptionInfo.for_later()
        return self.excinfo

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc_val: BaseException | None,
        exc_tb: TracebackType | None,
    ) -> bool:
        __tracebackhide__ = True
        if exc_type is None or exc_val is None or exc_tb is None:
            raise Failed(f"DID NOT RAISE {_describe(self.expected)}")
        # No type given (only match=/check=) means "anything", as in pytest 8.4+.
        if self.expected and not issubclass(exc_type, self.expected):
            return False
        if self.match is not None:
            is_group = isinstance(exc_val, BaseExceptionGroup)
            text = _stringify(exc_val, group_message_only=is_group)
            if not re.search(self.match, text):
                header = "Regex pattern did not match."
                if is_group:  # groups match on their own message, so name the group in the failure
                    header = f"Regex pattern did not match the `{exc_type.__name__}()`."
                raise AssertionError(_regex_mismatch(self.match, text, header))
        narrowed: E = exc_val  # type: ignore[assignment]  # issubclass above narrowed it at runtime
        if self.check is not None and not self.check(narrowed):
            raise AssertionError(f"check {self.check!r} did not return True")
        if self.excinfo is not None:
            self.excinfo.fill_unfilled((exc_type, narrowed, exc_tb))  # type: ignore[arg-type]
        return True

    def __repr__(self) -> str:
        return f"RaisesContext({_describe(self.expected)})"


@overload
def raises(
    expected_exception: ExpectedArg[E],
    *,
    match: str | re.Pattern[str] | None = ...,
    check: Callable[[E], bool] | None = ...,
) -> RaisesContext[E]: ...


@overload
def raises(
    *,
    match: str | re.Pattern[str],
    check: Callable[[BaseException], bool] | None = ...,
) -> RaisesContext[BaseException]: ...


@overload
def raises(*, check: Callable[[BaseException], bool]) -> RaisesContext[BaseException]: ...


@overload
def raises(
    expected_exception: ExpectedArg[E], func: Callable[..., Any], *args: Any, **kwargs: Any
) -> ExceptionInfo[E]: ...


def raises(
    expected_exception: ExpectedArg[E] | None = None, *args: Any, **kwargs: Any
) -> RaisesContext[E] | ExceptionInfo[E]:
    """Assert that a block or a call raises ``expected_exception`` (a type or a tuple of types).

    Context-manager form accepts ``match=`` (``re.search`` against the message and notes) and
    ``check=`` (a predicate on the exception). The call form passes every extra argument to ``func``.
    """
    __tracebackhide__ = True
    if not args:
        match = kwargs.pop("match", None)
        check = kwargs.pop("check", None)
        if kwargs:
            names = ", ".join(sorted(kwargs))
            raise TypeError(f"Unexpected keyword arguments passed to raises: {names}")
        expected = _validate_expected(expected_exception) if expected_exception is not None else ()
        if not expected and match is None and check is None:
            raise ValueError("You must specify at least one parameter to match on.")
        return RaisesContext(expected, match, check)  # type: ignore[arg-type]

    func, *call_args = args
    if not callable(func):
        raise TypeError(f"{func!r} object (type: {type(func)}) must be callable")
    expected = _validate_expected(expected_exception)
    try:
        func(*call_args, **kwargs)
    except expected as exc:
        # Start the traceback at the user's function: this frame is runner plumbing.
        tb = exc.__traceback__.tb_next if exc.__traceback__ is not None else None
        return ExceptionInfo.from_exc_info((type(exc), exc, tb or exc.__traceback__))  # type: ignore[arg-type]
    raise Failed(f"DID NOT RAISE {_describe(expected)}")
