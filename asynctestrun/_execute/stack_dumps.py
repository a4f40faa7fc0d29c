"""``faulthandler_timeout``: as pytest's faulthandler plugin, when one test (set-up, call and teardown)
runs longer than that many seconds, every thread's Python stack is written to stderr and the test goes
on; with ``faulthandler_exit_on_timeout`` the process exits after writing them. It does not fail the
test: that is ``--timeout``'s job.
"""

from __future__ import annotations

import faulthandler
import os
from dataclasses import dataclass
from typing import TextIO

from .._config.config import Config
from .._config.inifile import get_bool


@dataclass(slots=True)
class StackDumps:
    after: float
    exit: bool
    # A copy of the real stderr: output capture redirects fd 2 while a test runs.
    file: TextIO

    @classmethod
    def of(cls, config: Config) -> StackDumps | None:
        try:
            after = float(str(config.ini.get("faulthandler_timeout") or 0))  # a string or number
        except ValueError:
            return None
        if after <= 0:
            return None
        exit_on_timeout = get_bool(config.ini, "faulthandler_exit_on_timeout", False)
        return cls(after, exit_on_timeout, os.fdopen(os.dup(2), "w"))

    def arm(self) -> None:
        faulthandler.dump_traceback_later(self.after, file=self.file, exit=self.exit)

    def disarm(self) -> None:
        faulthandler.cancel_dump_traceback_later()

    def close(self) -> None:
        self.file.close()
