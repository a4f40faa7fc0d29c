"""The worker's reporter: every event as one JSON line (``_model.serialize``).

A worker process (``--worker-jsonl``) has this as its only reporter; the parent
(``_execute.workers``) reads the lines, merges the streams of all workers and feeds its own reporters.
The parent tells a crash from a slow test by what it has received, so a test's start and finish, and
the session's milestones, are flushed at once; the rest (loop scopes opening and closing, warnings)
waits for the next flush, which is never later than the next test's start. That halves the writes a
test costs the worker. Loop scopes opening and closing are not sent at all: they are most of the lines
of an async suite, and the parent's reporters have no use for them (none of them reads those events).

``open_worker_stream`` gives the worker a private channel for the lines. Test code, fixtures, C
extensions and ``-s`` runs all write to file descriptor 1, and one stray ``print`` on the event stream
would corrupt it; so the stream is a duplicate of the original fd 1, and fd 1 itself is pointed at
stderr (which the parent keeps for crash reports). Output capture then works exactly as in a normal run.
"""

from __future__ import annotations

import io
import os
import signal
import sys
from typing import IO, BinaryIO, cast

from .._execute.stack_dumps import enable_crash_dumps
from .._model.events import (
    CollectionFinished,
    Event,
    FixtureShown,
    LiveLogged,
    LoopScopeClosed,
    LoopScopeOpened,
    SessionFinished,
    SessionStarted,
    TestFinished,
    TestShown,
    TestStarted,
)
from .._model.serialize import event_to_json


class JsonLinesReporter:
    """Writes to a binary stream, or to a text stream (anything derived from ``io.TextIOBase``)."""

    def __init__(self, stream: IO[bytes] | IO[str]) -> None:
        self._text: IO[str] | None = None
        self._binary: IO[bytes] | None = None
        if isinstance(stream, io.TextIOBase):
            self._text = cast("IO[str]", stream)
        else:
            self._binary = cast("IO[bytes]", stream)

    def handle(self, event: Event) -> None:
        if isinstance(event, (LoopScopeOpened, LoopScopeClosed, FixtureShown, TestShown, LiveLogged)):
            return  # for the terminal alone
        line = event_to_json(event) + "\n"  # ASCII by construction
        flush = isinstance(event, _FLUSHED)
        if self._text is not None:
            self._text.write(line)
            if flush:
                self._text.flush()
        elif self._binary is not None:
            self._binary.write(line.encode("ascii"))
            if flush:
                self._binary.flush()


_FLUSHED = (TestStarted, TestFinished, SessionStarted, CollectionFinished, SessionFinished)


def open_worker_stream() -> BinaryIO:
    """Take fd 1 for the event stream and send everything else written to fd 1 to stderr instead.

    Call it first thing in a worker, before plugins and conftests are imported, so even import-time
    prints cannot reach the stream. The returned file is not inherited by subprocesses tests start,
    so the parent sees end-of-file exactly when the worker exits.

    It also points ``faulthandler`` at a copy of the real stderr (as pytest does): output capture
    redirects fd 2 while a test runs, and a segfault's Python traceback is what the parent's crash
    report shows from the worker's stderr. And it makes SIGINT raise KeyboardInterrupt even when the
    parent was started with SIGINT ignored (a background job in a script): the parent asks workers to
    stop, tearing their fixtures down, with exactly that signal.
    """
    signal.signal(signal.SIGINT, signal.default_int_handler)
    sys.stdout.flush()
    private = os.dup(1)  # os.dup makes non-inheritable descriptors
    os.dup2(2, 1)
    enable_crash_dumps()
    return os.fdopen(private, "wb")
