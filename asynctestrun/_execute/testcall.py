"""Running one planned test through its three phases and turning what happened into a TestResult.

setup: skip/xfail marks, plan errors, ``pytest_runtest_setup`` hooks, then fixtures widest scope first.
call: the test itself, sync or on its event loop. teardown: every scope instance the next test does
not share. Outcome rules (xfail, strict xpass, a test returning a value or a coroutine) follow pytest.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import functools
import inspect
import os
import sys
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from time import perf_counter  # bound now: a test replacing time.perf_counter leaves its timing alone
from typing import Any

from .._builtins.capture import make_capture_fixture
from .._builtins.subtests import CAPTURE_KEY as SUBTEST_CAPTURE_KEY
from .._builtins.subtests import STASH_KEY as SUBTEST_STASH_KEY
from .._builtins.subtests import BlockCapture
from .._collect.harvest import is_unittest_case
from .._collect.signature import is_staticmethod
from .._declare.outcomes import Exit, Failed, Skipped, XFailed, skip_of
from .._declare.pytest_warnings import PytestReturnNotNoneWarning, PytestWarning
from .._model.events import PhaseReported, TestShown
from .._model.items import FuncKind
from .._model.marks import Mark
from .._model.outcomes import Phase, PhaseOutcome, PhaseResult, TestResult
from .._model.scopes import LoopScope, Scope
from .._plan.plan import PlannedTest, lookup_error_report, requesting_chain
from . import hypothesis_checks, measure_coverage
from .conditions import XFAILED_KEY, XfailSpec, skip_reason, xfail_spec
from .current_test import enter_phase, leave_test
from .doctests import DoctestFailed
from .failures import crash_location, crash_message, format_exception, real_code, report_base, user_frames
from .fixtures import FixtureLookupError, ItemRuntime
from .loops import make_current
from .nodes import ItemNode
from .scopestack import ScopeNode, container_repr, teardown_error
from .session_state import SessionState, runner_fixture_name
from .timeouts import run_with_deadline, timeout_for, wall_clock
from .undriven import async_test_message


@dataclass
class PhaseOutput:
    phases: list[PhaseResult] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    sections: list[tuple[str, str]] = field(default_factory=list)


class TestRun:
    def __init__(self, state: SessionState, planned: PlannedTest, node: ItemNode) -> None:
        self.state = state
        self.planned = planned
        self.item = planned.item
        self.node = node
        self.runtime = ItemRuntime(state, self.item, node)
        self.output = PhaseOutput()
        self.xfail: XfailSpec | None = None
        self.deadline: float | None = None
        self.rearm: Callable[[float], None] = lambda _delay: None
        node.stash["_asynctestrun_addfinalizer"] = self._add_item_finalizer
        node.stash[SUBTEST_STASH_KEY] = self._record_subtest
        node.stash[SUBTEST_CAPTURE_KEY] = self._start_block_capture
        self._subtests: list[PhaseResult] = []  # in the order they ended
        self._failed_subtests = 0  # those of the subtests fixture, which fail the test they are in
        # The call's output read early, when a unittest subtest was reported (see _record_unittest_subtest).
        self._early_output = ("", "")
        self._unittest_teardown_outcome: BaseException | None = None
        # Each failed phase and its error (None for a strict xpass), for the rerun decision.
        self.failures: list[tuple[Phase, BaseException | None]] = []
        # Asked once the test's own function scope is torn down: True keeps the wider scopes for
        # another attempt of the same test (pytest-rerunfailures' reruns, see reruns.py).
        self.retry: Callable[[TestRun, BaseException | None], bool] | None = None
        self.retrying = False
        # False for pytest-retry: every scope but the session's is torn down before another attempt.
        self.retry_keeps_wider_scopes = True
        self.quit_debugger = False  # --pdb: the debugger was quit; the run stops after this test

    def _start_block_capture(self) -> BlockCapture:
        """A ``subtests`` block's own capture, as pytest's fixture starts one: its output with the
        run's method (fd or sys), none while output is not captured or a capsys/capfd-like fixture
        is in use; its log records."""
        capture = self.state.capture
        output = None
        if capture.method in ("fd", "sys") and not capture.fixture_in_use:
            output = make_capture_fixture("capfd" if capture.method == "fd" else "capsys")
            output._start()
        return BlockCapture(output, self.state.logging)

    def _record_subtest(
        self,
        label: str,
        exc: BaseException | None,
        duration: float,
        sections: tuple[tuple[str, str], ...] = (),
        *,
        fails_test: bool = True,
        echo: bool = True,
    ) -> None:
        if exc is not None:
            exc = skip_of(exc) or exc
        if exc is None:
            result = PhaseResult(Phase.CALL, PhaseOutcome.PASSED, duration, subtest=label, sections=sections)
        elif isinstance(exc, XFailed):
            result = PhaseResult(
                Phase.CALL,
                PhaseOutcome.SKIPPED,
                duration,
                reason=exc.msg or "",
                xfail=True,
                subtest=label,
                sections=sections,
            )
        elif isinstance(exc, Skipped):
            result = PhaseResult(
                Phase.CALL,
                PhaseOutcome.SKIPPED,
                duration,
                reason=exc.msg or "",
                message=_skip_location(self, exc),
                subtest=label,
                sections=sections,
            )
        else:
            if isinstance(exc, Failed) and not exc.pytrace:
                longrepr = exc.msg or ""
            else:
                longrepr = self._failure_text(exc)
            result = PhaseResult(
                Phase.CALL,
                PhaseOutcome.FAILED,
                duration,
                longrepr,
                crash_message(exc),
                subtest=label,
                crash_location=crash_location(exc),
                sections=sections,
            )
            self._failed_subtests += fails_test
        self._subtests.append(result)
        if echo:
            self._echo_subtest()

    def _echo_subtest(self) -> None:
        """With reports written as they are made (-s): pytest writes a subtest's report when its block
        ends, between what the test prints (the subtests fixture suspends the capture for it), not
        with its test's. One written into the capture (captured_at) waits for the test's report."""
        if (
            not self.state.echoes_reports
            or self.retry is not None
            or self._subtests[-1].captured_at is not None
        ):
            return
        so_far = replace(self.result(), phases=(*self.output.phases, *self._subtests))
        self.state.show(PhaseReported(so_far))

    def _record_unittest_subtest(self, label: str, exc: BaseException | None) -> None:
        """A unittest ``subTest`` that ended. pytest's unittest plugin reports it from inside the call
        without suspending the capture (its ``subtests`` fixture suspends it), so with fd capture its
        terminal's writing lands in the test's captured stdout: where it lands is recorded."""
        self._record_subtest(label, exc, 0.0, fails_test=False, echo=False)
        capture = self.state.capture
        # Under -n, pytest-xdist's controller writes the report on the terminal as well: left as is.
        if capture.method == "fd" and not capture.is_suspended and not self.state.config.worker:
            try:
                read: tuple[str, str] | None = capture.read()
            except Exception:  # a test's replacement of os.fstat (see capture.py): the phase's end raises it
                read = None
            if read is not None:
                out, err = read
                early_out, early_err = self._early_output
                self._early_output = (early_out + out, early_err + err)
                self._subtests[-1] = replace(self._subtests[-1], captured_at=len(early_out + out))
        self._echo_subtest()

    def _add_item_finalizer(self, finalizer: Callable[[], None]) -> None:
        self.state.stack.stack[-1].addfinalizer(finalizer)

    # -- phases ----------------------------------------------------------------------------
    def _begin(self, phase: Phase) -> float:
        self.state.logging.start_phase(phase.value)
        if phase is Phase.SETUP:
            # Capture stays on from setup to teardown (the phases are read apart): switching file
            # descriptors once per test instead of once per phase.
            self.state.capture.resume()
        else:
            self.state.capture.unpark_fixture()
        return perf_counter()

    def _end(self, phase: Phase, start: float, exc: BaseException | None) -> BaseException | None:
        """Read the phase's output and record its outcome; the phase's error, which reading the
        capture may have raised in place of none."""
        duration = perf_counter() - start
        capture = self.state.capture
        capture.park_fixture()
        try:
            out, err = capture.read()
            early_out, early_err = self._early_output
            out, err = early_out + out, early_err + err
        except Exception as read_error:  # from a test's replacement of os.fstat, see capture.py
            # pytest reads the capture in a finally block of the phase: its error is the phase's,
            # raised over the phase's own (which becomes its context).
            out = err = ""
            if exc is not None and read_error.__context__ is None:
                read_error.__context__ = exc
            exc = read_error
        self._early_output = ("", "")
        if phase is Phase.TEARDOWN:
            capture.suspend()
        log = self.state.logging.end_phase()
        for title, content in (("stdout", out), ("stderr", err), ("log", log)):
            if content:
                self.output.sections.append((f"Captured {title} {phase.value}", content))
        self._record(phase, exc, duration)
        recorded = self.output.phases[-1] if self.output.phases else None
        if exc is not None and self.state.config.pdb and recorded and recorded.outcome is PhaseOutcome.FAILED:
            from .debugger import post_mortem

            self.rearm(1e9)  # no timeout while someone is at the prompt
            self.output.phases[-1] = replace(recorded, debugged=True)
            self.quit_debugger = post_mortem(
                self.state.capture,
                recorded.longrepr or "",
                self.output.sections,
                exc,
                self.state.config.pdbcls,
            )
        return exc

    def setup(self) -> bool:
        start = self._begin(Phase.SETUP)
        self.state.stack.enter(self.item)
        try:
            self._setup()
            self.state.hooked_errors.raise_collected()
        except BaseException as exc:
            self._end(Phase.SETUP, start, exc)
            return False
        passed = self._end(Phase.SETUP, start, None) is None
        if passed and self.state.shows_setup:
            # pytest's line for the test, between its fixtures' SETUP lines and its outcome; under
            # pytest an async test also uses pytest-asyncio's runner fixture of its loop scope.
            names = list(self.node.fixturenames)
            if self._drives_coroutine() and self.state.shows_loop_fixtures:
                names.append(runner_fixture_name((self.planned.loop_scope or LoopScope.FUNCTION).value))
            fixtures = tuple(sorted(set(names)))
            self.state.show(TestShown(self.item.nodeid, fixtures, called=not self.state.config.setup_only))
        return passed

    def _setup(self) -> None:
        config = self.state.plugin_config
        marks = list(self.node.iter_markers())
        reason = skip_reason(self.item, marks, config, self._markeval_answers)
        if reason is not None:
            raise Skipped(reason)
        self.xfail = self._xfail_of(marks)
        self.node.stash[XFAILED_KEY] = self.xfail
        if self.xfail is not None and not self.xfail.run:
            raise XFailed("[NOTRUN] " + self.xfail.reason)
        if self.planned.setup_error is not None and self.planned.missing_fixture is None:
            failure = _LookupFailed if self.planned.lookup_error else Failed
            raise failure(self.planned.setup_error, pytrace=False)
        self.state.item_hooks_call("pytest_runtest_setup", self.item, item=self.node)
        enter_phase(self.item.nodeid, "setup")
        if self.item.cls is not None and is_unittest_case(self.item.cls):
            # pytest makes the TestCase for the test before its fixtures: fixture methods of the class
            # (an autouse one setting ``self.x``) are bound to the very instance that runs the test.
            self.runtime.instance = self.item.cls(self.item.originalname)
            self.node.instance = self.runtime.instance
        elif self.item.cls is not None and not is_staticmethod(self.item.cls, self.item.originalname):
            self.runtime.instance = self.item.cls()
            self.node.instance = self.runtime.instance
        if self.planned.driven:
            # pytest-asyncio settles the test's loop factory before any fixture, so a change of
            # factory retires the previous factory's loops (and their fixtures) first.
            self.state.factories.select(self.item)
        # The node's list, as pytest fills ``item.fixturenames``: a collection hook may have added a
        # fixture there (pytest-freezer inserts ``freezer`` for tests marked ``freeze_time``), set up
        # in the list's order as a ``getfixturevalue`` would.
        # A directly parametrized argument is among them, as a fixture of its own: pytest's hooks may
        # swap its value (pytest-lazy-fixtures' ``lf("name")``), so the test gets what they made of it.
        names: list[str] = list(self.node.fixturenames)
        missing = self.planned.missing_fixture
        for name in names:
            try:
                value = self.runtime.get_value(name)
            except FixtureLookupError as exc:
                # The planned message shows who asked for the missing fixture, as pytest's does.
                planned = missing is not None and exc.missing == missing
                raise _LookupFailed(
                    self.planned.setup_error if planned else self._lookup_report(exc), pytrace=False
                ) from None
            self.node.funcargs[name] = value
        if missing is not None:  # not reached through any fixture: still an error, never a pass
            raise _LookupFailed(self.planned.setup_error or missing, pytrace=False)
        if self._drives_coroutine():
            # pytest-asyncio sets the test's loop up last in set-up, not when the call starts: what
            # opening it logs ("Using selector: ...") belongs to set-up, as caplog shows.
            runner = self._test_loop()
            # Its runner fixture is among the test's fixtures there: suites find the test's loop in
            # ``request.node.funcargs`` (kopf runs it once more in an autouse fixture's teardown).
            self.node.funcargs[runner_fixture_name(runner.loop_scope)] = runner.asyncio_runner()

    def _lookup_report(self, exc: FixtureLookupError) -> str:
        """pytest's report of a fixture not found by ``request.getfixturevalue``: who asked (the test,
        then the fixtures down to the one asking), the problem on an ``E`` line, the fixtures there
        are. Other lookup errors (``request.raiseerror``) are their own text."""
        if exc.missing is None:
            return str(exc)
        requester = exc.requester
        chain = [] if requester is None else [*requesting_chain(self.item, requester.name), requester]
        problem = f"fixture '{exc.missing}' not found"
        return lookup_error_report(self.item, [d.func for d in chain], problem, self.state.registry)

    def _drives_coroutine(self) -> bool:
        """An async test that pytest-asyncio runs on its loop (not anyio's, not left undriven)."""
        return self.planned.driven and self.item.kind is FuncKind.COROUTINE and not self.planned.anyio

    def _test_loop(self) -> Any:
        """The runner of the test's own loop (its loop scope's), opened on first use."""
        return self.state.loop_for(self.runtime, self.planned.loop_scope or LoopScope.FUNCTION)

    def _reevaluate_xfail(self) -> None:
        """An xfail mark added by a fixture or by the test itself counts too (pytest re-reads marks
        at the start and end of the call when none applied at setup)."""
        if self.xfail is None:
            self.xfail = self._xfail_of(list(self.node.iter_markers()))

    def _xfail_of(self, marks: list[Mark]) -> XfailSpec | None:
        config = self.state.config
        if config.runxfail:
            return None  # --runxfail: the test runs and reports as if it had no xfail mark
        return xfail_spec(
            self.item, marks, self.state.plugin_config, config.xfail_strict, self._markeval_answers
        )

    def _markeval_answers(self) -> list[Any]:
        config = self.state.plugin_config
        return self.state.item_hooks_call("pytest_markeval_namespace", self.item, config=config)

    def call(self) -> None:
        self._reevaluate_xfail()
        start = self._begin(Phase.CALL)
        try:
            wrappers = start_wrappers(
                self.state.item_hook_impls("pytest_runtest_call", self.item), {"item": self.node}
            )
            error: BaseException | None = None
            try:
                self.state.item_hooks_call("pytest_runtest_call", self.item, item=self.node)
                enter_phase(self.item.nodeid, "call")
                _forget_last_error()
                if measure_coverage.ACTIVE is None and not self.state.config.trace:
                    self._call_through_pyfunc_wrappers()  # the usual path: nothing around the call
                else:
                    self._call_specially()
            except BaseException as exc:  # handed to the wrappers, which may replace or swallow it
                error = exc
                if not is_unittest_case(self.item.cls or object):
                    _keep_for_postmortem(exc)
            finish_wrappers(wrappers, error)
            self.state.hooked_errors.raise_collected()
        except BaseException as exc:
            self._end(Phase.CALL, start, exc)
            return
        self._end(Phase.CALL, start, None)

    def _call_specially(self) -> None:
        """The call under ``--trace`` (the debugger at the test's first line) or, while ``--cov``
        measures, with the ``no_cover`` mark or fixture taking it out of the measurement."""
        with measure_coverage.paused_for(self.node):
            if self.state.config.trace:
                from .debugger import traced_call

                self.rearm(1e9)  # no timeout while someone is at the prompt
                first = real_code(self.item.function)
                call = self._call_through_pyfunc_wrappers
                traced_call(self.state.capture, call, first, self.state.config.pdbcls)
            else:
                self._call_through_pyfunc_wrappers()

    def _call_through_pyfunc_wrappers(self) -> None:
        """The test function's call inside the plugins' ``pytest_pyfunc_call`` wrappers, where pytest
        makes it (a unittest TestCase's is not made through that hook). As under pytest-asyncio, an
        async test's loop is the current loop by then: looptime's wrapper finds the loop to switch its
        fake clock on through ``funcargs["event_loop_policy"].get_event_loop()``."""
        impls = self.state.item_hook_impls("pytest_pyfunc_call", self.item)
        if not impls or (self.item.cls is not None and is_unittest_case(self.item.cls)):
            self._call()
            return
        if self._drives_coroutine():
            make_current(self._test_loop().loop)
        wrappers = start_wrappers(impls, {"pyfuncitem": self.node})
        error: BaseException | None = None
        try:
            if not self._claimed_by_a_hook(impls):
                self._call()
        except BaseException as exc:  # handed to the wrappers, which may replace or swallow it
            error = exc
        finish_wrappers(wrappers, error)

    def _claimed_by_a_hook(self, impls: list[Callable[..., Any]]) -> bool:
        """Whether a plain ``pytest_pyfunc_call`` made the call itself. It is a firstresult hook whose
        last implementation is pytest's own call: one answering something other than None first
        (pytest-tornasync's, or a conftest's running async tests with ``asyncio.run``) makes it, and
        pytest's, which fails an async test nothing drives, is not made. They see the test as under
        pytest-asyncio: its arguments in ``funcargs``, and a test it drives as a sync function running
        the coroutine on the test's loop. anyio's tests stay with anyio's runner (its own claim)."""
        from .._collect.hooks import call_with_declared, is_wrapper

        plain = [impl for impl in impls if not is_wrapper(impl)]
        if not plain or self.planned.anyio:
            return False
        for name, value in self._arguments().items():
            self.node.funcargs.setdefault(name, value)  # pytest's funcargs hold direct parameters too
        replaced = self.node.replaced_obj
        if replaced is None and self._drives_coroutine():
            self.node.replaced_obj = self._synchronized(self.node.obj)
        try:
            return any(call_with_declared(impl, {"pyfuncitem": self.node}) is not None for impl in plain)
        finally:
            self.node.replaced_obj = replaced

    def _synchronized(self, function: Callable[..., Any]) -> Callable[..., Any]:
        """pytest-asyncio's ``item.obj`` for a test it drives: calling it runs the test on its loop."""

        @functools.wraps(function)
        def synchronized(*args: Any, **kwargs: Any) -> None:
            self._run_driven(function(*args, **kwargs))

        return synchronized

    def _arguments(self) -> dict[str, Any]:
        """The test function's arguments: fixture values and directly parametrized values."""
        funcargs, params = self.node.funcargs, self.item.callspec.params
        kwargs: dict[str, Any] = {}
        for name in self.item.argnames:
            if name in funcargs:
                kwargs[name] = funcargs[name]
            elif name in params:
                kwargs[name] = params[name]
            else:
                kwargs[name] = self.runtime.get_value(name)
        return kwargs

    def _call(self) -> None:
        item = self.item
        if item.cls is not None and is_unittest_case(item.cls):
            from .unittest_case import run_test_case

            outcomes = run_test_case(self.runtime.instance, self._record_unittest_subtest)
            if outcomes:
                self._unittest_teardown_outcome = outcomes[1] if len(outcomes) > 1 else None
                raise outcomes[0]
            return
        func: Callable[..., Any] = item.function
        if hypothesis_checks.applies(func):
            parametrized = self.node.get_closest_marker("parametrize") is not None
            hypothesis_checks.check(item, func, self.runtime.fixture_defs, parametrized)
        if self.runtime.instance is not None:
            func = func.__get__(self.runtime.instance, item.cls)
        replaced = self.node.replaced_obj  # a plugin assigned item.obj: pytest calls that
        if replaced is not None and inspect.iscoroutinefunction(replaced):
            func, replaced = replaced, None  # still an async test, driven (or not) as collected
        asyncio_kind = item.kind is FuncKind.ASYNC_GENERATOR or (
            item.kind is FuncKind.COROUTINE and not self.planned.anyio
        )
        if replaced is None and asyncio_kind and not self.planned.driven:
            # Failed before the arguments are gathered, as pytest's pyfunc_call does: the failure's
            # traceback then holds no fixture value, which is released (and may warn) at teardown.
            raise Failed(async_test_message(self.state.config), pytrace=False)
        kwargs = self._arguments()
        if replaced is not None:
            # A sync callable that runs the test itself (pytest-trio's wrapper around trio.run).
            result = replaced(**kwargs)
            if self.planned.driven:
                # pytest-asyncio still drives the test (auto mode claims pytest-trio's tests too): it
                # wraps whatever item.obj is by then and hands what that returns to asyncio.Runner.run,
                # whose own check fails a sync wrapper's None.
                if not asyncio.iscoroutine(result):
                    raise ValueError(f"a coroutine was expected, got {result!r}")
                self._run_driven(result)
                return
        elif item.kind is FuncKind.COROUTINE and self.planned.anyio:
            backend = self.runtime.get_value("anyio_backend")
            holder = getattr(item.function, "hypothesis", None)
            if holder is not None and inspect.iscoroutinefunction(getattr(holder, "inner_test", None)):
                self.state.anyio.run_hypothesis_test(backend, holder, func, kwargs)
            else:
                self.state.anyio.run_test(backend, func, kwargs)
            result = None
        elif item.kind is FuncKind.COROUTINE:
            runner = self._test_loop()
            holder = getattr(item.function, "hypothesis", None)
            if holder is not None and inspect.iscoroutinefunction(getattr(holder, "inner_test", None)):
                _run_hypothesis(holder, func, kwargs, runner)
                return
            # pytest-asyncio's sync wrapper drops what the coroutine returns: no return-not-None
            # warning, and a returned coroutine is freed unawaited here, so Python's "never awaited"
            # RuntimeWarning lands on this test, as under pytest.
            self._run_driven(func(**kwargs), runner)
            return
        elif item.kind is FuncKind.ASYNC_GENERATOR:
            # Run only under --runxfail (its xfail mark keeps it from running otherwise): pytest-asyncio
            # hands the generator to asyncio.Runner.run, whose own check fails it.
            raise ValueError(f"a coroutine was expected, got {func(**kwargs)!r}")
        else:
            if self.item.get_closest_marker("asyncio") is not None:
                code = getattr(func, "__code__", None)
                # Reported at the test's definition, as pytest does, not at this line: its file named
                # relative to the rootdir (pytest's item location), its first line.
                # pytest-asyncio's words: suites filter this warning by its text.
                filename = code.co_filename if code is not None else str(item.path)
                warnings.warn_explicit(
                    f"The test <Function {item.name}> is marked with '@pytest.mark.asyncio' but it is not "
                    "an async function. Please remove the asyncio mark. If the test is not marked "
                    "explicitly, check for global marks applied via 'pytestmark'.",
                    PytestWarning,
                    Path(os.path.relpath(filename, self.state.config.rootdir)).as_posix(),
                    code.co_firstlineno if code is not None else (item.lineno or 0),
                )
            result = func(**kwargs)
        if inspect.iscoroutine(result):
            result.close()
            raise Failed(
                "async def functions are not natively supported.\nasynctestrun: the test returned a "
                "coroutine that was never awaited (a sync test calling an async function without await?)",
                pytrace=False,
            )
        if result is not None:
            message = (
                f"Test functions should return None, but {item.nodeid} returned {type(result)!r}.\n"
                "Did you mean to use `assert` instead of `return`?\n"
                "See https://docs.pytest.org/en/stable/how-to/assert.html#return-not-none "
                "for more information."
            )
            warnings.warn(PytestReturnNotNoneWarning(message), stacklevel=1)

    def _run_driven(self, coro: Any, runner: Any = None) -> Any:
        """Run an asyncio-driven test's coroutine on its loop (the test's loop scope unless given)."""
        if runner is None:
            runner = self._test_loop()
        if self.deadline is not None:
            remaining = max(self.deadline - wall_clock(), 0.001)
            # The loop reports pending tasks at the deadline; the watchdog stays as a backstop
            # for code that blocks the loop.
            self.rearm(remaining + 1.0)
            coro = run_with_deadline(coro, remaining, f"test {self.item.nodeid}", self.rearm)
        return runner.run(self.state.guard.run(coro), context=contextvars.copy_context())

    def teardown(self, next_planned: PlannedTest | None) -> None:
        start = self._begin(Phase.TEARDOWN)
        self.runtime.tearing_down = True
        errors: list[BaseException] = []
        try:
            self.state.item_hooks_call("pytest_runtest_teardown", self.item, item=self.node, nextitem=None)
        except Exception as exc:  # reported as this test's teardown error
            errors.append(exc)
        enter_phase(self.item.nodeid, "teardown")
        target = next_planned.item if next_planned is not None else None
        stack = self.state.stack
        torn: list[BaseException] = []  # one entry per scope instance that raised
        if self.retry is not None:
            torn += stack.teardown_to(self.item, self._describe)  # this test's function scope only
            first = errors + torn
            if self.retry(self, first[0] if first else None):
                self.retrying = True
                target = self.item
                if not self.retry_keeps_wider_scopes:
                    torn += stack.teardown_to_session(self._describe)
        torn += stack.teardown_to(target, self._describe)
        errors += teardown_error(torn)
        leave_test()
        if not errors:  # as in pytest: collected at the end of a teardown that went through
            try:
                self.state.hooked_errors.raise_collected()
            except Exception as exc:
                errors.append(exc)
        if self._unittest_teardown_outcome is not None:
            # A TestCase's second outcome (a cleanup's error after a failure or a skip) is the
            # teardown's, in place of anything else, as pytest reports it.
            errors.insert(0, self._unittest_teardown_outcome)
        self._end(Phase.TEARDOWN, start, errors[0] if errors else None)
        self.output.warnings.extend(self.state.pending_warnings)
        self.state.pending_warnings.clear()
        if self.state.slow_callbacks is not None:
            self.output.warnings.extend(self.state.slow_callbacks.drain())

    def _describe(self, node: ScopeNode) -> str:
        """A scope instance as pytest's repr of its node, for a group of its teardown errors."""
        if node.scope is Scope.FUNCTION:
            return repr(self.node)
        if node.scope is not Scope.SESSION:
            return container_repr(node)
        # pytest's Session repr. Its exit status is OK until the test loop ends; its count of failed
        # reports includes this test's failed set-up or call, which the runner counts once it ended.
        view = self.state.plugin_session
        failed = getattr(view, "testsfailed", 0) + (1 if self.failures else 0)
        collected = getattr(view, "testscollected", 0)
        return f"<Session  exitstatus=<ExitCode.OK: 0> testsfailed={failed} testscollected={collected}>"

    # -- outcome ---------------------------------------------------------------------------
    def _record(self, phase: Phase, exc: BaseException | None, duration: float) -> None:
        if isinstance(exc, KeyboardInterrupt | Exit):
            raise exc
        if exc is not None:
            # unittest.SkipTest is a skip from here on, makereport hooks included (as pytest's
            # unittest plugin converts it before any other plugin sees the report).
            exc = skip_of(exc) or exc
        if phase is Phase.CALL:
            self._reevaluate_xfail()
            # Subtests are reported before the test they are in, which fails for them if nothing
            # else failed it.
            self.output.phases.extend(self._subtests)
            if exc is None and self._failed_subtests:
                n = self._failed_subtests
                exc = _SubtestsFailed(f"contains {n} failed subtest{'s' if n != 1 else ''}", pytrace=False)
        xfail = self.xfail
        if exc is None:
            if phase is Phase.CALL and xfail is not None:
                if xfail.strict:
                    result = PhaseResult(
                        phase,
                        PhaseOutcome.FAILED,
                        duration,
                        longrepr=f"[XPASS(strict)] {xfail.reason}",
                        message=f"[XPASS(strict)] {xfail.reason}",
                        strict_xpass=True,
                    )
                    self.failures.append((phase, None))
                else:
                    result = PhaseResult(
                        phase, PhaseOutcome.PASSED, duration, reason=xfail.reason, xfail=True
                    )
            else:
                result = PhaseResult(phase, PhaseOutcome.PASSED, duration)
        elif isinstance(exc, XFailed):
            result = PhaseResult(phase, PhaseOutcome.SKIPPED, duration, reason=exc.msg or "", xfail=True)
        elif isinstance(exc, Skipped):
            result = PhaseResult(
                phase,
                PhaseOutcome.SKIPPED,
                duration,
                reason=exc.msg or "",
                message=_skip_location(self, exc, phase),
            )
        elif xfail is not None and (xfail.raises is None or isinstance(exc, xfail.raises)):
            result = PhaseResult(phase, PhaseOutcome.SKIPPED, duration, reason=xfail.reason, xfail=True)
        else:
            message = crash_message(exc)
            if isinstance(exc, Failed) and not exc.pytrace:
                longrepr = exc.msg or ""
                if isinstance(exc, DoctestFailed):
                    message = ""  # pytest's doctest report has no crash line to sum it up
                elif isinstance(exc, _LookupFailed):
                    message = _lookup_summary(longrepr)
                elif isinstance(exc, _SubtestsFailed):
                    message = longrepr  # pytest's report holds just this text, not an exception
            else:
                longrepr = self._explain_loop_mismatch(exc, self._failure_text(exc))
                if isinstance(exc, FixtureLookupError):  # from request.getfixturevalue in the test
                    longrepr, message = self._lookup_report(exc), _lookup_summary(str(exc))
            result = PhaseResult(
                phase,
                PhaseOutcome.FAILED,
                duration,
                longrepr=longrepr,
                message=message,
                crash_location=crash_location(exc),
            )
            self.failures.append((phase, exc))
        self.output.phases.append(result)
        impls = self.state.item_hook_impls("pytest_runtest_makereport", self.item)
        report = self._make_report(impls, result, exc) if impls else None
        log_impls = self.state.item_hook_impls("pytest_runtest_logreport", self.item)
        if log_impls:
            self._log_report(log_impls, report)
        status_impls = self.state.hook_impls("pytest_report_teststatus")
        if status_impls:
            self._report_status(status_impls, report)
        if exc is not None and self._interactive(exc):
            self._interact(report, exc)
        if self._echoes(phase, result):
            self.state.show(PhaseReported(self.result()))

    def _echoes(self, phase: Phase, result: PhaseResult) -> bool:
        """Whether this report goes to the terminal now (-s): a call's, or a set-up's that did not pass.
        A teardown's is written with the test's end, which follows it at once; a test that may run
        again has no final report yet."""
        if not self.state.echoes_reports or self.retry is not None:
            return False
        return phase is Phase.CALL or (phase is Phase.SETUP and result.outcome is not PhaseOutcome.PASSED)

    def _make_report(
        self, impls: list[Callable[..., Any]], result: PhaseResult, exc: BaseException | None
    ) -> Any:
        """The report the makereport hooks leave (None if one raised); its outcome becomes the phase's."""
        from .reports import make_report, read_back

        try:
            report = make_report(impls, self.node, result, exc, self.output.sections)
        except Exception as error:  # a broken hook must not take the run down with it
            self.state.pending_warnings.append(
                f"pytest_runtest_makereport raised {type(error).__name__}: {error}"
            )
            return None
        changed = read_back(result, report)
        if changed is not None:
            self.output.phases[-1] = changed
            if changed.outcome is PhaseOutcome.FAILED and result.outcome is not PhaseOutcome.FAILED:
                self.failures.append((result.phase, None))
        return report

    def _log_report(self, impls: list[Callable[..., Any]], report: Any) -> None:
        """``pytest_runtest_logreport`` with each phase's report, as pytest's runner calls it: plugins
        track what ran there (syrupy counts a skipped test's snapshots as used, not as unused)."""
        from .reports import TestReport, log_report

        if report is None:
            report = TestReport(self.node, self.output.phases[-1], self.output.sections)
        try:
            log_report(impls, report)
        except Exception as error:  # as for makereport: reported, and the run goes on
            self.state.pending_warnings.append(
                f"pytest_runtest_logreport raised {type(error).__name__}: {error}"
            )

    def _interactive(self, exc: BaseException) -> bool:
        """pytest's check before ``pytest_exception_interact``: an exception that is not a skip, in a
        report that is not an expected failure (nor the failed-subtests summary, which has none)."""
        return (
            not self.output.phases[-1].xfail and skip_of(exc) is None and not isinstance(exc, _SubtestsFailed)
        )

    def _interact(self, report: Any, exc: BaseException) -> None:
        """``pytest_exception_interact`` with the failed phase's call and report, as pytest calls it
        after the report is logged (conftests dump state or take a screenshot there)."""
        if not self.state.item_hook_impls("pytest_exception_interact", self.item):
            return
        from .._declare.raises import ExceptionInfo
        from .reports import CallInfo, TestReport

        phase = self.output.phases[-1]
        if report is None:
            report = TestReport(self.node, phase, self.output.sections)
        excinfo = ExceptionInfo.from_exc_info((type(exc), exc, exc.__traceback__))  # type: ignore[arg-type]
        call = CallInfo(phase.phase.value, excinfo, phase.duration)
        # As pytest's capture plugin does around this hook: what it prints goes to the terminal.
        with self.state.capture.global_and_fixture_disabled():
            self.state.item_hooks_notify(
                "pytest_exception_interact", self.item, node=self.node, call=call, report=report
            )

    def _report_status(self, impls: list[Callable[..., Any]], report: Any) -> None:
        """``pytest_report_teststatus`` with the phase's report: the first answer (category, letter,
        word) is kept on the phase for the reporter, as pytest's terminal reporter asks its plugins
        before falling back to its own letters."""
        from .reports import TestReport, report_status

        if report is None:
            report = TestReport(self.node, self.output.phases[-1], self.output.sections)
        try:
            status = report_status(impls, report, self.state.plugin_config)
        except Exception as error:  # as for makereport: reported, and the run goes on
            self.state.pending_warnings.append(
                f"pytest_report_teststatus raised {type(error).__name__}: {error}"
            )
            return
        if status is not None:
            self.output.phases[-1] = replace(self.output.phases[-1], status=status)

    def _failure_text(self, exc: BaseException) -> str:
        """A failure's traceback in the run's ``--tb`` style, as pytest cuts and places it: from the
        test function on, paths relative to the working directory (absolute once a test moved it).

        pytest cuts at ``item.obj`` as it is when the report is made: a plugin that replaced it
        (pytest-trio's runner, left in place for the rest of the test) moves the cut to the
        replacement's code, which is not among the frames, so every frame is kept (the whole
        traceback of a sub-exception that never passed through the test function)."""
        config = self.state.config
        replaced = self.node.replaced_obj
        return format_exception(
            exc,
            style=config.tb_style,
            relative_to=report_base(config.invocation_dir),
            showlocals=config.showlocals,
            verbosity=config.verbose,
            start=real_code(self.item.function if replaced is None else replaced),
            unittest_case=self.item.cls is not None and is_unittest_case(self.item.cls),
        )

    def _explain_loop_mismatch(self, exc: BaseException, longrepr: str) -> str:
        text = str(exc)
        if "attached to a different loop" not in text and "different event loop" not in text:
            return longrepr
        notes = [w for w in self.planned.warnings if "-scoped" in w]
        if not notes:
            return longrepr
        return longrepr + "\n\nasynctestrun: this looks like a loop-scope mismatch:\n  " + "\n  ".join(notes)

    def timeout(self) -> float | None:
        mark = self.node.get_closest_marker("timeout")
        value = None
        if mark is not None and self.state.config.timeout_plugin:
            value = mark.args[0] if mark.args else mark.kwargs.get("timeout")
        return timeout_for(value, self.state.config.timeout)

    def result(self) -> TestResult:
        return TestResult(
            nodeid=self.item.nodeid,
            path=self.item.relpath,
            lineno=self.item.lineno,
            phases=tuple(self.output.phases),
            sections=tuple(self.output.sections),
            warnings=tuple(self.output.warnings),
            loop_scope=self.planned.loop_scope.value if self.planned.loop_scope else None,
            markers=tuple(m.name for m in self.node.iter_markers()),
            properties=tuple((str(k), str(v)) for k, v in self.node.user_properties),
            xml_attributes=tuple(self.node.xml_attributes),
            headline=self.item.headline,
        )


def _run_hypothesis(holder: Any, func: Callable[..., Any], kwargs: dict[str, Any], runner: Any) -> None:
    """Hypothesis calls ``inner_test`` once per example; run each on the test's event loop."""
    original = holder.inner_test

    def run_example(*args: Any, **example_kwargs: Any) -> Any:
        return runner.run(original(*args, **example_kwargs), context=contextvars.copy_context())

    holder.inner_test = run_example
    try:
        func(**kwargs)
    finally:
        holder.inner_test = original


def _skip_location(run: TestRun, exc: Skipped, phase: Phase = Phase.CALL) -> str:
    """Where the skip summary says a skip happened, as pytest: the line that called ``pytest.skip()``
    (in the test or a helper it calls, relative to where the run started), or the test itself for a
    skip mark (raised by the runner, without a frame of the user's) or a skip in a fixture.

    pytest's summary drops the line for a set-up skip of a test under a ``skip`` mark that is not
    the function's own (a class's or module's ``skip``, the function carrying no marks itself):
    such skips of a whole class fold into one ``path: reason`` line."""
    start = run.state.config.invocation_dir  # pytest's summary paths are relative to it
    if (
        phase is Phase.SETUP
        and run.node.get_closest_marker("skip") is not None
        and not hasattr(run.item.function, "pytestmark")
    ):
        return os.path.relpath(run.item.path, start)
    frames = [] if exc.at_item else user_frames(exc.__traceback__)
    if frames:
        code = frames[-1].tb_frame.f_code
        return f"{os.path.relpath(code.co_filename, start)}:{frames[-1].tb_lineno}"
    return f"{os.path.relpath(run.item.path, start)}:{run.item.lineno or 0}"


class _SubtestsFailed(Failed):
    """A test that passed but holds failed subtests: failed by the runner, not by the test."""


class _LookupFailed(Failed):
    """A fixture the test's set-up cannot provide (not found, a recursive dependency): pytest's
    FixtureLookupError, reported as a listing of who asked with the problem on an ``E`` line."""


def _lookup_summary(report: str) -> str:
    """The summary line's message for a fixture lookup error: its ``E`` line ("fixture 'x' not
    found"), else its first line. pytest's report of it has no crash line, so pytest's summary line
    has no message at all; naming the fixture there is deliberately clearer. Only lookup errors get
    this: an ``E`` line in a ``pytest.fail(..., pytrace=False)`` text is the test's own."""
    lines = report.splitlines()
    e_lines = [line[1:].strip() for line in lines if line.startswith("E ")]
    return e_lines[0] if e_lines else next((line.strip() for line in lines if line.strip()), "")


class _CallOutcome:
    """What an old-style ``hookwrapper`` of pytest_runtest_call gets back from its ``yield``."""

    def __init__(self, exc: BaseException | None) -> None:
        self.excinfo = None if exc is None else (type(exc), exc, exc.__traceback__)
        self.exception = exc

    def get_result(self) -> None:
        if self.exception is not None:
            raise self.exception.with_traceback(self.exception.__traceback__)

    def force_result(self, result: Any) -> None:
        self.exception = None
        self.excinfo = None

    def force_exception(self, exc: BaseException) -> None:
        self.exception = exc
        self.excinfo = (type(exc), exc, exc.__traceback__)


_LAST_ERROR = ("last_type", "last_value", "last_traceback", "last_exc")


def _forget_last_error() -> None:
    """pytest's pytest_runtest_call drops the previous test's ``sys.last_*`` as this test's call
    starts: what that failure's frames held is freed here, under this test's warning filters."""
    for name in _LAST_ERROR:
        if hasattr(sys, name):
            delattr(sys, name)


def _keep_for_postmortem(exc: BaseException) -> None:
    """Keep a test's error in ``sys.last_*`` until the next test's call starts, as pytest's
    pytest_runtest_call does (a unittest case reports its failures without raising them there). Its
    frames, and what their locals hold, then live as long as in pytest: a leaked subprocess or file
    warns from its ``__del__`` during that later test, not in this test's teardown or the next set-up."""
    if not isinstance(exc, Exception):
        return  # skips, xfail() and exits are BaseExceptions, which pytest leaves out
    sys.last_type = type(exc)
    sys.last_value = exc
    if sys.version_info >= (3, 12):
        sys.last_exc = exc
    sys.last_traceback = exc.__traceback__


def start_wrappers(impls: list[Callable[..., Any]], kwargs: dict[str, Any]) -> list[tuple[bool, Any]]:
    """Run the hook wrappers of pytest_runtest_call, pytest_pyfunc_call or pytest_runtest_protocol up
    to their ``yield`` (outermost first)."""
    from .._collect.hooks import call_with_declared, hook_option

    started: list[tuple[bool, Any]] = []
    for impl in impls:
        old_style = hook_option(impl, "hookwrapper")
        if not (old_style or hook_option(impl, "wrapper")):
            continue
        generator = call_with_declared(impl, kwargs)
        if not inspect.isgenerator(generator):
            continue
        try:
            next(generator)
        except StopIteration:
            continue
        started.append((old_style, generator))
    return started


def finish_wrappers(started: list[tuple[bool, Any]], exc: BaseException | None) -> None:
    """Resume the wrappers innermost first with the call's outcome, as pluggy does; raise what is left."""
    for old_style, generator in reversed(started):
        if old_style:
            outcome = _CallOutcome(exc)
            with contextlib.suppress(StopIteration):
                generator.send(outcome)
            exc = outcome.exception
            continue
        try:
            if exc is None:
                generator.send(None)
            else:
                generator.throw(exc)
        except StopIteration:
            exc = None
        except BaseException as raised:
            exc = raised
    if exc is not None:
        raise exc
