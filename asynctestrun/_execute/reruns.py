"""Rerunning a failed test, as pytest-rerunfailures does where it is installed.

Which tests: those marked ``@pytest.mark.flaky(reruns=N)`` (or ``flaky(N)``, or bare ``flaky``: once),
and under ``--reruns N`` / ini ``reruns`` every other test; ``--force-reruns N`` overrides both and
``--reruns-mode append`` adds the global count to the mark's. A test under a ``--rerun-exclude-path``
is never rerun.

When: an attempt failed in set-up, call or teardown (a failed subtest fails the call), no phase was an
expected failure, the error is one ``only_rerun`` lets through and ``rerun_except`` does not ("Type:
message" searched with each regular expression, or an exception class, along the exception's chain),
the mark's ``condition`` holds (a bool, a string evaluated like ``skipif``'s with ``error`` bound, or a
callable given the error), and ``--max-suite-reruns`` is not used up.

How: only the test's own function scope is torn down between attempts; wider scopes stay, except
that a wider fixture whose set-up failed is forgotten so the next attempt sets it up again. Each
attempt after the first starts ``delay * backoff ** (attempt - 1)`` seconds later. The failed attempts
travel in the final ``TestResult.reruns``; reporters show them as pytest does ("R", "N rerun").
"""

from __future__ import annotations

import inspect
import os
import platform
import re
import sys
import time
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .._model.marks import Mark
from .._model.outcomes import Phase, PhaseOutcome, PhaseResult
from .failures import exception_chain

Failure = tuple[Phase, BaseException | None]


@dataclass
class RerunSettings:
    """The run-wide options, and what the run has spent of them."""

    reruns: int | None = None
    force_reruns: int | None = None
    append: bool = False
    delay: float | None = None
    backoff: float | None = None
    only_rerun: tuple[str, ...] = ()
    rerun_except: tuple[str, ...] = ()
    exclude_paths: tuple[Path, ...] = ()
    max_suite_reruns: int | None = None
    fail_on_flaky: bool = False
    spent: int = 0  # reruns so far, against --max-suite-reruns
    rerun_tests: int = 0  # tests that had more than one attempt, for --fail-on-flaky
    config: Any = field(default=None, repr=False)

    @classmethod
    def from_config(cls, config: Any, rootdir: Path) -> RerunSettings:
        """Read from ``config`` (the plugin-facing config), validated as the plugin does: a bad
        regular expression or a negative suite limit is a usage error."""
        from .._config.config import ConfigError

        option = config.option
        reruns = getattr(option, "reruns", None)
        if reruns is None:
            reruns = _int_or_none(config.getini("reruns"))
        delay = getattr(option, "reruns_delay", None)
        if delay is None:
            delay = _float_or_none(config.getini("reruns_delay"))
        backoff = getattr(option, "reruns_delay_backoff_factor", None)
        if backoff is None:
            backoff = _float_or_none(config.getini("reruns_delay_backoff_factor"))
        patterns: dict[str, tuple[str, ...]] = {}
        for name in ("only_rerun", "rerun_except"):
            values = getattr(option, name, None) or config.getini(name) or []
            for pattern in values:
                try:
                    re.compile(pattern)
                except re.error as exc:
                    raise ConfigError(f"invalid regular expression for {name}: {pattern!r} ({exc})") from None
            patterns[name] = tuple(values)
        max_suite = getattr(option, "max_suite_reruns", None)
        if max_suite is not None and max_suite < 0:
            raise ConfigError("--max-suite-reruns must be >= 0")
        return cls(
            reruns=reruns,
            force_reruns=getattr(option, "force_reruns", None),
            append=getattr(option, "reruns_mode", "strict") == "append",
            delay=delay,
            backoff=backoff,
            only_rerun=patterns["only_rerun"],
            rerun_except=patterns["rerun_except"],
            exclude_paths=tuple(rootdir / p for p in getattr(option, "rerun_exclude_path", None) or ()),
            max_suite_reruns=max_suite,
            fail_on_flaky=bool(getattr(option, "fail_on_flaky", False)),
            config=config,
        )

    def claims(self, node: Any) -> bool:
        """Whether the plugin's runtest protocol runs ``node``'s test itself rather than leaving it to
        the next plugin's (box/flaky's): it does for every test it has a rerun count for, even 0."""
        return not self._excluded(node) and self._count(node.get_closest_marker("flaky")) is not None

    def policy_for(self, node: Any) -> RerunPolicy | None:
        """How ``node``'s test may be rerun, or None when it never is."""
        if self._excluded(node):
            return None
        mark: Mark | None = node.get_closest_marker("flaky")
        count = self._count(mark)
        if count is None or count <= 0:
            return None
        return RerunPolicy(
            settings=self,
            node=node,
            count=int(count),
            delay=self._delay(mark),
            backoff=self._backoff(mark),
            only_rerun=_patterns(mark, "only_rerun", self.only_rerun),
            rerun_except=_patterns(mark, "rerun_except", self.rerun_except),
            mark=mark,
        )

    def _excluded(self, node: Any) -> bool:
        """Under a ``--rerun-exclude-path``; the Path is built only when there is something to check."""
        if not self.exclude_paths:
            return False
        path = Path(node.path)
        return any(path.is_relative_to(excluded) for excluded in self.exclude_paths)

    def _count(self, mark: Mark | None) -> int | None:
        if self.force_reruns is not None:
            return self.force_reruns
        if mark is None:
            return self.reruns
        count: int = mark.kwargs["reruns"] if "reruns" in mark.kwargs else (mark.args[0] if mark.args else 1)
        if self.append and self.reruns is not None:
            return count + self.reruns
        return count

    def _delay(self, mark: Mark | None) -> float:
        if mark is not None:
            delay = mark.kwargs.get("reruns_delay", mark.args[1] if len(mark.args) > 1 else 0)
        else:
            delay = self.delay or 0
        if delay < 0:
            warnings.warn("a negative delay between reruns is ignored (no delay)", stacklevel=1)
            return 0.0
        return float(delay)

    def _backoff(self, mark: Mark | None) -> float:
        if mark is not None:
            factor = mark.kwargs.get(
                "reruns_delay_backoff_factor", mark.args[2] if len(mark.args) > 2 else 1.0
            )
        else:
            factor = self.backoff if self.backoff is not None else 1.0
        if factor < 0:
            warnings.warn("a negative rerun delay backoff factor is ignored (1.0)", stacklevel=1)
            return 1.0
        return float(factor)


@dataclass
class RerunPolicy:
    """One test's rerun rules, asked after each attempt's own teardown."""

    settings: RerunSettings
    node: Any
    count: int
    delay: float
    backoff: float
    only_rerun: Sequence[str | type[BaseException]]
    rerun_except: Sequence[str | type[BaseException]]
    mark: Mark | None
    attempts: list[PhaseResult] = field(default_factory=list)  # the failed phase of each rerun attempt

    keeps_wider_scopes = True  # only the test's function scope is torn down between attempts

    def wants_rerun(self, phases: Sequence[PhaseResult], failures: Sequence[Failure]) -> bool:
        """Whether the attempt with these phases and failures is rerun; if so it counts as one."""
        if len(self.attempts) >= self.count or not failures:
            return False
        if any(p.xfail for p in phases if p.subtest is None):
            return False
        if any(self._hard_failure(exc) for _, exc in failures):
            return False
        if not self._condition_holds(failures):
            return False
        settings = self.settings
        if settings.max_suite_reruns is not None and settings.spent >= settings.max_suite_reruns:
            return False
        settings.spent += 1
        return True

    def record(self, phases: Sequence[PhaseResult]) -> None:
        """Keep the failed phase of an attempt that is being rerun, for the reports."""
        self.attempts.append(
            next(p for p in phases if p.outcome is PhaseOutcome.FAILED and p.subtest is None)
        )

    def wait(self) -> None:
        """The pause before the next attempt."""
        pause = self.delay * self.backoff ** (len(self.attempts) - 1)
        if pause > 0:
            time.sleep(pause)

    def _hard_failure(self, exc: BaseException | None) -> bool:
        """An error the filters say not to rerun on (``only_rerun`` misses it or ``rerun_except``
        names it). Without an exception (a strict xpass) only the filters' presence matters."""
        if not self.only_rerun and not self.rerun_except:
            return False
        wanted = not self.only_rerun or _matches(self.only_rerun, exc, follow_context=True)
        excepted = bool(self.rerun_except) and _matches(self.rerun_except, exc, follow_context=False)
        return not wanted or excepted

    def _condition_holds(self, failures: Sequence[Failure]) -> bool:
        if self.mark is None or "condition" not in self.mark.kwargs:
            return True
        condition = self.mark.kwargs["condition"]
        if not callable(condition) and not isinstance(condition, str):
            failures = failures[:1]  # a plain value does not depend on the error
        return any(self._evaluate(condition, exc) for _, exc in failures)

    def _evaluate(self, condition: object, error: BaseException | None) -> bool:
        try:
            if callable(condition):
                return bool(condition(error) if _takes_one_argument(condition) else condition())
            if isinstance(condition, str):
                namespace: dict[str, Any] = {
                    "os": os,
                    "sys": sys,
                    "platform": platform,
                    "config": self.settings.config,
                }
                namespace.update(getattr(self.node.function, "__globals__", {}))
                namespace["error"] = error
                return bool(eval(compile(condition, "<flaky condition>", "eval"), namespace))
            return bool(condition)
        except Exception as exc:
            # As the plugin: a broken condition warns and means "do not rerun".
            warnings.warn(f"Error evaluating 'flaky' condition: {type(exc).__name__}: {exc}", stacklevel=1)
            return False


def forget_failed_fixtures(state: Any, fixturenames: Sequence[str]) -> None:
    """Drop the cached set-up errors of the test's wider fixtures, so its next attempt runs them again
    (a cached error would otherwise fail every attempt the same way)."""
    names = set(fixturenames)
    for fixturedef, cached in list(state.cache.items()):
        if cached.error is not None and fixturedef.name in names:
            state.finish(fixturedef)


def _patterns(mark: Mark | None, name: str, default: tuple[str, ...]) -> Sequence[str | type[BaseException]]:
    if mark is None or name not in mark.kwargs:
        return default
    value = mark.kwargs[name]
    if isinstance(value, str) or (isinstance(value, type) and issubclass(value, BaseException)):
        return (value,)
    return tuple(value or ())


def _matches(
    patterns: Sequence[str | type[BaseException]], exc: BaseException | None, *, follow_context: bool
) -> bool:
    for link in exception_chain(exc, follow_context=follow_context):
        text = f"{type(link).__name__}: {link}"
        for pattern in patterns:
            if isinstance(pattern, type):
                if isinstance(link, pattern):
                    return True
            elif re.search(pattern, text):
                return True
    return False


def _takes_one_argument(func: Any) -> bool:
    try:
        signature = inspect.signature(func)
    except (TypeError, ValueError):
        return True
    try:
        signature.bind(None)
    except TypeError:
        return False
    return True


def _int_or_none(value: object) -> int | None:
    try:
        return int(value)  # type: ignore[call-overload,no-any-return]
    except (TypeError, ValueError):
        return None


def _float_or_none(value: object) -> float | None:
    try:
        return float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
