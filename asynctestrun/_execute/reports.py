"""``pytest_runtest_makereport``: the per-phase report conftests and plugins look at.

The common use is pytest's documented recipe for "test result information in fixtures": a hook
wrapper takes the report of each phase and stores it on the item (``item.rep_call``), and a fixture's
teardown reads ``request.node.rep_call.failed``. So after each phase the runner builds a report from
the phase's result and passes it through the implementations, wrappers around plain ones as pluggy
does: old-style ``hookwrapper=True`` generators receive an outcome object, new-style ``wrapper=True``
ones the report itself. A report whose outcome a hook changed or replaced becomes the phase's result,
as pytest reports what the hook returns.
"""

from __future__ import annotations

import contextlib
import inspect
from collections.abc import Callable, Generator
from time import time  # bound now, as pytest's timing module: a test replacing time.time is no matter
from types import GenericAlias
from typing import Any, ClassVar

from .._collect.hooks import HookOutcome, call_with_declared, hook_option, is_wrapper
from .._model.outcomes import PhaseOutcome, PhaseResult
from .reprs import FailureRepr, ReprFileLocation


class CallInfo:
    """What ``call`` is in the hook: the phase and the exception it ended with, if any."""

    # ``CallInfo[None]`` in a plugin's annotations (pytest-check's) is evaluated when it is imported.
    __class_getitem__: ClassVar[Any] = classmethod(GenericAlias)

    def __init__(self, when: str, excinfo: Any, duration: float) -> None:
        self.when = when
        self.excinfo = excinfo
        self.result: Any = None
        self.stop = time()
        self.start = self.stop - duration
        self.duration = duration

    def __repr__(self) -> str:
        return f"<CallInfo when={self.when!r} excinfo={self.excinfo!r}>"


class TestReport:
    """A phase's report, with the attributes conftests read."""

    __test__ = False  # a class named Test* in a module that pytest-style collectors might scan

    def __init__(self, item: Any, result: PhaseResult, sections: list[tuple[str, str]]) -> None:
        self.nodeid: str = item.nodeid
        self.location = item.location
        self.keywords = dict.fromkeys(item.keywords, 1)
        self.when = result.phase.value
        self.duration = result.duration
        self.sections = list(sections)
        self.user_properties = list(item.user_properties)
        self.longrepr: Any = failure_repr(result)
        self.outcome = self.outcome_of(result)
        if self.outcome == "skipped" and not result.xfail:
            word = f"Skipped: {result.reason}" if result.reason else "Skipped"  # pytest's exception text
            self.longrepr = (str(item.path), item.location[1], word)
        if result.xfail:
            self.wasxfail = result.reason or ""

    @staticmethod
    def outcome_of(result: PhaseResult) -> str:
        """pytest's outcome word for a phase's result."""
        if result.outcome is PhaseOutcome.FAILED:
            return "failed"
        return "skipped" if result.outcome is PhaseOutcome.SKIPPED else "passed"

    @property
    def passed(self) -> bool:
        return self.outcome == "passed"

    @property
    def failed(self) -> bool:
        return self.outcome == "failed"

    @property
    def skipped(self) -> bool:
        return self.outcome == "skipped"

    @property
    def longreprtext(self) -> str:
        return self.longrepr if isinstance(self.longrepr, str) else str(self.longrepr or "")

    @property
    def head_line(self) -> str:
        return str(self.location[2])

    @property
    def fspath(self) -> str:
        return str(self.location[0])

    @property
    def capstdout(self) -> str:
        return "".join(content for title, content in self.sections if title.startswith("Captured stdout"))

    @property
    def capstderr(self) -> str:
        return "".join(content for title, content in self.sections if title.startswith("Captured stderr"))

    @property
    def caplog(self) -> str:
        return "\n".join(content for title, content in self.sections if title.startswith("Captured log"))

    def __repr__(self) -> str:
        return f"<TestReport {self.nodeid!r} when={self.when!r} outcome={self.outcome!r}>"


def make_report(
    impls: list[Callable[..., Any]],
    item: Any,
    result: PhaseResult,
    exc: BaseException | None,
    sections: list[tuple[str, str]],
) -> Any:
    """Run the ``pytest_runtest_makereport`` implementations for one phase's result; the report they
    leave is returned."""
    from .._declare.raises import ExceptionInfo

    excinfo = (
        ExceptionInfo.from_exc_info((type(exc), exc, exc.__traceback__))  # type: ignore[arg-type]
        if exc is not None
        else None
    )
    call = CallInfo(result.phase.value, excinfo, result.duration)
    kwargs = {"item": item, "call": call}
    report: Any = TestReport(item, result, sections)
    old_style: list[Generator[Any, Any, Any]] = []
    new_style: list[Generator[Any, Any, Any]] = []
    plain: list[Callable[..., Any]] = []
    for impl in impls:
        if is_wrapper(impl):
            generator = call_with_declared(impl, kwargs)
            if not inspect.isgenerator(generator):
                continue
            next(generator, None)
            (old_style if hook_option(impl, "hookwrapper") else new_style).append(generator)
        else:
            plain.append(impl)
    for impl in plain:
        call_with_declared(impl, kwargs)
    # Innermost wrapper first on the way out, as pluggy unwinds them.
    for generator in reversed(new_style):
        try:
            generator.send(report)
        except StopIteration as stop:
            report = stop.value if stop.value is not None else report
    outcome = HookOutcome(report)
    for generator in reversed(old_style):
        with contextlib.suppress(StopIteration):
            generator.send(outcome)
    return outcome.get_result()


def log_report(impls: list[Callable[..., Any]], report: Any) -> None:
    """Run the ``pytest_runtest_logreport`` implementations for one phase's report. The hook returns
    nothing, so its wrappers are only entered before the plain implementations and left after them."""
    wrappers: list[tuple[Generator[Any, Any, Any], Any]] = []
    plain: list[Callable[..., Any]] = []
    for impl in impls:
        if not is_wrapper(impl):
            plain.append(impl)
            continue
        generator = call_with_declared(impl, {"report": report})
        if inspect.isgenerator(generator):
            next(generator, None)
            # Old-style wrappers are sent an outcome object, new-style ones the result itself.
            wrappers.append((generator, HookOutcome(None) if hook_option(impl, "hookwrapper") else None))
    for impl in plain:
        call_with_declared(impl, {"report": report})
    for generator, sent in reversed(wrappers):
        with contextlib.suppress(StopIteration):
            generator.send(sent)


def report_status(impls: list[Callable[..., Any]], report: Any, config: Any) -> tuple[str, str, str] | None:
    """The first ``pytest_report_teststatus`` answer (a ``firstresult`` hook) as (category, letter,
    word); the word may come as ``(word, markup)``, whose markup a plain report has no use for. An
    answer that is not a triple is ignored, as pytest would fail on it."""
    for impl in impls:
        if is_wrapper(impl):
            continue
        answer = call_with_declared(impl, {"report": report, "config": config})
        if answer is None:
            continue
        if not isinstance(answer, tuple | list) or len(answer) != 3:
            return None
        category, letter, word = answer
        if isinstance(word, tuple | list) and word:
            word = word[0]
        return str(category), str(letter), str(word)
    return None


def read_back(result: PhaseResult, report: Any) -> PhaseResult | None:
    """The phase's result as the hooks left its report, where they changed its outcome; else None.
    pytest reports what ``pytest_runtest_makereport`` returns: pytest-check fails a test whose soft
    checks failed by setting ``outcome = "failed"`` and the ``longrepr`` in its wrapper."""
    outcome = getattr(report, "outcome", None)
    wasxfail = getattr(report, "wasxfail", None)
    if outcome == TestReport.outcome_of(result) and (wasxfail is not None) == result.xfail:
        return None
    if outcome == "failed":
        text = str(getattr(report, "longreprtext", None) or getattr(report, "longrepr", "") or "")
        crash = getattr(getattr(report, "longrepr", None), "reprcrash", None)
        message = getattr(crash, "message", None) or next((ln for ln in text.splitlines() if ln.strip()), "")
        return PhaseResult(result.phase, PhaseOutcome.FAILED, result.duration, longrepr=text, message=message)
    if outcome == "skipped":
        if wasxfail is not None:
            return PhaseResult(
                result.phase, PhaseOutcome.SKIPPED, result.duration, reason=wasxfail, xfail=True
            )
        longrepr = getattr(report, "longrepr", None)
        reason = str(longrepr[2]) if isinstance(longrepr, tuple) and len(longrepr) == 3 else ""
        return PhaseResult(result.phase, PhaseOutcome.SKIPPED, result.duration, reason=reason)
    if outcome == "passed":
        return PhaseResult(result.phase, PhaseOutcome.PASSED, result.duration)
    return None


def failure_repr(result: PhaseResult) -> str | None:
    """A phase's ``longrepr``: where it failed with a known crash location, one with ``reprcrash``."""
    if result.outcome is not PhaseOutcome.FAILED or result.longrepr is None or not result.crash_location:
        return result.longrepr
    path, _, line = result.crash_location.rpartition(":")
    if not line.isdigit():
        return result.longrepr
    return FailureRepr(result.longrepr, ReprFileLocation(path, int(line), result.message or ""))
