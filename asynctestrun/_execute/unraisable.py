"""Exceptions nobody could catch: raised in ``__del__`` (or a finalizer) and in threads, as pytest does.

Python hands an exception raised where no caller can see it (an object's ``__del__``, a warning made an
error inside a coroutine's finalizer, an unclosed file's ResourceWarning under ``-W error``) to
``sys.unraisablehook``, and one that ends a thread to ``threading.excepthook``. Both print to stderr
and the test goes on green. pytest instead keeps them and, at the end of each phase that completed
(set-up, call, teardown), turns each into a ``PytestUnraisableExceptionWarning`` or
``PytestUnhandledThreadExceptionWarning``: a warning in the test's summary normally, the phase's
failure when warnings are errors (``filterwarnings = error``), which is how many suites run.

What only the last garbage collection frees (a cycle holding an unclosed socket) is caught after
the last test, under the session's filters as pytest's clean-up runs: a ResourceWarning made an
error there becomes an unraisable exception, and that one made an error too ends the run the way
pytest's does, after the summary, with its traceback and exit status 1 (``SessionEndError``).
"""

from __future__ import annotations

import gc
import sys
import threading
import traceback
import warnings
from collections import deque
from collections.abc import Callable
from typing import Any

from .._declare.pytest_warnings import PytestUnhandledThreadExceptionWarning, PytestUnraisableExceptionWarning

_TRACEMALLOC_HINT = (
    "Enable tracemalloc to get traceback where the object was allocated.\n"
    "See https://docs.pytest.org/en/stable/how-to/capture-warnings.html#resource-warnings for more info."
)


class _Caught:
    __slots__ = ("cause_msg", "exc_value", "msg")

    def __init__(self, summary: str, exc: tuple[Any, Any, Any], source: object) -> None:
        text = "".join(traceback.format_exception(*exc)) if exc[0] is not None else ""
        where = "\n" + allocated_at(source)
        self.msg = f"{summary}\n\n{text}{where}"
        self.cause_msg = summary + where
        self.exc_value: BaseException | None = exc[1]


class SessionEndError(Exception):
    """Unraisable exceptions the session's warning filters turned into errors after the last test, or
    an exception escaping a session-end hook: ``error`` is what escapes pytest's session, its
    traceback the run's last output (a SystemExit: the process exits with it)."""

    def __init__(self, error: BaseException) -> None:
        super().__init__(str(error))
        self.error = error


class HookedErrors:
    """Holds what the two hooks caught until the running phase asks for it."""

    def __init__(self) -> None:
        self._unraisable: deque[_Caught] = deque()
        self._thread: deque[_Caught] = deque()
        self._saved: tuple[Any, Any] | None = None

    def install(self) -> None:
        self._saved = (sys.unraisablehook, threading.excepthook)
        sys.unraisablehook = self._on_unraisable
        threading.excepthook = self._on_thread

    def uninstall(
        self, session_filters: Callable[[], None]
    ) -> tuple[list[tuple[str, str]], BaseException | None]:
        """Restore the hooks; what came in since the last test, as (warning category, text) pairs
        for the session, and the error to end the run with when the session's filters (applied by
        ``session_filters``) make an unraisable exception's warning one."""
        try:
            with warnings.catch_warnings(record=True) as shown:
                session_filters()
                gc.collect()  # finalizers of the last tests' cycles run now, while the hooks listen
                leftovers = [(PytestUnhandledThreadExceptionWarning.__name__, c.msg) for c in self._thread]
                self._thread.clear()
                error: BaseException | None = None
                try:
                    _warn_each(
                        self._unraisable,
                        PytestUnraisableExceptionWarning,
                        "multiple unraisable exception warnings",
                    )
                except Exception as exc:  # an error under the session's filters, as pytest's clean-up
                    error = exc
            leftovers += [
                (PytestUnraisableExceptionWarning.__name__, str(w.message))
                for w in shown
                if issubclass(w.category, PytestUnraisableExceptionWarning)
            ]
            return leftovers, error
        finally:
            self._unraisable.clear()
            if self._saved is not None:
                sys.unraisablehook, threading.excepthook = self._saved
                self._saved = None

    def raise_collected(self) -> None:
        """Warn about everything caught so far; raise when warnings are errors, as pytest does."""
        if self._thread:
            _warn_each(
                self._thread, PytestUnhandledThreadExceptionWarning, "multiple thread exception warnings"
            )
        if self._unraisable:
            _warn_each(
                self._unraisable, PytestUnraisableExceptionWarning, "multiple unraisable exception warnings"
            )

    def _on_unraisable(self, unraisable: Any) -> None:
        err_msg = unraisable.err_msg if unraisable.err_msg is not None else "Exception ignored in"
        summary = f"{err_msg}: {unraisable.object!r}"
        exc = (unraisable.exc_type, unraisable.exc_value, unraisable.exc_traceback)
        self._unraisable.append(_Caught(summary, exc, unraisable.object))

    def _on_thread(self, args: Any) -> None:
        name = "<unknown>" if args.thread is None else args.thread.name
        exc = (args.exc_type, args.exc_value, args.exc_traceback)
        self._thread.append(_Caught(f"Exception in thread {name}", exc, args.thread))


def _warn_each(caught: deque[_Caught], category: type[Warning], group_message: str) -> None:
    errors: list[Exception] = []
    while caught:
        item = caught.popleft()
        try:
            warnings.warn(category(item.msg), stacklevel=1)
        except category as error:  # warnings are errors here
            if item.exc_value is not None:
                # The exception's own traceback says it best: the message keeps only the summary.
                error.args = (item.cause_msg,)
                error.__cause__ = item.exc_value
            errors.append(error)
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise ExceptionGroup(group_message, errors)


def allocated_at(source: object) -> str:
    """Where ``source`` was allocated, as tracemalloc recorded it, or the hint to turn tracemalloc on;
    nothing for a warning or an unraisable exception about no object."""
    if source is None:
        return ""
    import tracemalloc

    trace = tracemalloc.get_object_traceback(source)
    if trace is None:
        return _TRACEMALLOC_HINT
    return "\nObject allocated at:\n" + "\n".join(trace.format())
