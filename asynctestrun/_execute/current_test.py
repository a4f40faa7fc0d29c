"""``PYTEST_CURRENT_TEST``: the environment variable naming the running test and its phase.

pytest's runner sets it to ``"<node id> (setup|call|teardown)"`` in its own ``pytest_runtest_setup``,
``_call`` and ``_teardown`` implementations, and removes it once the test's teardown (the wider
fixtures the next test does not share included) is done. Code under test reads it to know it runs
under pytest: pyatv's ``@deprecated`` stays quiet there, and warned 18 times under asynctestrun.

pluggy calls a conftest's implementation of those hooks before the runner's, so a conftest's
``pytest_runtest_setup`` sees no variable, its ``pytest_runtest_call`` still the ``(setup)`` value and
its ``pytest_runtest_teardown`` the ``(call)`` one; the callers set it right after those hooks for that.
"""

from __future__ import annotations

import os
from typing import Literal

_NAME = "PYTEST_CURRENT_TEST"


def enter_phase(nodeid: str, phase: Literal["setup", "call", "teardown"]) -> None:
    # The phase's name as a string, not a Phase: this runs three times a test, and an Enum's hash is a
    # Python-level call.
    value = f"{nodeid} ({phase})"
    if "\x00" in value:  # an environment variable cannot hold one; pytest writes "(null)" in its place
        value = value.replace("\x00", "(null)")
    os.environ[_NAME] = value


def leave_test() -> None:
    os.environ.pop(_NAME, None)
