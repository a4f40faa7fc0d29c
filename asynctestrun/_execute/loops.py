"""LoopRunner: owns one event loop; every call through it runs on that same loop.

A LoopRunner is created lazily for a loop-scope instance (one per test for ``function``, one per
class/module/package, one for the session) and closed when that instance ends: pending tasks are
cancelled, async generators and the default executor are shut down, then the loop is closed.
"""

from __future__ import annotations

import asyncio
import contextvars
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

T = TypeVar("T")

LoopFactory = Callable[[], asyncio.AbstractEventLoop]


def uvloop_factory() -> LoopFactory:
    import uvloop

    factory: LoopFactory = uvloop.new_event_loop
    return factory


class LoopRunner:
    def __init__(
        self,
        loop_scope: str,
        key: str,
        *,
        debug: bool,
        loop_factory: LoopFactory | None,
        policy: asyncio.AbstractEventLoopPolicy | None = None,
    ) -> None:
        self.loop_scope = loop_scope
        self.key = key
        self._old_policy: asyncio.AbstractEventLoopPolicy | None = None
        if policy is not None:
            self._old_policy = asyncio.get_event_loop_policy()
            asyncio.set_event_loop_policy(policy)
        self._runner = asyncio.Runner(debug=debug, loop_factory=loop_factory)
        self.loop = self._runner.get_loop()
        if loop_factory is not None:
            # asyncio.Runner only makes its loop current when it created the loop itself.
            asyncio.set_event_loop(self.loop)
        self._made_current = loop_factory is not None

    def run(self, coro: Coroutine[Any, Any, T], context: contextvars.Context | None = None) -> T:
        # Sync code between runs (sync fixtures, other loops) may have changed the current loop.
        asyncio.set_event_loop(self.loop)
        return self._runner.run(coro, context=context)

    def pending_tasks(self) -> str | None:
        """Where tasks still pending on this loop are awaiting, or None when there are none."""
        import asyncio

        from .timeouts import describe_tasks

        if self.loop.is_closed() or not [t for t in asyncio.all_tasks(self.loop) if not t.done()]:
            return None
        return describe_tasks(self.loop)

    def close(self) -> None:
        try:
            self._runner.close()
        finally:
            if self._made_current:
                asyncio.set_event_loop(None)
            if self._old_policy is not None:
                asyncio.set_event_loop_policy(self._old_policy)
