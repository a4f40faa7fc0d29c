"""SessionState: the runtime state shared by all tests of one run (scope stack, fixture cache, loops)."""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Literal

from .._collect.harvest import is_unittest_case
from .._config.config import Config
from .._model.events import (
    Event,
    FixtureShown,
    LiveLogged,
    LoopScopeClosed,
    LoopScopeOpened,
    PhaseReported,
    TestShown,
)
from .._model.items import FixtureDef, HolderKind, TestItem
from .._model.scopes import LoopScope, Scope
from .._plan.registry import FixtureRegistry
from .fixtures import CachedValue, ItemRuntime
from .loop_factories import CurrentFactory
from .loops import LoopFactory, LoopRunner, uvloop_factory
from .nodes import ClassNode, ContainerNode, ModuleNode, NodeTree, SessionNode
from .scopestack import ScopeNode, ScopeStack, run_finalizers
from .stack_dumps import StackDumps

if TYPE_CHECKING:
    from .._builtins.capture import CaptureManager
    from .._builtins.logging import LiveLogHandler
    from .flaky import FlakySettings
    from .reruns import RerunSettings
    from .retry import RetrySettings


class SessionState:
    def __init__(
        self,
        config: Config,
        registry: FixtureRegistry,
        plugin_config: Any,
        plugin_session: Any,
        emit: Callable[[Event], None],
        hooks_call: Callable[..., Any] | None = None,
        hook_impls: Callable[[str], list[Callable[..., Any]]] | None = None,
        capture: CaptureManager | None = None,
        item_hook_impls: Callable[[str, TestItem], list[Callable[..., Any]]] | None = None,
        live_log: LiveLogHandler | None = None,
    ) -> None:
        self.config = config
        self.registry = registry
        self.plugin_config = plugin_config
        self.plugin_session = plugin_session
        self.emit = emit
        self.hooks_call: Callable[..., Any] = hooks_call or (lambda *args, **kwargs: None)
        self.hook_impls: Callable[[str], list[Callable[..., Any]]] = hook_impls or (lambda _name: [])
        # A test's own hooks (pytest's item.ihook): the plugins' and those of the conftests above
        # its file only, not a conftest of another directory.
        self.item_hook_impls: Callable[[str, TestItem], list[Callable[..., Any]]] = item_hook_impls or (
            lambda name, _item: self.hook_impls(name)
        )
        self._fixture_setup_hooks: list[Callable[..., Any]] | None = None
        self.stack = ScopeStack()
        self.pending_warnings: list[str] = []  # collected during a test, attached to its result
        self.warned: set[str] = set()  # one-per-run warnings already given
        # The warning filters a test starts from, and those plus the session's (runner._apply_filters).
        self.test_filters: tuple[list[Any], list[Any]] | None = None
        from .structured import TestGuard

        self.guard = TestGuard()  # lets a failing structured fixture stop the test on its loop
        self.slow_callbacks: Any = None  # with asyncio_debug: collects slow-callback reports
        self.reruns: RerunSettings | None = None  # where pytest-rerunfailures is installed
        self.flaky: FlakySettings | None = None  # where box/flaky is installed
        self.retry: RetrySettings | None = None  # where pytest-retry is installed
        # Both installed, box/flaky registered after pytest-rerunfailures: pluggy calls flaky's runtest
        # protocol first, which runs every test, so rerunfailures never reruns one.
        self.flaky_runs_tests: bool = False
        # The failed phases' exceptions pytest-rerunfailures keeps to the end of the run (runner.py).
        self.kept_errors: list[BaseException] = []
        self.stack_dumps: StackDumps | None = None  # faulthandler_timeout (set by runner.execute)
        self.cache: dict[FixtureDef, CachedValue] = {}
        self.class_instances: dict[str, Any] = {}  # by class scope key: see class_instance
        # The session's node tree, shared with its items' ``parent`` (a bare session has its own).
        self.nodes: NodeTree = getattr(plugin_session, "nodes", None) or NodeTree(plugin_config)
        self.nodes.finalizer_host = self._add_container_finalizer
        self._loop_factory: LoopFactory | None = uvloop_factory() if config.loop_factory == "uvloop" else None
        if "uvloop" in config.loop_matrix:
            uvloop_factory()  # an installation that cannot load stops the run here, not in every test
        self.factories = CurrentFactory(self.stack)  # which factory loops come from (loop factories)
        from .._builtins.capture import CaptureManager
        from .._builtins.logging import LoggingCapture
        from .anyio_runner import AnyioRunners

        self.anyio = AnyioRunners()
        from .timeouts import Watchdog

        self.watchdog = Watchdog(hard_kill=config.worker)
        # The session's capture, already started while the test files were imported, or a new one.
        self.capture = capture or CaptureManager(config.capture)  # type: ignore[arg-type]
        # --setup-show in the main process: fixtures' set-up and teardown are written as they happen
        # (workers keep them, as pytest-xdist's do).
        self.shows_setup: bool = config.setup_show and not config.worker
        # ...and with them pytest-asyncio's fixtures behind each loop, where its plugin takes part.
        self.shows_loop_fixtures: bool = self.shows_setup and config.asyncio_plugin
        self._factory_shown = False  # pytest-asyncio's loop factory fixture, listed once a loop opens
        # Output not captured (-s), or fixture lines shown, in the main process: PhaseReported events
        # let the terminal write an outcome before the teardown prints or shows. Workers do not send
        # them: their parent's terminal writes each test when it ends.
        # Live logging (log_cli) in the main process (``live_log``): the terminal writes each record as it
        # comes, under the test's line, so its outcome is written as it is made too.
        self.echoes_reports: bool = (
            config.capture == "no" or self.shows_setup or live_log is not None
        ) and not config.worker
        self.logging = LoggingCapture(
            config.log_level,
            *log_formats(config),
            run_levels=run_log_levels(config),
            live=live_log,
            enabled="logging" not in config.blocked_plugins(),
        )
        from .unraisable import HookedErrors

        self.hooked_errors = HookedErrors()  # exceptions in __del__ and threads, per phase as pytest

    def fixture_setup_hooks(self) -> list[Callable[..., Any]]:
        """Plugins' ``pytest_fixture_setup`` implementations, looked up once: most runs have none, and
        every fixture set-up asks."""
        if self._fixture_setup_hooks is None:
            self._fixture_setup_hooks = self.hook_impls("pytest_fixture_setup")
        return self._fixture_setup_hooks

    def show(self, event: FixtureShown | TestShown | PhaseReported | LiveLogged) -> None:
        """Something the terminal writes while a test runs (a --setup-show line, an outcome under
        --setup-show, a live log record), past the capture, as pytest writes it."""
        with self.capture.global_and_fixture_disabled():
            self.emit(event)

    def _show_runner(self, loop_scope: LoopScope) -> None:
        """pytest-asyncio's fixtures behind a loop, as --setup-show lists them under pytest: the
        session's loop factory once, then the scope's runner (its TEARDOWN when the loop closes)."""
        if not self._factory_shown:
            self._factory_shown = True
            setup = FixtureShown("SETUP", Scope.SESSION.value, _FACTORY_FIXTURE)
            self.show(setup)
            teardown = dataclasses.replace(setup, action="TEARDOWN")
            self.stack.node_for(Scope.SESSION).addfinalizer(lambda: self.show(teardown))
        used = (_FACTORY_FIXTURE, "event_loop_policy")
        self.show(FixtureShown("SETUP", loop_scope.value, runner_fixture_name(loop_scope.value), used))

    def start_capture(self) -> None:
        self.capture.start()
        self.capture.suspend()

    def stop_capture(self) -> None:
        self.capture.stop()
        self.logging.detach()

    def item_hooks_call(self, hook: str, test: TestItem, /, **kwargs: Any) -> list[Any]:
        """Call a test's own hook (``item.ihook.<hook>``): its plain implementations, answers other
        than None in call order."""
        from .._collect.hooks import call_plain

        return call_plain(self.item_hook_impls(hook, test), kwargs)

    def item_hooks_notify(self, hook: str, test: TestItem, /, **kwargs: Any) -> None:
        """Tell a test's own hook implementations something (logstart, an exception to look at), each
        on its own: one that raises is a warning on the test, and the others are still called."""
        from .._collect.hooks import call_with_declared, is_wrapper

        for impl in self.item_hook_impls(hook, test):
            if is_wrapper(impl):
                continue
            try:
                call_with_declared(impl, kwargs)
            except Exception as error:
                self.pending_warnings.append(f"{hook} raised {type(error).__name__}: {error}")

    def finish(self, fixturedef: FixtureDef) -> list[BaseException]:
        cached = self.cache.get(fixturedef)
        if cached is None:
            return []
        errors = run_finalizers(cached.finalizers)
        if self.cache.get(fixturedef) is cached:
            del self.cache[fixturedef]
        if cached.shown:
            # pytest's TEARDOWN line follows the fixture's finalizers, whatever they raised.
            event = FixtureShown(
                "TEARDOWN", fixturedef.scope.value, fixturedef.name, param=cached.shown_param
            )
            self.show(event)
        return errors

    def loop_for(
        self, runtime: ItemRuntime, loop_scope: LoopScope, *, fixture: FixtureDef | None = None
    ) -> LoopRunner:
        """The runner of ``loop_scope`` for this test, opened if needed; ``fixture``: an async fixture
        about to be set up on it, finished first if the loop is retired early (loop factories)."""
        factory = self.factories.select(runtime.item)
        node = self.stack.loop_node(loop_scope)
        runner = node.loops.get(loop_scope)
        if runner is None:
            runner = self._open_loop(runtime, loop_scope, node, factory)
        if fixture is not None:
            self.factories.bind(runner, fixture, lambda: _raise_first(self.finish(fixture)))
        return runner

    def _open_loop(
        self, runtime: ItemRuntime, loop_scope: LoopScope, node: ScopeNode, factory: LoopFactory | None
    ) -> LoopRunner:
        policy = self._user_policy(runtime)
        if factory is None and policy is None:
            factory = self._loop_factory
        runner = LoopRunner(
            loop_scope.value,
            node.key,
            debug=self.config.asyncio_debug,
            slow_callback_seconds=self.config.slow_callback_ms / 1000.0,
            # A factory from the loop-factory hook wins over the suite's policy, as in pytest-asyncio
            # (the policy is still installed while the loop lives).
            loop_factory=factory,
            policy=policy,
        )
        node.loops[loop_scope] = runner
        self.emit(LoopScopeOpened(loop_scope.value, node.key))
        if self.shows_loop_fixtures:
            self._show_runner(loop_scope)
        closer = _LoopCloser(self, node, loop_scope, runner)
        node.addfinalizer(closer.close)
        self.factories.opened(runner, closer.close)
        if self.fixture_setup_hooks():  # plugins that patch each loop as pytest-asyncio makes it
            from .loop_hooks import announce_loop

            announce_loop(self.fixture_setup_hooks(), runtime, runner)
        return runner

    def _user_policy(self, runtime: ItemRuntime) -> asyncio.AbstractEventLoopPolicy | None:
        """A suite's own ``event_loop_policy`` fixture decides the loop type (e.g. uvloop)."""
        defs = self.registry.visible("event_loop_policy", runtime.item.holders)
        if not defs or defs[-1].holder.kind is HolderKind.BUILTIN:
            return None
        policy = runtime.get_value("event_loop_policy")
        return policy if isinstance(policy, asyncio.AbstractEventLoopPolicy) else None

    def class_instance(self, item: TestItem) -> Any:
        """The instance a class's wider-scoped fixture methods are bound to: one per class, kept for
        the session as pytest's class collector keeps the instance it collected the fixtures from."""
        if item.cls is None:
            return None
        key = self.stack.node_for(Scope.CLASS).key
        if key not in self.class_instances:
            # A TestCase is made for "runTest", as pytest makes it: some subclasses drop the default.
            self.class_instances[key] = item.cls("runTest") if is_unittest_case(item.cls) else item.cls()
        return self.class_instances[key]

    def _add_container_finalizer(
        self, node: ContainerNode | SessionNode, finalizer: Callable[[], object]
    ) -> bool:
        """``addfinalizer`` on the session, a package, module or class node: kept by that scope's live
        instance and run when it is torn down. False when that node's scope is not live."""
        scope = (
            Scope.SESSION
            if isinstance(node, SessionNode)
            else Scope.CLASS
            if isinstance(node, ClassNode)
            else Scope.MODULE
            if isinstance(node, ModuleNode)
            else Scope.PACKAGE
        )
        for live in self.stack.stack:
            if live.scope is scope and live.key == node.nodeid:
                live.addfinalizer(finalizer)  # type: ignore[arg-type]
                return True
        return False

    def container_node(self, item: TestItem, scope: Scope) -> ContainerNode:
        """``request.node`` of a class- or module-scoped fixture: the same node the item's
        ``parent`` is, so state a plugin keeps on one is seen on the other."""
        chain = self.nodes.chain(item)
        if scope is Scope.CLASS and isinstance(chain[-1], ClassNode):
            return chain[-1]
        return next(node for node in chain if isinstance(node, ModuleNode))


# pytest-asyncio's session fixture that picks each loop's factory, and its per-scope runner fixtures
# ("_module_scoped_runner"): --setup-show lists them, and a test's line names its runner.
_FACTORY_FIXTURE = "_asyncio_loop_factory"


def runner_fixture_name(loop_scope: str) -> str:
    return f"_{loop_scope}_scoped_runner"


class _LoopCloser:
    """Closes one scope's loop: at the end of the scope, or earlier when its loop factory is retired.
    The second call does nothing; the runner is dropped once closed, so a closer left on a long-lived
    scope's finalizer list does not keep a closed loop alive."""

    def __init__(
        self, state: SessionState, node: ScopeNode, loop_scope: LoopScope, runner: LoopRunner
    ) -> None:
        self._state = state
        self._node = node
        self._loop_scope = loop_scope
        self._runner: LoopRunner | None = runner

    def close(self) -> None:
        runner, node, state = self._runner, self._node, self._state
        if runner is None:
            return
        self._runner = None
        loop_scope = runner.loop_scope
        if node.loops.get(self._loop_scope) is runner:
            del node.loops[self._loop_scope]
        state.factories.closed(runner)
        leaked = runner.pending_tasks()
        try:
            runner.close()
        finally:
            state.emit(LoopScopeClosed(loop_scope, node.key))
            if state.shows_loop_fixtures:
                state.show(FixtureShown("TEARDOWN", loop_scope, runner_fixture_name(loop_scope)))
        if leaked is not None:
            message = (
                f"tasks were still pending when the {loop_scope}-scoped event loop closed and were "
                f"cancelled (left running by this test or its fixtures):\n{leaked}"
            )
            if state.config.strict_leaks:
                from .._declare.outcomes import Failed

                raise Failed(message, pytrace=False)
            state.pending_warnings.append(message)


def _raise_first(errors: list[BaseException]) -> None:
    if errors:
        raise errors[0]


def log_setting(config: Config, name: str) -> str | None:
    """A logging option (``log_format``, ``log_cli_date_format``...): the command line's, else the
    ini file's; None where neither sets it."""
    value = config.plugin_options.get(name) or config.ini.get(name)
    return value if isinstance(value, str) and value else None


def log_formats(config: Config, handler: Literal["cli", "file"] | None = None) -> tuple[str, str | None]:
    """A log handler's format and date format: live logging's (``handler`` "cli") or the log file's
    ("file") own settings, else the captured log's (``log_format``, ``log_date_format``), else pytest's
    default format, as pytest falls back. The keys are spelled out, for docs/gen_reference.py."""
    from .._builtins.logging import DEFAULT_LOG_FORMAT

    own: tuple[str | None, str | None] = (None, None)
    if handler == "cli":
        own = (log_setting(config, "log_cli_format"), log_setting(config, "log_cli_date_format"))
    elif handler == "file":
        own = (log_setting(config, "log_file_format"), log_setting(config, "log_file_date_format"))
    fmt = own[0] or log_setting(config, "log_format") or DEFAULT_LOG_FORMAT
    return fmt, own[1] or log_setting(config, "log_date_format")


def run_log_levels(config: Config) -> dict[str, int | str]:
    """``log_file_level`` and ``log_cli_level`` (command line, then ini), each defaulting to
    ``log_level`` as in pytest, in the order pytest checks them; only the ones set."""
    levels: dict[str, int | str] = {}
    from_ini = {
        "log_file_level": config.ini.get("log_file_level"),
        "log_cli_level": config.ini.get("log_cli_level"),
    }
    for name, ini_value in from_ini.items():
        value = config.plugin_options.get(name) or ini_value or config.log_level
        if isinstance(value, int | str) and value != "":
            levels[name] = value
    return levels
