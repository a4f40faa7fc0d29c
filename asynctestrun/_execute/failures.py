"""Rendering an exception as a test failure: the user's frames with source, ``>`` on the failing line,
``E`` lines for the error, and a one-line message for summaries.

Frames of the runner itself and of asyncio's machinery are dropped (with ``__tracebackhide__`` frames)
so a failure shows the user's code first, as pytest's does.
"""

from __future__ import annotations

import asyncio
import linecache
import os
import traceback
from pathlib import Path
from types import TracebackType

import asynctestrun

from .._declare.outcomes import OutcomeException, Skipped

_HIDDEN_DIRS = (
    os.path.dirname(asynctestrun.__file__) + os.sep,
    os.path.dirname(asyncio.__file__) + os.sep,
)


def is_internal_file(filename: str) -> bool:
    return (
        filename.startswith(_HIDDEN_DIRS)
        or filename.startswith("<frozen")
        or filename.endswith("/bin/asynctestrun")
    )


def _hidden(tb: TracebackType) -> bool:
    filename = tb.tb_frame.f_code.co_filename
    if is_internal_file(filename):
        return True
    f_locals = tb.tb_frame.f_locals
    return bool(f_locals.get("__tracebackhide__")) or bool(tb.tb_frame.f_globals.get("__tracebackhide__"))


def user_frames(tb: TracebackType | None) -> list[TracebackType]:
    frames: list[TracebackType] = []
    while tb is not None:
        if not _hidden(tb):
            frames.append(tb)
        tb = tb.tb_next
    return frames


def exception_lines(exc: BaseException) -> list[str]:
    text = "".join(traceback.format_exception_only(type(exc), exc)).rstrip("\n")
    if type(exc).__module__.startswith("asynctestrun."):
        # pytest.fail()/skip() outcomes read "Failed: message", without our module path.
        text = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    if isinstance(exc, AssertionError):
        body = str(exc)
        text = f"AssertionError: {body}" if body else "AssertionError"
        if body.startswith(("assert ", "assert\n")) or "\nassert " in body:
            text = body
    if isinstance(exc, BaseExceptionGroup):
        # Name what the group holds: "unhandled errors in a TaskGroup" alone says nothing.
        for index, sub in enumerate(exc.exceptions, 1):
            sub_text = "".join(traceback.format_exception_only(type(sub), sub)).strip()
            text += f"\n  [{index}] {sub_text}"
    return [f"E       {line}" if line else "E" for line in text.splitlines()] or ["E"]


def _source_block(tb: TracebackType, full: bool) -> list[str]:
    code = tb.tb_frame.f_code
    filename = code.co_filename
    lineno = tb.tb_lineno
    first = code.co_firstlineno
    lines: list[str] = []
    start = max(first, lineno - 12) if full else lineno
    linecache.checkcache(filename)
    for number in range(start, lineno + 1):
        line = linecache.getline(filename, number, tb.tb_frame.f_globals).rstrip("\n")
        marker = ">   " if number == lineno else "    "
        lines.append(f"{marker}{line}")
    return lines


def _locals_lines(tb: TracebackType) -> list[str]:
    """``name       = repr`` for a frame's locals, sorted, as pytest's ``--showlocals`` prints them."""
    from .._rewrite.saferepr import safe_repr

    frame_locals = tb.tb_frame.f_locals
    return [
        f"{name:<10} = {safe_repr(frame_locals[name])}"
        for name in sorted(frame_locals)
        if not name.startswith("@") and name != "__tracebackhide__"
    ]


def _relative(filename: str, rootdir: Path | None) -> str:
    if rootdir is None:
        return filename
    try:
        return Path(filename).relative_to(rootdir).as_posix()
    except ValueError:
        return filename


def format_exception(
    exc: BaseException, *, style: str = "auto", rootdir: Path | None = None, showlocals: bool = False
) -> str:
    """The long representation of a failure, in ``--tb`` style ``auto``/``long``/``short``/``line``/``no``;
    ``showlocals`` (``-l``) lists each full frame's local variables after it, as pytest does."""
    if style == "no":
        return ""
    frames = user_frames(exc.__traceback__)
    if style == "line":
        if frames:
            last = frames[-1]
            where = f"{_relative(last.tb_frame.f_code.co_filename, rootdir)}:{last.tb_lineno}"
        else:
            where = "?"
        return f"{where}: {one_line(exc)}"
    blocks: list[str] = []
    for index, tb in enumerate(frames):
        is_last = index == len(frames) - 1
        full = style == "long" or (style == "auto" and (index == 0 or is_last))
        where = f"{_relative(tb.tb_frame.f_code.co_filename, rootdir)}:{tb.tb_lineno}"
        lines = (
            _source_block(tb, full)
            if full
            else [f"{where}: in {tb.tb_frame.f_code.co_name}", *_source_block(tb, False)]
        )
        if is_last:
            lines.extend(exception_lines(exc))
        if showlocals and full:
            lines.append("")
            lines.extend(_locals_lines(tb))
        if is_last:
            lines.append("")
            lines.append(f"{where}: {type(exc).__name__}")
        elif full:
            lines.append("")
            lines.append(f"{where}: ")
        blocks.append("\n".join(lines))
    if not blocks:
        blocks.append("\n".join(exception_lines(exc)))
    text = "\n_ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _\n\n".join(
        blocks
    )
    cause = exc.__cause__ or (exc.__context__ if not exc.__suppress_context__ else None)
    if cause is not None and style in ("auto", "long"):
        link = (
            "The above exception was the direct cause of the following exception:"
            if exc.__cause__ is not None
            else "During handling of the above exception, another exception occurred:"
        )
        shown = format_exception(cause, style=style, rootdir=rootdir, showlocals=showlocals)
        text = f"{shown}\n\n{link}\n\n{text}"
    return text


def one_line(exc: BaseException) -> str:
    """The first line of ``crash_message``: what a one-line summary shows."""
    return crash_message(exc).split("\n", 1)[0]


def crash_message(exc: BaseException) -> str:
    """The exception as pytest's reports carry it: ``Type: message`` with the type module-qualified
    when it is not a builtin, notes on the following lines; a failed ``assert`` without a message of
    its own as just ``assert ...``; a group holding one exception as that exception's repr."""
    if isinstance(exc, BaseExceptionGroup):
        single = _single_leaf(exc)
        if single is not None:
            return f"{single!r} [single exception in {type(exc).__name__}]"
    if isinstance(exc, OutcomeException):
        # pytest's outcome exceptions present themselves as builtins: "Failed: reason" (and ours,
        # TestTimeout, the same way).
        name = type(exc).__name__
        if isinstance(exc, Skipped):
            return str(exc).strip()
        text = str(exc).strip()
        return f"{name}: {text}" if text else name
    text = "".join(traceback.format_exception_only(type(exc), exc)).rstrip()
    if type(exc) is AssertionError and _is_assert_statement(exc):
        text = text.removeprefix("AssertionError: ")
    return text


def _single_leaf(group: BaseExceptionGroup[BaseException]) -> BaseException | None:
    if len(group.exceptions) != 1:
        return None
    inner = group.exceptions[0]
    return _single_leaf(inner) if isinstance(inner, BaseExceptionGroup) else inner


def _is_assert_statement(exc: AssertionError) -> bool:
    """Whether the error reads as a failed ``assert`` statement, the way pytest decides it: its repr
    starts ``AssertionError('assert `` (so a message quoted with double quotes, because it holds a
    single quote, does not count)."""
    try:
        return repr(exc).startswith("AssertionError('assert ")
    except Exception:
        return False
