"""Python stacks on stderr, as pytest's faulthandler plugin writes them: on a crash (a segfault in C
code), and with ``faulthandler_timeout`` when one test (set-up, call and teardown) runs longer than that
many seconds. Then the test goes on (with ``faulthandler_exit_on_timeout`` the process exits after
writing them): failing it is ``--timeout``'s job.

Both write to one copy of the real stderr per process: output capture redirects fd 2 while a test
runs, and the stacks must not end up in a test's captured output.
"""

from __future__ import annotations

import faulthandler
import functools
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:  # a worker imports this module first thing, before any configuration is read
    from .._config.config import Config


@functools.cache
def stderr_copy() -> TextIO:
    """The process's copy of the real stderr, made on first use (faulthandler keeps the file)."""
    return os.fdopen(os.dup(2), "w")


def enable_crash_dumps() -> None:
    faulthandler.enable(file=stderr_copy(), all_threads=True)


@dataclass(slots=True)
class StackDumps:
    after: float
    exit: bool

    @classmethod
    def of(cls, config: Config) -> StackDumps | None:
        from .._config.inifile import get_bool

        try:
            after = float(str(config.ini.get("faulthandler_timeout") or 0))  # a string or number
        except ValueError:
            return None
        if after <= 0:
            return None
        exit_on_timeout = get_bool(config.ini, "faulthandler_exit_on_timeout", False)
        return cls(after, exit_on_timeout)

    def arm(self) -> None:
        faulthandler.dump_traceback_later(self.after, file=stderr_copy(), exit=self.exit)

    def disarm(self) -> None:
        faulthandler.cancel_dump_traceback_later()
