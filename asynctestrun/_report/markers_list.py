"""``--markers``: the marks a run knows, each with what it does, as pytest lists them.

The suite's own come first (the ini's ``markers`` lines, then those conftests and plugins added), then
the marks of the async plugins and of the installed plugins asynctestrun stands in for, then pytest's
built-in ones.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import TextIO

# Descriptions of the marks asynctestrun itself gives meaning to.
_ASYNC_MARKS = {
    "asyncio": "asyncio(loop_scope=...): run this coroutine test on an asyncio event loop, the one of "
    "the given loop scope (function, class, module, package or session)",
    "anyio": "anyio: run this coroutine test through anyio, on the backend the anyio_backend fixture names",
}
_BUILTIN_MARKS = {
    "filterwarnings": "filterwarnings(warning): apply a warnings filter (as -W) while this test runs",
    "skip": "skip(reason=None): do not run this test; report it as skipped",
    "skipif": "skipif(condition, ..., *, reason=...): skip this test when any condition is true",
    "xfail": "xfail(condition, ..., *, reason=..., run=True, raises=None, strict=xfail_strict): this "
    "test is expected to fail when the conditions hold; run=False does not even run it, raises= "
    "names the exceptions that count as the expected failure",
    "parametrize": "parametrize(argnames, argvalues): run this test once for each set of argument "
    "values; ids= names them",
    "usefixtures": "usefixtures(fixturename1, fixturename2, ...): set these fixtures up for the test "
    "without passing them to it",
    "tryfirst": "tryfirst: call this hook implementation as early as possible (deprecated: use "
    "@pytest.hookimpl(tryfirst=True))",
    "trylast": "trylast: call this hook implementation as late as possible (deprecated: use "
    "@pytest.hookimpl(trylast=True))",
}


def print_markers(
    registered: Iterable[str],
    async_marks: Iterable[str],
    plugin_marks: Iterable[str],
    out: TextIO | None = None,
) -> None:
    """``registered``: ``markers`` lines ("name(args): description"), in the order they were added."""
    out = out or sys.stdout
    lines = [_line(entry) for entry in registered]
    lines += [_ASYNC_MARKS[name] for name in async_marks if name in _ASYNC_MARKS]
    lines += [f"{name}: registered by an installed plugin" for name in sorted(plugin_marks)]
    lines += list(_BUILTIN_MARKS.values())
    for line in lines:
        out.write(f"@pytest.mark.{line}\n\n")


def _line(entry: str) -> str:
    name, sep, description = entry.partition(":")
    return f"{name.strip()}:{description}" if sep else f"{name.strip()}:"
