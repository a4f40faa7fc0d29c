"""pytest-asyncio's loops as plugins' hooks see them: the hook calls pytest makes around a loop.

Under pytest, each event loop is the value of a pytest-asyncio fixture (``_function_scoped_runner``,
``_module_scoped_runner``, ...) that yields an ``asyncio.Runner``, and an async test's call goes
through ``pytest_pyfunc_call``. Plugins that extend pytest-asyncio's loops hook in at exactly those two
points: looptime patches each loop as its runner fixture is set up (a ``pytest_fixture_setup``
wrapper) and switches its fake clock on around the test (a ``pytest_pyfunc_call`` wrapper that finds
the running loop through ``funcargs["event_loop_policy"]``). asynctestrun has no runner fixtures, so
when a LoopRunner opens a loop, the ``pytest_fixture_setup`` wrappers are given what they would be
given there; the ``pytest_pyfunc_call`` wrappers are run by the test call (``testcall.py``).

Only wrappers are called for the runner: a plain ``pytest_fixture_setup`` implementation answers with
a fixture's value, and the loop is asynctestrun's to make.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Generator
from typing import TYPE_CHECKING, Any

from .._collect.hooks import HookOutcome, call_with_declared, hook_option, is_wrapper

if TYPE_CHECKING:
    from .fixtures import ItemRuntime
    from .loops import LoopRunner

# The module pytest-asyncio's fixtures live in: what ``fixturedef.func.__module__`` names, and the
# name of the module ``config.pluginmanager.getplugin("asyncio")`` returns (looptime compares both).
ASYNCIO_PLUGIN_MODULE = "pytest_asyncio.plugin"


def _scoped_runner() -> None:
    """Stands in for pytest-asyncio's runner fixture function (never called)."""


_scoped_runner.__module__ = ASYNCIO_PLUGIN_MODULE


def announce_loop(wrappers: list[Callable[..., Any]], runtime: ItemRuntime, runner: LoopRunner) -> None:
    """Give the ``pytest_fixture_setup`` wrappers a newly opened loop as pytest-asyncio's runner
    fixture of its loop scope, outermost first to their ``yield`` and innermost first after it."""
    wrappers = [impl for impl in wrappers if is_wrapper(impl)]
    if not wrappers:
        return
    from .fixtures import FixtureRequest, _FixtureDefView

    scope = runner.loop_scope
    view = _FixtureDefView(f"_{scope}_scoped_runner", scope, _scoped_runner)
    kwargs = {"fixturedef": view, "request": FixtureRequest(runtime, None)}
    started: list[tuple[Generator[Any, Any, Any], bool]] = []
    for impl in wrappers:
        generator = call_with_declared(impl, kwargs)
        if not isinstance(generator, Generator):
            continue
        with contextlib.suppress(StopIteration):
            next(generator)
            started.append((generator, hook_option(impl, "hookwrapper")))
    value = runner.asyncio_runner()
    for generator, old_style in reversed(started):
        with contextlib.suppress(StopIteration):
            generator.send(HookOutcome(value) if old_style else value)
