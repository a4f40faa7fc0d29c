"""SessionState: the runtime state shared by all tests of one run (scope stack, fixture cache, loops)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from .._config.config import Config
from .._model.events import Event, LoopScopeClosed, LoopScopeOpened
from .._model.items import FixtureDef, HolderKind, TestItem
from .._model.scopes import LoopScope, Scope
from .._plan.registry import FixtureRegistry
from .fixtures import CachedValue, ItemRuntime
from .loops import LoopFactory, LoopRunner, uvloop_factory
from .nodes import ContainerNode
from .scopestack import ScopeStack, run_finalizers


class SessionState:
    def __init__(
        self,
        config: Config,
        registry: FixtureRegistry,
        plugin_config: Any,
        plugin_session: Any,
        emit: Callable[[Event], None],
        hooks_call: Callable[..., Any] | None = None,
    ) -> None:
        self.config = config
        self.registry = registry
        self.plugin_config = plugin_config
        self.plugin_session = plugin_session
        self.emit = emit
        self.hooks_call: Callable[..., Any] = hooks_call or (lambda *args, **kwargs: None)
        self.stack = ScopeStack()
        self.pending_warnings: list[str] = []  # collected during a test, attached to its result
        self.warned: set[str] = set()  # one-per-run warnings already given
        from .structured import TestGuard

        self.guard = TestGuard()  # lets a failing structured fixture stop the test on its loop
        self.slow_callbacks: Any = None  # with asyncio_debug: collects slow-callback reports
        self.cache: dict[FixtureDef, CachedValue] = {}
        self._containers: dict[str, ContainerNode] = {}
        self._loop_factory: LoopFactory | None = uvloop_factory() if config.loop_factory == "uvloop" else None
        from .._builtins.capture import CaptureManager
        from .._builtins.logging import LoggingCapture
        from .anyio_runner import AnyioRunners

        self.anyio = AnyioRunners()
        from .timeouts import Watchdog

        self.watchdog = Watchdog(hard_kill=config.worker)
        self.capture = CaptureManager(config.capture)  # type: ignore[arg-type]
        self.logging = LoggingCapture(config.log_level)

    def start_capture(self) -> None:
        self.capture.start()
        self.capture.suspend()

    def stop_capture(self) -> None:
        self.capture.stop()

    def finish(self, fixturedef: FixtureDef) -> list[BaseException]:
        cached = self.cache.get(fixturedef)
        if cached is None:
            return []
        errors = run_finalizers(cached.finalizers)
        if self.cache.get(fixturedef) is cached:
            del self.cache[fixturedef]
        return errors

    def loop_for(self, runtime: ItemRuntime, loop_scope: LoopScope) -> LoopRunner:
        node = self.stack.loop_node(loop_scope)
        if node.loop is not None:
            return node.loop
        policy = self._user_policy(runtime)
        runner = LoopRunner(
            loop_scope.value,
            node.key,
            debug=self.config.asyncio_debug,
            slow_callback_seconds=self.config.slow_callback_ms / 1000.0,
            loop_factory=self._loop_factory if policy is None else None,
            policy=policy,
        )
        node.loop = runner
        self.emit(LoopScopeOpened(loop_scope.value, node.key))

        def close() -> None:
            node.loop = None
            leaked = runner.pending_tasks()
            try:
                runner.close()
            finally:
                self.emit(LoopScopeClosed(loop_scope.value, node.key))
            if leaked is not None:
                message = (
                    f"tasks were still pending when the {loop_scope.value}-scoped event loop closed and were "
                    f"cancelled (left running by this test or its fixtures):\n{leaked}"
                )
                if self.config.strict_leaks:
                    from .._declare.outcomes import Failed

                    raise Failed(message, pytrace=False)
                self.pending_warnings.append(message)

        node.addfinalizer(close)
        return runner

    def _user_policy(self, runtime: ItemRuntime) -> asyncio.AbstractEventLoopPolicy | None:
        """A suite's own ``event_loop_policy`` fixture decides the loop type (e.g. uvloop)."""
        defs = self.registry.visible("event_loop_policy", runtime.item.holders)
        if not defs or defs[-1].holder.kind is HolderKind.BUILTIN:
            return None
        policy = runtime.get_value("event_loop_policy")
        return policy if isinstance(policy, asyncio.AbstractEventLoopPolicy) else None

    def class_instance(self, item: TestItem) -> Any:
        node = self.stack.node_for(Scope.CLASS)
        if "instance" not in node.state and item.cls is not None:
            node.state["instance"] = item.cls()
        return node.state.get("instance")

    def container_node(self, item: TestItem, scope: Scope) -> ContainerNode:
        if scope is Scope.CLASS and item.cls is not None and item.chain.klass is not None:
            key = item.chain.klass
            if key not in self._containers:
                self._containers[key] = ContainerNode(
                    item.cls.__name__, key, item.cls, item.path, self.plugin_config
                )
            return self._containers[key]
        key = item.relpath
        if key not in self._containers:
            self._containers[key] = ContainerNode(
                item.path.name, key, item.module, item.path, self.plugin_config
            )
        return self._containers[key]
