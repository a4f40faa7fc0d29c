"""The warnings asynctestrun gives that pytest has no counterpart of, as classes a suite can filter.

They are reported in the warnings summary like any other, but never raised: a suite's ``error``
filter (``filterwarnings = error``) must not fail tests that pass under pytest. An ``ignore`` filter
for them (in the ini's ``filterwarnings``, ``-W``, or a test's ``filterwarnings`` mark) silences
them, e.g. ``ignore::asynctestrun.LoopScopeWarning`` for a suite whose function-loop tests use
session-loop fixtures that return plain values on purpose.
"""

from __future__ import annotations


class AsynctestrunWarning(UserWarning):
    """Base of the warnings asynctestrun itself gives about a test."""


class LoopScopeWarning(AsynctestrunWarning):
    """A test runs on another event loop than one of its async fixtures."""


class LeakWarning(AsynctestrunWarning):
    """Tasks a test left running were still pending when its loop closed."""


class SlowCallbackWarning(AsynctestrunWarning):
    """A callback blocked the event loop for longer than the slow-callback threshold."""


BY_NAME: dict[str, type[AsynctestrunWarning]] = {
    cls.__name__: cls for cls in (LoopScopeWarning, LeakWarning, SlowCallbackWarning)
}
