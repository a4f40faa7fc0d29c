"""Retrying a test whose call failed, as pytest-retry does where it is installed.

Which tests: those whose closest ``flaky`` mark is pytest-retry's (``retries=``, ``delay=``,
``only_on=``, ``exclude=``, ``condition=``; a bare ``flaky`` retries once). Under ``--retries N`` or the
ini's ``retries`` every other test is marked ``flaky(retries=N)`` while collecting
(``_builtins/retry.py``).

When: the call failed. A set-up error, a teardown error, a skip and an expected failure are never
retried, nor is a test whose mark says ``condition=False``. The exception's exact type (not a subclass)
must be in the mark's ``only_on`` or not in its ``exclude``; a mark with neither uses the run's lists
from the ``pytest_set_filtered_exceptions`` / ``pytest_set_excluded_exceptions`` hooks. The test runs at
most ``retries`` more times (twice with ``retries=0``, as the plugin's loop checks the count only
after the first retry).

How: every fixture but the session's is torn down between attempts (module and class fixtures are set
up again), as the plugin's own teardown towards a made-up next item at session level does; ``delay``
seconds pass before the next attempt.

Reported: the first failed attempt as one "R" (``RETRY`` under ``-v``), each retried test once in the
closing counts as "retried" (``--retry-outcome``), and the attempts in a "the following tests were
retried" section; the last attempt is the test's result.
"""

from __future__ import annotations

import time
import traceback
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from .._model.outcomes import Phase, PhaseOutcome, PhaseResult
from .reruns import Failure

DEFAULT_RETRIES = 1
DEFAULT_OUTCOME = "retried"
# In the plugin-facing config's stash: the run's settings, whose log the stand-in's summary writes.
SETTINGS_KEY = object()


@dataclass
class RetrySettings:
    """The run-wide options, read as the plugin reads them, and the run's retry log."""

    retries: int = DEFAULT_RETRIES
    delay: float = 0.0
    outcome: str = DEFAULT_OUTCOME
    filtered: Sequence[type[BaseException]] = ()
    excluded: Sequence[type[BaseException]] = ()
    trace_limit: int | None = 1
    log: list[str] = field(default_factory=list)  # the retry section's entries, in order

    @classmethod
    def from_config(cls, config: Any) -> RetrySettings:
        """The ini values where the ini's ``retries`` is set, then the options given on the command line."""
        settings = cls()
        if config.getini("retries"):
            settings.retries = int(config.getini("retries"))
            settings.delay = float(config.getini("retry_delay"))
            settings.outcome = str(config.getini("retry_outcome"))
        retries = config.getoption("retries", None)
        if retries is not None:
            settings.retries = int(retries)
        delay = config.getoption("retry_delay", None)
        if delay is not None:
            settings.delay = float(delay)
        outcome = config.getoption("retry_outcome", None)
        if outcome is not None:
            settings.outcome = str(outcome)
        settings.filtered = tuple(_first_answer(config.hook.pytest_set_filtered_exceptions()) or ())
        settings.excluded = tuple(_first_answer(config.hook.pytest_set_excluded_exceptions()) or ())
        verbose = int(config.getoption("verbose", 0) or 0)
        if verbose > 0:
            settings.trace_limit = verbose if verbose < 5 else None
        return settings

    def policy_for(self, node: Any) -> RetryPolicy | None:
        """How ``node``'s test is retried, or None when it never is."""
        mark = node.get_closest_marker("flaky")
        if mark is None or mark.kwargs.get("condition") is False:
            return None
        only_on = mark.kwargs.get("only_on") or ()
        exclude = mark.kwargs.get("exclude") or ()
        if not only_on and not exclude:
            only_on, exclude = self.filtered, self.excluded
        return RetryPolicy(
            settings=self,
            name=node.name,
            retries=int(mark.kwargs.get("retries", self.retries)),
            delay=float(mark.kwargs.get("delay", self.delay)),
            only_on=tuple(only_on),
            exclude=tuple(exclude),
        )


def _first_answer(answers: Sequence[Any]) -> Any:
    return next((answer for answer in answers if answer is not None), None)


@dataclass
class RetryPolicy:
    """One test's retry rules, asked after each attempt's function-scope teardown."""

    settings: RetrySettings
    name: str
    retries: int
    delay: float
    only_on: tuple[type[BaseException], ...]
    exclude: tuple[type[BaseException], ...]
    attempts: int = 0
    retried: bool = False
    # Retried attempts tear down every scope but the session's (rerunfailures keeps the wider ones).
    keeps_wider_scopes = False

    def wants_rerun(self, phases: Sequence[PhaseResult], failures: Sequence[Failure]) -> bool:
        self.attempts += 1
        call = next((p for p in phases if p.phase is Phase.CALL and p.subtest is None), None)
        failed_call = call is not None and call.outcome is PhaseOutcome.FAILED
        error = next((exc for phase, exc in failures if phase is Phase.CALL), None)
        if not self.retried and not (failed_call and error is not None and self._allows(error)):
            return False  # never retried: the plugin has nothing to say about this test
        if self.retried and not failed_call:
            self._log(f" passed on attempt {self.attempts}!", None)
            return False
        # The first failure is retried whatever the count (``retries=0`` too), a later one while
        # the attempts so far are within it: ``retries=2`` runs the test three times at most.
        within = self.attempts == 1 or self.attempts <= self.retries
        wanted = within and error is not None and self._allows(error)
        if wanted:
            self._log(f" failed on attempt {self.attempts}! Retrying!", error)
            self.retried = True
        else:
            self._log(f" failed after {self.attempts} attempts!", error)
        return wanted

    def _allows(self, error: BaseException) -> bool:
        """The plugin's filter: an exact type in the list it has, else any error."""
        if self.only_on:
            return type(error) in self.only_on
        if self.exclude:
            return type(error) not in self.exclude
        return True

    def _log(self, message: str, error: BaseException | None) -> None:
        trace = ""
        if error is not None:
            # From the test's own frames: the plugin's first frame is pytest's call of the test.
            from .failures import is_internal_file

            tb = error.__traceback__
            while (
                tb is not None and tb.tb_next is not None and is_internal_file(tb.tb_frame.f_code.co_filename)
            ):
                tb = tb.tb_next
            shown = traceback.format_exception(type(error), error, tb, limit=self.settings.trace_limit)
            text = "".join(shown)
            trace = text.replace("\n", "\n\t").rstrip()
        self.settings.log.append(f"\t{self.name}{message}\n\t{trace}\n\n")

    def record(self, phases: Sequence[PhaseResult]) -> None:
        """Nothing kept of an attempt's phases: the first retry is reported once, as a count."""

    def wait(self) -> None:
        if self.delay > 0:
            time.sleep(self.delay)
