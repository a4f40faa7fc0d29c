"""Running anyio-style tests and fixtures on anyio's own test runner (asyncio or trio backend).

anyio keeps one runner (one event loop) alive while anything holds a lease on it: an async-generator
fixture holds its lease from set-up to teardown, so a module-scoped anyio fixture and the tests using
it share a loop, while tests with no live async fixture each get a fresh one. Same rule here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from typing import Any

from .._declare.outcomes import Exit


def backend_and_options(backend: object) -> tuple[str, dict[str, Any]]:
    if isinstance(backend, str):
        return backend, {}
    if (
        isinstance(backend, tuple)
        and len(backend) == 2
        and isinstance(backend[0], str)
        and isinstance(backend[1], dict)
    ):
        return backend[0], backend[1]
    raise TypeError("anyio_backend must be either a string or tuple of (string, dict)")


class AnyioRunners:
    def __init__(self) -> None:
        self._runner: Any = None
        self._stack: ExitStack | None = None
        self._leases = 0

    @contextmanager
    def lease(self, backend: object) -> Iterator[Any]:
        if self._runner is None:
            from anyio._core import _eventloop

            name, options = backend_and_options(backend)
            stack = ExitStack()
            setter = getattr(_eventloop, "set_current_async_library", None)
            current = getattr(_eventloop, "current_async_library", None)
            if setter is not None and current is not None and current() is None:
                token = setter(name)
                stack.callback(_eventloop.reset_current_async_library, token)
            self._runner = stack.enter_context(_eventloop.get_async_backend(name).create_test_runner(options))
            self._stack = stack
        self._leases += 1
        try:
            yield self._runner
        finally:
            self._leases -= 1
            if not self._leases and self._stack is not None:
                stack, self._stack, self._runner = self._stack, None, None
                stack.close()

    def run_test(self, backend: object, func: Callable[..., Any], kwargs: dict[str, Any]) -> None:
        with self.lease(backend) as runner:
            try:
                runner.run_test(func, kwargs)
            except BaseExceptionGroup as group:
                # As anyio's plugin: pytest.exit() (a debugger's quit) inside a task group still ends
                # the run, as an interrupt does, instead of failing this test.
                for exc in _leaves(group):
                    if isinstance(exc, Exit | KeyboardInterrupt | SystemExit):
                        raise exc from group
                raise

    def run_hypothesis_test(
        self, backend: object, holder: Any, func: Callable[..., Any], kwargs: dict[str, Any]
    ) -> None:
        """``@given`` on an anyio test: ``func`` is hypothesis's sync wrapper, which calls
        ``holder.inner_test`` once per example. As anyio's plugin does, each example runs as one
        anyio test (keyword arguments only), on the shared runner while a fixture holds it, else on
        a fresh one."""
        original = holder.inner_test

        def run_example(**example_kwargs: Any) -> None:
            with self.lease(backend) as runner:
                runner.run_test(original, example_kwargs)

        holder.inner_test = run_example
        try:
            func(**kwargs)
        finally:
            holder.inner_test = original

    def run_fixture(self, backend: object, func: Callable[..., Any], kwargs: dict[str, Any]) -> Any:
        with self.lease(backend) as runner:
            return runner.run_fixture(func, kwargs)

    def start_asyncgen_fixture(
        self, backend: object, func: Callable[..., Any], kwargs: dict[str, Any]
    ) -> tuple[Any, Callable[[], None]]:
        """Set up an async-generator fixture; returns its value and the teardown to call later."""
        lease = self.lease(backend)
        runner = lease.__enter__()
        generator = runner.run_asyncgen_fixture(func, kwargs)
        try:
            value = next(generator)
        except BaseException:
            lease.__exit__(None, None, None)
            raise

        def finish() -> None:
            try:
                next(generator)
            except StopIteration:
                pass
            finally:
                lease.__exit__(None, None, None)

        return value, finish


def _leaves(group: BaseExceptionGroup[BaseException]) -> Iterator[BaseException]:
    for exc in group.exceptions:
        if isinstance(exc, BaseExceptionGroup):
            yield from _leaves(exc)
        else:
            yield exc
