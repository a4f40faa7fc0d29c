"""Rendering an exception as a test failure: the user's frames with source, ``>`` on the failing line,
``E`` lines for the error, and a one-line message for summaries.

Frames of the runner itself and of asyncio's machinery are dropped (with ``__tracebackhide__`` frames)
so a failure shows the user's code first, as pytest's does.
"""

from __future__ import annotations

import ast
import asyncio
import functools
import inspect
import linecache
import os
import sys
import textwrap
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from types import CodeType, TracebackType
from typing import Any

import asynctestrun

from .._declare.outcomes import OutcomeException, Skipped, reported_name

_ASYNCTESTRUN_DIR = os.path.dirname(asynctestrun.__file__) + os.sep
_ASYNCIO_DIR = os.path.dirname(asyncio.__file__) + os.sep
_HIDDEN_DIRS = (_ASYNCTESTRUN_DIR, _ASYNCIO_DIR)


def terminal_width() -> int:
    """The width pytest lays its report out in: the terminal's, or ``COLUMNS``, or 80 off a
    terminal; 80 when that is narrower than 40."""
    import shutil

    width = shutil.get_terminal_size(fallback=(80, 24)).columns
    return width if width >= 40 else 80


def is_internal_file(filename: str) -> bool:
    return (
        filename.startswith(_HIDDEN_DIRS)
        or filename.startswith("<frozen")
        or filename.endswith("/bin/asynctestrun")
    )


def _hidden(tb: TracebackType, *, in_runner: bool, unittest_shown: bool = False) -> bool:
    """Whether a frame stays out of a failure's traceback. ``in_runner``: the frame is between
    asynctestrun's code and the user's first frame, so an asyncio frame there is the loop running the
    test (pytest cuts those off with pytest-asyncio's own). asyncio's frames the user's code calls into
    (``wait_for``, ``asyncio.run``, a chained exception caught inside asyncio) are listed, as pytest
    lists them, and the crash is placed in them. So are the frozen import machinery's frames under
    ``importlib.import_module`` (``<frozen importlib._bootstrap>``, listed as ``???``).
    ``unittest_shown``: unittest's own frames (``assertEqual``'s) count, as for the crash location."""
    filename = tb.tb_frame.f_code.co_filename
    if filename.startswith((_ASYNCIO_DIR, "<frozen ")) and not in_runner:
        return False
    if is_internal_file(filename):
        return True
    f_locals = tb.tb_frame.f_locals
    f_globals = tb.tb_frame.f_globals
    # unittest marks its own modules with ``__unittest``; pytest leaves those frames out too.
    unittest_hidden = not unittest_shown and f_globals.get("__unittest")
    return bool(f_locals.get("__tracebackhide__") or f_globals.get("__tracebackhide__") or unittest_hidden)


def user_frames(tb: TracebackType | None, *, unittest_shown: bool = False) -> list[TracebackType]:
    frames: list[TracebackType] = []
    from_runner = tb is not None and tb.tb_frame.f_code.co_filename.startswith(_ASYNCTESTRUN_DIR)
    while tb is not None:
        if not _hidden(tb, in_runner=from_runner and not frames, unittest_shown=unittest_shown):
            frames.append(tb)
        tb = tb.tb_next
    return frames


def real_code(func: Any) -> CodeType | None:
    """The code of the function under ``functools.wraps`` decorators and partials: where a test's own
    frames start in its tracebacks."""
    for _ in range(100):
        if isinstance(func, functools.partial):
            func = func.func
        wrapped = getattr(func, "__wrapped__", None)
        if wrapped is None:
            break
        func = wrapped
    code = getattr(func, "__code__", None)
    return code if isinstance(code, CodeType) else None


def _starting_at(frames: list[TracebackType], start: CodeType) -> list[TracebackType]:
    """The frames from the test function's own on, as pytest cuts a test's traceback: a decorator's
    wrapper (or a hook that calls the test) is left out. Without the function among them (a fixture's
    error), from the first frame in the test's file; without that either (a conftest fixture's error,
    a unittest ``setUp`` from another module), all of them but those of code without a file of its
    own (frozen import machinery, exec'd ``<string>``), as pytest's ``filter_traceback`` does then."""
    for index, tb in enumerate(frames):
        code = tb.tb_frame.f_code
        if code.co_filename == start.co_filename and code.co_firstlineno == start.co_firstlineno:
            return frames[index:]
    for index, tb in enumerate(frames):
        if tb.tb_frame.f_code.co_filename == start.co_filename:
            return frames[index:]
    with_files = [tb for tb in frames if not is_generated_code(tb.tb_frame.f_code.co_filename)]
    return with_files or frames


def is_generated_code(filename: str) -> bool:
    """Whether code has no file of its own (``<string>``, ``<frozen importlib._bootstrap>``): pytest's
    test for code generated at run time."""
    return "<" in filename and ">" in filename


def exception_lines(exc: BaseException, indent: int = 8) -> list[str]:
    """The ``E`` lines: the exception as pytest's traceback ends with it, each line indented to
    ``indent`` columns after its ``E``."""
    if isinstance(exc, OutcomeException) and not isinstance(exc, Skipped):
        text = crash_message(exc)
    else:
        text = "".join(traceback.format_exception_only(type(exc), exc)).rstrip("\n")
        if type(exc).__module__.startswith("asynctestrun."):
            name = reported_name(type(exc))
            text = f"{name}: {exc}" if str(exc) else name
        elif isinstance(exc, AssertionError) and _is_assert_statement(exc):
            text = text.removeprefix("AssertionError: ")
    if isinstance(exc, BaseExceptionGroup):
        # Name what the group holds: "unhandled errors in a TaskGroup" alone says nothing.
        for index, sub in enumerate(exc.exceptions, 1):
            sub_text = "".join(traceback.format_exception_only(type(sub), sub)).strip()
            text += f"\n  [{index}] {sub_text}"
    prefix = "E" + " " * (indent - 1)
    return [prefix + line for line in text.splitlines()] or [prefix]


_statement_starts: dict[str, tuple[int, dict[int, tuple[int, int]]]] = {}


def _statement_at(filename: str, lineno: int, line_count: int) -> tuple[int, int]:
    """The first and last line of the statement holding ``lineno`` (for a compound statement, its
    header), so a failing statement written over several lines is shown whole, as pytest does."""
    cached = _statement_starts.get(filename)
    if cached is None or cached[0] != line_count:
        spans: dict[int, tuple[int, int]] = {}
        try:
            tree = ast.parse("".join(linecache.getlines(filename)))
        except (SyntaxError, ValueError, SystemError, RecursionError, MemoryError):
            # SystemError: CPython 3.11's "AST constructor recursion depth mismatch" on some deep
            # sources. Whatever stops the parse, the failure is shown with its single line instead of
            # ending the run with an internal error.
            tree = None
        if tree is not None:
            for node in ast.walk(tree):
                if isinstance(node, ast.stmt):
                    body = getattr(node, "body", None)
                    last = node.end_lineno or node.lineno
                    if isinstance(body, list) and body and isinstance(body[0], ast.stmt):
                        last = max(node.lineno, body[0].lineno - 1)
                    for number in range(node.lineno, last + 1):
                        known = spans.get(number)
                        if known is None or known[0] <= node.lineno:
                            spans[number] = (node.lineno, last)
        cached = (line_count, spans)
        _statement_starts[filename] = cached
    return cached[1].get(lineno, (lineno, lineno))


def _source(tb: TracebackType) -> tuple[str, list[str]]:
    """The file holding the frame's source and its lines. A compiled module's frame (Cython's
    ``uvloop/loop.pyx``) names its source relative to ``sys.path`` and its loader has none to give:
    the file is looked up along ``sys.path``, as ``inspect.findsource`` (so pytest) finds it."""
    filename = tb.tb_frame.f_code.co_filename
    lines = linecache.getlines(filename, tb.tb_frame.f_globals)
    if lines or os.path.isabs(filename) or filename.startswith("<"):
        return filename, lines
    for directory in sys.path:
        candidate = os.path.join(directory, filename)
        if os.path.isfile(candidate):
            return candidate, linecache.getlines(candidate)
    return filename, lines


def _long_source(tb: TracebackType) -> tuple[list[str], int]:
    """The frame's function from its first line (decorators included) to the end of the failing
    statement, dedented, with ``>`` on the failing line; and the indent for the ``E`` lines."""
    code = tb.tb_frame.f_code
    lineno = tb.tb_lineno
    linecache.checkcache(code.co_filename)
    filename, all_lines = _source(tb)
    if not all_lines or lineno > len(all_lines):
        # No source to list (code made by exec, a frozen module): pytest marks its placeholder as
        # the failing line, and the E lines follow at the placeholder's indent.
        return [">   ???"], 4
    # A module's code starts at its first line: pytest lists a module frame from there, as a
    # function's from its ``def`` (a module that fails while a test or collection imports it).
    first = min(code.co_firstlineno, lineno)
    _, last = _statement_at(filename, lineno, len(all_lines))
    last = max(last, lineno)
    # Each source line loses its trailing whitespace before the prefix goes on (pytest's
    # Code.fullsource): a blank line inside the listing still shows as four spaces.
    source = [line.rstrip().expandtabs() for line in all_lines[first - 1 : last]]
    while len(source) > lineno - first + 1 and not source[-1]:
        source.pop()
    block = textwrap.dedent("\n".join(source)).split("\n")
    lines = [(">   " if number == lineno else "    ") + text for number, text in enumerate(block, first)]
    failing = block[lineno - first]
    # The carets under the failing expression follow the failing line, as in pytest's long style.
    lines[lineno - first + 1 : lineno - first + 1] = _caret_line(tb, all_lines[lineno - 1], failing)
    return lines, 4 + len(failing) - len(failing.lstrip())


def _short_source(tb: TracebackType) -> list[str]:
    """The failing line, stripped, with ``^`` under the part that failed when that is not the
    whole line (a call inside a ``return``, an import followed by a comment), as pytest shows it."""
    _, lines = _source(tb)
    line = lines[tb.tb_lineno - 1] if 0 < tb.tb_lineno <= len(lines) else ""
    if not line:
        # No source (a function made by exec, such as SQLAlchemy's and dataclasses' generated
        # methods): pytest's placeholder instead of a blank line.
        return ["    ???"]
    return ["    " + line.strip(), *_caret_line(tb, line, line.strip())]


def _caret_line(tb: TracebackType, raw_line: str, shown: str) -> list[str]:
    """``^`` under the expression that failed in ``shown`` (the failing line as listed: stripped,
    or dedented), or nothing when it spans lines or the whole line, as pytest's
    ``get_highlight_arrows_for_line``. ``raw_line`` is the line as linecache holds it: pytest
    counts its newline and trailing spaces among the characters stripped and adds one back, so a
    line with trailing spaces (or a file's last line without a newline) shifts the carets as it
    does under pytest."""
    positions = list(tb.tb_frame.f_code.co_positions())
    index = tb.tb_lasti // 2
    if not 0 <= index < len(positions):
        return []
    start_line, end_line, start, end = positions[index]
    if start_line != tb.tb_lineno or end_line != tb.tb_lineno or start is None or end is None:
        return []
    start_char = _char_offset(raw_line, start)
    carets = _char_offset(raw_line, end) - start_char
    if carets >= len(shown.strip()):
        return []
    stripped = len(raw_line) - len(shown)
    return ["    " + " " * (start_char - stripped + 1) + "^" * carets]


def _char_offset(line: str, byte_offset: int) -> int:
    """Code positions count bytes of UTF-8; the listing counts characters."""
    return len(line.encode("utf-8")[:byte_offset].decode("utf-8", errors="replace"))


# A size limit no value reaches: pytest's ``saferepr(maxsize=None)`` keeps reprlib's container limits
# (six list items, four dict items) and drops only the cut to 240 characters.
_UNCUT = 1_000_000_000


def _args_lines(tb: TracebackType, width: int, verbosity: int) -> list[str]:
    """The frame's arguments, ``name = repr`` joined with commas and wrapped at ``width``, as pytest
    shows them above each long traceback entry. From ``-vvv`` on, pytest no longer cuts a value to
    240 characters (containers still show their first few items only)."""
    from .._rewrite.saferepr import DEFAULT_MAXSIZE, safe_repr

    maxsize = _UNCUT if verbosity > 2 else DEFAULT_MAXSIZE

    code = tb.tb_frame.f_code
    count = code.co_argcount + code.co_kwonlyargcount
    count += bool(code.co_flags & inspect.CO_VARARGS) + bool(code.co_flags & inspect.CO_VARKEYWORDS)
    frame_locals = tb.tb_frame.f_locals
    lines: list[str] = []
    current = ""
    for name in code.co_varnames[:count]:
        if name not in frame_locals:
            continue
        pair = f"{name} = {safe_repr(frame_locals[name], maxsize)}"
        if current and len(current) + len(pair) + 2 > width:
            lines.append(current)
            current = pair
        else:
            current = f"{current}, {pair}" if current else pair
    if current:
        lines.append(current)
    return lines


def _locals_lines(tb: TracebackType, verbosity: int) -> list[str]:
    """``name       = repr`` for a frame's locals, sorted, as pytest's ``--showlocals`` prints them:
    from ``-vv`` on, each value pretty-printed in full (dict keys sorted, long values over several
    lines) rather than cut short."""
    from .._rewrite.saferepr import safe_format, safe_repr

    render = safe_format if verbosity > 1 else safe_repr
    frame_locals = tb.tb_frame.f_locals
    # A module's frame (an error while a test module imports) has its globals as locals; pytest names
    # the builtins rather than printing the whole dict, without the padding of the other names.
    return [
        "__builtins__ = <builtins>"
        if name == "__builtins__"
        else f"{name:<10} = {render(frame_locals[name])}"
        for name in sorted(frame_locals)
        if not name.startswith("@")
    ]


def report_base(invocation_dir: Path) -> Path | None:
    """What a test's failure report places its frames' paths relative to: the working directory
    while it is still the one the run started in. A test that moved it (``monkeypatch.chdir``, a
    class set-up's ``os.chdir``) and has not moved it back gets absolute paths, as pytest decides in
    ``_repr_failure_py``; so does one that removed it."""
    try:
        cwd = Path(os.getcwd())
    except OSError:
        return None
    return cwd if cwd == invocation_dir else None


# Bound now: a failing test that replaced os.path.relpath (monkeypatch is undone only at teardown)
# still gets its failure reported, as under pytest, not an internal error.
_relpath = os.path.relpath


def _relative(filename: str, base: Path | None) -> str:
    """``filename`` relative to ``base`` where that is shorter (``../../venv/...`` included), as pytest
    places a traceback's frames relative to the working directory."""
    if base is None:
        return filename
    relative = _relpath(filename, base)
    return relative if len(relative) < len(filename) else filename


def crash_location(exc: BaseException) -> str | None:
    """``/abs/path.py:12``: where the exception was raised, as the last frame of the user's shows.

    As pytest's crash line, that may be a frame of unittest's own (``case.py`` for a failed
    ``assertEqual``): pytest leaves those out of the traceback it shows, but not out of the crash."""
    frames = user_frames(exc.__traceback__, unittest_shown=True)
    if not frames:
        return None
    return f"{frames[-1].tb_frame.f_code.co_filename}:{frames[-1].tb_lineno}"


def format_exception(
    exc: BaseException,
    *,
    style: str = "auto",
    relative_to: Path | None = None,
    showlocals: bool = False,
    width: int | None = None,
    start: CodeType | None = None,
    verbosity: int = 0,
    unittest_case: bool = False,
) -> str:
    """The long representation of a failure in a ``--tb`` style, laid out as pytest's.

    ``long``: each frame with its arguments, its function's source up to the failing statement and
    its location; ``auto``: the same for the first and last frame, the ones between as in ``short``
    (location, then the failing line); ``line``: the ``E`` lines only (the terminal adds the crash
    location); ``native``: Python's own traceback; ``no``: nothing. ``showlocals`` (``-l``) lists
    each long frame's local variables after it. ``verbosity`` (``-v`` counted, ``-q`` negative) lifts
    the limits on how much of a value the locals (from 2) and the arguments (from 3) show.
    ``start``, the test function's code, drops the frames before it (in each exception of a chain).
    Frames are placed relative to ``relative_to`` (the working directory, for pytest's layout) where
    that is shorter, else absolute. ``unittest_case``: the failure is a unittest ``TestCase``'s, whose
    traceback leaves out unittest's own frames (``assertEqual``'s); any other shows them.
    """
    if style == "no":
        return ""
    if width is None:
        width = terminal_width()
    if style == "native":
        return _native(exc)
    group = functools.partial(_group_text, exc, start=start)
    if style == "line":
        return _join_chain(exc, _line_text, group)
    return _join_chain(
        exc,
        functools.partial(
            _frames_text,
            style=style,
            relative_to=relative_to,
            showlocals=showlocals,
            width=width,
            start=start,
            verbosity=verbosity,
            unittest_case=unittest_case,
        ),
        group,
    )


def _line_text(exc: BaseException) -> str:
    """One exception in ``--tb=line``: only the first of its ``E`` lines is marked."""
    if exc.__traceback__ is None:
        return _never_raised(exc)
    marked = exception_lines(exc, indent=4)
    return "\n".join([marked[0], *("    " + line[4:] for line in marked[1:])])


def _frames_text(
    exc: BaseException,
    *,
    style: str,
    relative_to: Path | None,
    showlocals: bool,
    width: int,
    start: CodeType | None,
    verbosity: int,
    unittest_case: bool,
) -> str:
    """One exception of a chain in the ``long``, ``short`` or ``auto`` style: its frames, then its
    ``E`` lines."""
    if exc.__traceback__ is None:
        return _never_raised(exc)
    frames = user_frames(exc.__traceback__, unittest_shown=True)
    if start is not None:
        frames = _starting_at(frames, start)
    styled = _styled(frames, style, unittest_case=unittest_case)
    frames = [tb for tb, _ in styled]
    parts: list[str] = []
    previous_long: bool | None = None
    for index, (tb, long) in enumerate(styled):
        is_last = index == len(frames) - 1
        where = f"{_relative(tb.tb_frame.f_code.co_filename, relative_to)}:{tb.tb_lineno}"
        if previous_long is not None and (previous_long or long):
            parts.append("_ " * (width // 2))
        lines: list[str] = []
        if long:
            lines.append("")
            args = _args_lines(tb, width, verbosity)
            if args:
                lines.extend([*args, ""])
            source, indent = _long_source(tb)
            lines.extend(source)
            if is_last:
                lines.extend(exception_lines(exc, indent))
            if showlocals:
                lines.extend(["", *_locals_lines(tb, verbosity)])
            lines.extend(["", f"{where}: {type(exc).__name__ if is_last else ''}"])
        else:
            lines.extend([f"{where}: in {tb.tb_frame.f_code.co_name}", *_short_source(tb)])
            if is_last:
                lines.extend(exception_lines(exc, 4))
            if showlocals:
                # pytest lists a short frame's locals too, indented under it, with no blank line.
                lines.extend("        " + line for line in _locals_lines(tb, verbosity))
        parts.extend(lines)
        previous_long = long
    if not frames:
        parts.extend(exception_lines(exc))
    return "\n".join(parts)


def _styled(
    frames: list[TracebackType], style: str, *, unittest_case: bool
) -> list[tuple[TracebackType, bool]]:
    """Each frame shown, with whether it is shown long. In ``auto``, the first and last frame are
    long and those between short; a unittest ``TestCase``'s failure then drops unittest's own frames
    (all of them kept if that would leave none). The order matters and is pytest's: the styles are
    chosen before unittest's frames go, so a helper of the test's that called ``assertEqual`` stays
    short although it is the last frame shown.

    Worked example, a ``TestCase`` test calling ``self.check()``, which calls ``assertEqual``::

        test_x (long), check (short), case.py assertEqual (short), case.py fail (long)
        → test_x (long), check (short)
    """
    marked = [
        (tb, style == "long" or (style == "auto" and index in (0, len(frames) - 1)))
        for index, tb in enumerate(frames)
    ]
    if not unittest_case:
        return marked
    kept = [(tb, long) for tb, long in marked if not tb.tb_frame.f_globals.get("__unittest")]
    return kept or marked


def _never_raised(exc: BaseException) -> str:
    """An exception of a chain that was never raised (``raise X from ValueError(...)``) has no frames:
    pytest shows it as Python would, its type and message without ``E`` markers."""
    return "".join(traceback.format_exception_only(type(exc), exc)).rstrip("\n")


def _join_chain(
    exc: BaseException, render: Callable[[BaseException], str], render_group: Callable[[], str]
) -> str:
    """Each exception of ``exc``'s chain rendered, the oldest first, each after the line that links
    it to the one before, as pytest's report reads.

    An exception group is no frames-and-``E``-lines entry in pytest's report (pytest-dev/pytest#9159):
    its place holds ``render_group()``, Python's own layout of the failure, and the chain ends there,
    the older exceptions being in that layout already. For a group raised in a test that reads
    ``+ Exception Group Traceback ...`` with each sub-exception's frames; for an error raised from a
    group, that layout comes first, then the error's own entry below the link line."""
    chain = list(exception_chain(exc))
    groups = [index for index, link in enumerate(chain) if isinstance(link, BaseExceptionGroup)]
    if groups:
        chain = chain[: groups[0] + 1]
    text = render_group() if groups else render(chain[-1])
    for newer in reversed(chain[:-1]):
        text = f"{text}\n\n{_chain_link(newer)}\n{render(newer)}"
    return text


def _group_text(exc: BaseException, *, start: CodeType | None) -> str:
    """Where ``exc``'s chain holds an exception group: Python's traceback of ``exc`` (the failure, not
    the group: pytest formats the exception it was given), each exception in it, the sub-exceptions
    included, keeping only the frames its own entry would list (from the test function on, without
    the runner's frames or ``__tracebackhide__`` ones), as pytest filters them."""
    shown = traceback.TracebackException.from_exception(exc)
    pending: list[tuple[traceback.TracebackException, BaseException]] = [(shown, exc)]
    seen: set[int] = set()
    while pending:
        summary, raised = pending.pop()
        if id(summary) in seen:
            continue
        seen.add(id(summary))
        if raised.__traceback__ is not None:
            frames = user_frames(raised.__traceback__)
            if start is not None:
                frames = _starting_at(frames, start)
            kept = {(tb.tb_frame.f_code.co_filename, tb.tb_lineno) for tb in frames}
            summary.stack = traceback.StackSummary.from_list(
                [frame for frame in summary.stack if (frame.filename, frame.lineno) in kept]
            )
        if isinstance(raised, BaseExceptionGroup):
            pending.extend(zip(summary.exceptions or (), raised.exceptions, strict=False))
        if summary.__cause__ is not None and raised.__cause__ is not None:
            pending.append((summary.__cause__, raised.__cause__))
        if summary.__context__ is not None and raised.__context__ is not None:
            pending.append((summary.__context__, raised.__context__))
    return "".join(shown.format()).rstrip("\n")


def exception_chain(exc: BaseException | None, *, follow_context: bool = True) -> Iterator[BaseException]:
    """``exc`` and the exceptions it was raised from (and, with ``follow_context``, while handling),
    the newest first. Each is taken once, as pytest's ``repr_excinfo`` walks them: a chain that loops
    back (a library's ``raise exc from exc``, a cause set by hand) ends where it would repeat instead
    of recursing until the run fails with an internal error."""
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        yield exc
        if exc.__cause__ is not None:
            exc = exc.__cause__
        elif follow_context and not exc.__suppress_context__:
            exc = exc.__context__
        else:
            exc = None


def _chain_link(exc: BaseException) -> str:
    if exc.__cause__ is not None:
        return "The above exception was the direct cause of the following exception:"
    return "During handling of the above exception, another exception occurred:"


def _native(exc: BaseException) -> str:
    """Python's traceback, without the runner's and asyncio's frames."""
    shown = traceback.TracebackException.from_exception(exc)
    seen: set[int] = set()
    pending = [shown]
    while pending:
        current = pending.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        current.stack = traceback.StackSummary.from_list(
            [frame for frame in current.stack if not is_internal_file(frame.filename)]
        )
        pending.extend(c for c in (current.__cause__, current.__context__) if c is not None)
        pending.extend(current.exceptions or ())
    return "".join(shown.format()).rstrip("\n")


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
        # TestTimeout, the same way); XFailed by its module.
        name = reported_name(type(exc))
        if isinstance(exc, Skipped):
            return str(exc).strip()
        text = str(exc).strip()
        return "\n".join([f"{name}: {text}" if text else name, *_notes(exc)])
    text = "".join(traceback.format_exception_only(type(exc), exc)).rstrip()
    if type(exc) is AssertionError and _is_assert_statement(exc):
        text = text.removeprefix("AssertionError: ")
    return text


def _notes(exc: BaseException) -> list[str]:
    """The exception's notes, one line each, as Python's traceback module writes them below it: pytest
    shows them under an outcome exception too (hypothesis notes its failing example on ``pytest.fail``)."""
    notes = getattr(exc, "__notes__", None)
    if not isinstance(notes, list | tuple):
        return []
    return [line for note in notes for line in str(note).split("\n")]


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
