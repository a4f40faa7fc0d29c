"""Running a RunPlan: tests one after another, each scope instance entered once, events out.

Tests of a loop scope instance are contiguous in the plan (collection order keeps a module's and a
class's tests together), so each loop is opened once and closed when the scope stack leaves it.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import sys
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .._collect.harvest import is_unittest_case
from .._declare.outcomes import Exit, skip_of
from .._model.events import Event, TestFinished, TestStarted, WarningRaised, maxfail_reason
from .._model.outcomes import Outcome, Phase
from .._plan.plan import PlannedTest, RunPlan
from .flaky import FlakyPolicy
from .nodes import ItemNode
from .reruns import RerunPolicy, forget_failed_fixtures
from .retry import RetryPolicy
from .session_state import SessionState
from .stack_dumps import StackDumps
from .testcall import TestRun
from .timeouts import wall_clock
from .unraisable import allocated_at

if TYPE_CHECKING:
    from .._config.config import Config


@dataclass
class RunSummary:
    failed: int = 0
    interrupted: str | None = None
    exit_code: int | None = None
    # Unraisable exceptions made errors after the last test: the run ends with it once reported.
    end_error: BaseException | None = None


def execute(
    plan: RunPlan,
    state: SessionState,
    nodes: dict[str, ItemNode],
    emit: Callable[[Event], None],
    *,
    maxfail: int = 0,
    failed: int = 0,
) -> RunSummary:
    """Run the plan's tests. ``failed`` is where the count of failures starts (the collection errors,
    which pytest counts towards ``maxfail`` too)."""
    summary = RunSummary(failed=failed)
    tests = plan.tests
    if "faulthandler" not in state.config.blocked_plugins():
        state.stack_dumps = StackDumps.of(state.config)
    state.start_capture()
    state.hooked_errors.install()
    if state.config.asyncio_debug:
        from . import slow_callbacks

        state.slow_callbacks = slow_callbacks.install()
    try:
        for index, planned in enumerate(tests):
            next_planned = tests[index + 1] if index + 1 < len(tests) else None
            stop = _run_one(planned, next_planned, state, nodes, emit, summary)
            reached = bool(maxfail) and summary.failed >= maxfail
            if reached:
                # Said even when this was the last test, as pytest reports its ``shouldfail``.
                summary.interrupted = summary.interrupted or maxfail_reason(summary.failed)
            if stop or reached:
                if next_planned is not None:
                    state.stack.teardown_to(None)
                break
    except KeyboardInterrupt:
        summary.interrupted = "KeyboardInterrupt"
        with contextlib.suppress(KeyboardInterrupt):  # a second Ctrl-C skips the remaining teardowns
            state.stack.teardown_to(None)
    except Exit as exc:
        summary.interrupted = f"Exit: {exc.msg}"
        summary.exit_code = exc.returncode if exc.returncode is not None else 2
        state.stack.teardown_to(None)
    finally:
        leftovers, summary.end_error = state.hooked_errors.uninstall(lambda: session_filters(state.config))
        for category, text in leftovers:
            emit(WarningRaised(text, None, category))
        state.stop_capture()
        if state.slow_callbacks is not None:
            from . import slow_callbacks

            slow_callbacks.uninstall(state.slow_callbacks)
    return summary


def _rerun_policy(
    state: SessionState, node: ItemNode, emit: Callable[[Event], None]
) -> RerunPolicy | FlakyPolicy | RetryPolicy | None:
    """Which plugin reruns the test, as under pytest, where each has its own runtest protocol and the
    first to answer runs the test: pytest-rerunfailures' answers for a test it has a rerun count for
    (even 0), box/flaky's for every test, and the one registered last is asked first. pytest-retry
    retries from its report hook, inside whichever protocol ran the test: asked when neither did."""
    reruns = None if state.flaky_runs_tests else state.reruns
    if reruns is not None and reruns.claims(node):
        return reruns.policy_for(node)
    if state.flaky is not None:
        try:
            policy = state.flaky.policy_for(node)
        except ValueError as exc:  # bad mark arguments: the test runs once, with a warning
            emit(WarningRaised(f"flaky: {exc}", node.nodeid, "PluginWarning"))
            return None
        if policy is not None:
            return policy
    return state.retry.policy_for(node) if state.retry is not None else None


def _run_one(
    planned: PlannedTest,
    next_planned: PlannedTest | None,
    state: SessionState,
    nodes: dict[str, ItemNode],
    emit: Callable[[Event], None],
    summary: RunSummary,
) -> bool:
    item = planned.item
    node = nodes[item.nodeid]
    emit(TestStarted(item.nodeid, item.relpath, planned.loop_scope.value if planned.loop_scope else None))
    for message in planned.warnings:
        # Once per fixture/loop pair: suites that deliberately run function-loop tests on
        # session-loop fixtures should not get one line per test.
        key = message.split(" runs on a ", 1)[-1]
        if key not in state.warned and not _silenced(state, node, "LoopScopeWarning", message):
            state.warned.add(key)
            emit(WarningRaised(message, item.nodeid, "LoopScopeWarning"))
    next_node = nodes[next_planned.item.nodeid] if next_planned is not None else None
    protocol = _start_protocol(state, node, next_node, emit)
    _log_protocol(state, "pytest_runtest_logstart", node)
    policy = _rerun_policy(state, node, emit)
    silenced = functools.partial(_silenced, state, node)
    while True:
        run = TestRun(state, planned, node)
        if policy is not None:
            run.retry = _retry_with(policy)
            run.retry_keeps_wider_scopes = policy.keeps_wider_scopes
        with caught_warnings(state.config, lambda: _apply_filters(state, node)) as caught:
            timeout = run.timeout()
            dumps = state.stack_dumps
            if dumps is not None:
                dumps.arm()
            with state.watchdog.arm(timeout, f"test {item.nodeid}") as rearm:
                run.rearm = rearm
                run.deadline = wall_clock() + timeout if timeout else None
                if run.setup() and not state.config.setup_only:
                    run.call()
                run.teardown(next_planned)
            # Dropped now, not when the cycle collector runs (a fixture holding a loop or a connection
            # would otherwise outlive its test by thousands of tests), and inside the test's warning
            # capture, as pytest's teardown drops them: a value whose release warns (an unawaited
            # coroutine) is then a warning of this test in the summary.
            node.funcargs.clear()
            if dumps is not None:
                dumps.disarm()
        result = run.result()
        if not run.retrying or policy is None:
            break
        # Another attempt: this one's warnings are reported now, its outcome only as a rerun.
        policy.record(result.phases)
        _emit_warnings(emit, item.nodeid, caught, result.warnings, silenced)
        forget_failed_fixtures(state, item.fixturenames)
        node.instance = None
        policy.wait()
    if isinstance(policy, RerunPolicy) and policy.attempts:
        result = dataclasses.replace(result, reruns=tuple(policy.attempts))
        policy.settings.rerun_tests += 1
    elif isinstance(policy, RetryPolicy) and policy.retried:
        result = dataclasses.replace(result, retried=policy.settings.outcome)
    _emit_warnings(emit, item.nodeid, caught, result.warnings, silenced)
    _keep_errors(state, node, run)
    _log_protocol(state, "pytest_runtest_logfinish", node)
    if protocol:
        _finish_protocol(protocol, node, emit)
    emit(TestFinished(result))
    if run.quit_debugger:
        from .debugger import QUIT

        raise Exit(QUIT)
    node.stash.clear()
    if item.cls is not None and is_unittest_case(item.cls):
        # pytest's unittest plugin drops the TestCase at its teardown. A plain class's instance stays
        # on the item for the session, as pytest keeps it: what a test set on ``self`` outlives it (a
        # suite keying a registry by id() of a class made in a test relies on no later one reusing it).
        node.instance = None
    if any(o in (Outcome.FAILED, Outcome.ERROR) for o in result.outcomes):
        summary.failed += 1
        # Kept as the run goes, as pytest's: hooks, and a teardown error naming the session, read it.
        if state.plugin_session is not None:
            state.plugin_session.testsfailed = summary.failed
    return False


def _start_protocol(
    state: SessionState, node: ItemNode, next_node: ItemNode | None, emit: Callable[[Event], None]
) -> list[tuple[bool, Any]]:
    """``pytest_runtest_protocol`` of the suite's conftests and plugins: the wrappers (tracing, timing
    each test) entered before the test's protocol and left after it, the plain implementations called
    before it. asynctestrun runs the protocol itself, so a plain one that answers (one that ran the
    test its own way under pytest) is told it was not used."""
    impls = state.item_hook_impls("pytest_runtest_protocol", node.item)
    if not impls:
        return []
    from .._collect.hooks import first_answer
    from .testcall import start_wrappers

    kwargs = {"item": node, "nextitem": next_node}
    started: list[tuple[bool, Any]] = []
    try:
        started = start_wrappers(impls, kwargs)
        answered = first_answer(impls, kwargs)
        if answered is not None:
            message = (
                f"pytest_runtest_protocol of {answered[0].__module__} answered for {node.nodeid}: "
                "asynctestrun runs each test's protocol itself, so the answer was not used"
            )
            emit(WarningRaised(message, node.nodeid, "PluginWarning"))
    except Exception as error:
        _protocol_failed(error, node, emit)
    return started


def _finish_protocol(started: list[tuple[bool, Any]], node: ItemNode, emit: Callable[[Event], None]) -> None:
    from .testcall import finish_wrappers

    try:
        finish_wrappers(started, None)
    except Exception as error:
        _protocol_failed(error, node, emit)


def _protocol_failed(error: Exception, node: ItemNode, emit: Callable[[Event], None]) -> None:
    """A broken pytest_runtest_protocol implementation is reported; the test still runs."""
    message = f"pytest_runtest_protocol raised {type(error).__name__}: {error}"
    emit(WarningRaised(message, node.nodeid, "PluginWarning"))


def _log_protocol(state: SessionState, hook: str, node: ItemNode) -> None:
    """``pytest_runtest_logstart`` / ``logfinish`` around a test's protocol, as pytest's runner calls
    them (conftests log or track the running test there)."""
    if state.item_hook_impls(hook, node.item):  # node.location is worked out only for a listener
        state.item_hooks_notify(hook, node.item, nodeid=node.nodeid, location=node.location)


def _keep_errors(state: SessionState, node: ItemNode, run: TestRun) -> None:
    """Keep the test's errors to the end of the run where pytest-rerunfailures would. Its makereport
    wrapper stores each failed phase's exception on the item, and only its own runtest protocol clears
    them, after each attempt of a test it has a rerun count for. Any other failed test's frames, and
    what their locals hold, then live as long as the session: a finalizer there (a socket's
    ResourceWarning, a ``__del__`` that raises) never runs during the run, so no later test, nor the
    clean-up after the last one, reports its unraisable exception."""
    reruns = state.reruns
    if reruns is None or (not state.flaky_runs_tests and reruns.claims(node)):
        return
    state.kept_errors.extend(exc for _phase, exc in run.failures if exc is not None)


def _retry_with(
    policy: RerunPolicy | FlakyPolicy | RetryPolicy,
) -> Callable[[TestRun, BaseException | None], bool]:
    def retry(run: TestRun, teardown_error: BaseException | None) -> bool:
        failures = list(run.failures)
        # A skip in teardown is reported as a skip, not a failure: it is no reason to rerun.
        if teardown_error is not None and skip_of(teardown_error) is None:
            failures.append((Phase.TEARDOWN, teardown_error))
        return policy.wants_rerun(run.output.phases, failures)

    return retry


def _emit_warnings(
    emit: Callable[[Event], None],
    nodeid: str,
    caught: list[warnings.WarningMessage],
    messages: tuple[str, ...],
    silenced: Callable[[str, str], bool],
) -> None:
    for warning in caught:
        emit(
            WarningRaised(
                str(warning.message),
                nodeid,
                warning.category.__name__,
                f"{warning.filename}:{warning.lineno}",
                allocated_at(warning.source),
            )
        )
    for message in messages:
        category = _category_of(message)
        if category == "PluginWarning" or not silenced(category, message):
            emit(WarningRaised(message, nodeid, category))


def _category_of(message: str) -> str:
    """The category of one of the runner's own messages about a test: a hook that raised (a conftest's
    ``pytest_runtest_logreport``) is a plugin's problem, not a leak."""
    if message.startswith("the event loop was blocked"):
        return "SlowCallbackWarning"
    if message.startswith("pytest_") and " raised " in message:
        return "PluginWarning"
    return "LeakWarning"


def _silenced(state: SessionState, node: ItemNode, category: str, message: str) -> bool:
    """Whether the test's warning filters (the ini's, ``-W``, its ``filterwarnings`` marks) ignore one
    of asynctestrun's own warnings about it. Only ``ignore`` counts: the warning is never raised, so
    that a suite's ``error`` filter does not fail a test that passes under pytest."""
    if not state.config.warnings_plugin:
        return False
    from .._declare.runner_warnings import BY_NAME

    cls = BY_NAME[category]
    module = node.item.module.__name__ if node.item.module is not None else ""
    with warnings.catch_warnings():
        _apply_filters(state, node)
        for action, text, filtered, where, lineno in warnings.filters:  # the first match decides
            if text is not None and not text.match(message):
                continue
            if not issubclass(cls, filtered) or (where is not None and not where.match(module)):
                continue
            if lineno == 0:
                return bool(action == "ignore")
    return False


def base_filters() -> None:
    """pytest's starting point for each test and for collection: Python's own filters (so
    ResourceWarning and ImportWarning stay ignored), with DeprecationWarning and
    PendingDeprecationWarning shown every time unless -W / PYTHONWARNINGS configure filters."""
    if not sys.warnoptions:
        warnings.filterwarnings("always", category=DeprecationWarning)
        warnings.filterwarnings("always", category=PendingDeprecationWarning)


def caught_warnings(
    config: Config, apply_filters: Callable[[], None]
) -> contextlib.AbstractContextManager[list[warnings.WarningMessage]]:
    """pytest's warnings plugin around collection and each test: ``apply_filters`` in force, each
    warning recorded for the summary, the filters restored afterwards. Under ``-p no:warnings`` none of
    it happens: a warning goes to the (captured) stderr under the process's own filters, and a filter
    a test sets stays for the tests after it, as under pytest."""
    if not config.warnings_plugin:
        return contextlib.nullcontext([])
    return _RecordedWarnings(apply_filters)


class _RecordedWarnings(warnings.catch_warnings):
    # A class rather than a generator-based context manager: this wraps every test, and the generator's
    # machinery cost more than the recording itself.
    def __init__(self, apply_filters: Callable[[], None]) -> None:
        super().__init__(record=True)
        self._apply_filters = apply_filters

    def __enter__(self) -> list[warnings.WarningMessage]:
        caught = super().__enter__()
        self._apply_filters()
        return caught if caught is not None else []


def session_filters(config: Config) -> None:
    """The filters outside any test (``base_filters``, then ini ``filterwarnings`` and -W): what
    collection and the end of the run see, and what each test's marks are added to."""
    base_filters()
    for spec in config.filterwarnings:
        add_filter(spec)


def _apply_filters(state: SessionState, node: ItemNode) -> None:
    # Every test starts from the same filters, so the session's part (ini filterwarnings and -W,
    # parsed and their categories imported) is worked out for the first test and copied in for the
    # rest. The copy goes straight into the list catch_warnings has just made current and marked
    # changed, before any warning can be issued under it. Where filters are per context (Python
    # 3.14's context-aware warnings) that list is not the one in use: work them out each time.
    current: list[Any] = warnings.filters  # type: ignore[assignment]  # a list, typed as a Sequence
    start = list(current)
    cached = state.test_filters
    if cached is not None and cached[0] == start and not getattr(sys.flags, "context_aware_warnings", False):
        current[:] = cached[1]
    else:
        session_filters(state.config)
        state.test_filters = (start, list(warnings.filters))
    # In pytest's order (iter_markers: the test's own marks, top decorator last, then its class's,
    # then its module's), each added in front of the ones before it: the last added is tried first, so
    # a module's mark overrides its test's, as under pytest's catch_warnings_for_item.
    for mark in node.iter_markers("filterwarnings"):
        for arg in mark.args:
            add_filter(str(arg))


def add_filter(spec: str) -> None:
    parts = [p.strip() for p in spec.split(":")]
    while len(parts) < 5:
        parts.append("")
    action, message, category_name, module, lineno = parts[:5]
    category: Any = Warning
    if category_name:
        category = _resolve_category(category_name)
        if category is None:
            return
    with contextlib.suppress(ValueError, AssertionError):
        warnings.filterwarnings(
            action or "default",  # type: ignore[arg-type]
            message=message,
            category=category,
            module=module,
            lineno=int(lineno) if lineno else 0,
        )


def _resolve_category(name: str) -> Any:
    import builtins
    import importlib

    if "." not in name:
        return getattr(builtins, name, None)
    module_name, _, attr = name.rpartition(".")
    try:
        module = importlib.import_module(module_name)
    except ImportError:
        return None
    return getattr(module, attr, None)
