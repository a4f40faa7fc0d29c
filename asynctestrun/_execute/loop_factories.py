"""Which loop factory new event loops come from while a test runs, and retiring loops when it changes.

A test parametrized by loop factory (``_collect/loop_factories.py``) carries the factory in its
callspec, scoped like its loop. pytest-asyncio holds the current factory as one cached value that
every event loop depends on, and asynctestrun reproduces what follows from that:

* An async test sets the value when its set-up starts; any test sets it when it needs a loop that is
  not open yet. A test without a factory parameter sets "none" (loops from ``--loop`` or the
  suite's ``event_loop_policy``) for the session.
* A value lasts until the scope it was set for ends (the test's loop scope; the session for "none"),
  or until a test sets a different one.
* When a value ends, every loop opened under it is retired, newest first: the async fixtures set up
  on that loop are finished (newest first, their dependents with them), then the loop is closed.

Worked example: factories a and b, tests in the order they run (module tests grouped by factory)::

    m.py::test_1[a]  module loop    value a for m.py    opens module loop A1; module fixture set up on A1
    m.py::test_2[a]  module loop    value a             reuses A1 and the fixture
    m.py::test_1[b]  module loop    value b for m.py    retires A1 (fixture finished, then A1 closed);
                                                        opens B1; fixture set up again on B1
    m.py::test_sync  no loop        unchanged           a cached async fixture is just reused
    m.py::test_3[a]  function loop  value a for test_3  retires B1; the fixture is set up on a new
                                                        module loop A2, the test runs on A3; when
                                                        test_3 ends so does the value: A3 and A2 retire

With no factory anywhere the value is "none" for the whole run and nothing is ever retired early.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .._collect.loop_factories import FACTORY_ARGNAME
from .._model.items import FixtureDef, TestItem
from .._model.scopes import LoopScope, Scope
from .loops import LoopFactory, LoopRunner
from .scopestack import ScopeStack, run_finalizers

if TYPE_CHECKING:
    from .scopestack import ScopeNode


@dataclass(eq=False)
class _Value:
    """One value of the current factory: what it is, and whether it has ended."""

    key: object  # the factory parameter; None: a test without one
    ended: bool = False


@dataclass(eq=False)
class _OpenLoop:
    runner: LoopRunner
    value: _Value
    close: Callable[[], None]  # the scope's own closer: reports leaks, safe to call twice
    # Finishers of the async fixtures set up on this loop, oldest first; one per fixture definition
    # (a function-scoped fixture set up again for the next test moves to the end).
    fixtures: dict[FixtureDef, Callable[[], None]] = field(default_factory=dict)


class CurrentFactory:
    def __init__(self, stack: ScopeStack) -> None:
        self._stack = stack
        self._value: _Value | None = None
        self._open: dict[int, _OpenLoop] = {}  # by id(runner): the loops now open, oldest first

    def select(self, item: TestItem) -> LoopFactory | None:
        """The factory for loops ``item`` opens (None: the default). A different value than the
        current one ends the current one first, which retires its loops."""
        callspec = item.callspec
        key: LoopFactory | None = callspec.params.get(FACTORY_ARGNAME)  # checked callable at collection
        value = self._value
        if value is not None and not value.ended and _same(value.key, key):
            return key
        if value is not None:
            self._value = None
            _raise_first(self._end(value))
        value = self._value = _Value(key)
        scope = callspec.param_scopes.get(FACTORY_ARGNAME) if key is not None else None
        node = self._node(scope)
        node.addfinalizer(lambda: _raise_first(self._end(value)))
        return key

    def opened(self, runner: LoopRunner, close: Callable[[], None]) -> None:
        """A loop was opened under the current value (``select`` was called just before)."""
        assert self._value is not None
        self._open[id(runner)] = _OpenLoop(runner, self._value, close)

    def closed(self, runner: LoopRunner) -> None:
        self._open.pop(id(runner), None)

    def bind(self, runner: LoopRunner, fixturedef: FixtureDef, finish: Callable[[], None]) -> None:
        """An async fixture was set up on ``runner``: retiring the loop finishes it first."""
        loop = self._open.get(id(runner))
        if loop is not None:
            loop.fixtures.pop(fixturedef, None)
            loop.fixtures[fixturedef] = finish

    def _end(self, value: _Value) -> list[BaseException]:
        if value.ended:
            return []
        value.ended = True
        if self._value is value:
            self._value = None
        errors: list[BaseException] = []
        for loop in reversed([loop for loop in self._open.values() if loop.value is value]):
            # run_finalizers pops from the end: the fixtures newest first, then the loop itself.
            errors += run_finalizers([loop.close, *loop.fixtures.values()])
            loop.fixtures.clear()
        return errors

    def _node(self, scope: Scope | None) -> ScopeNode:
        if scope is None:
            return self._stack.stack[0]
        return self._stack.loop_node(LoopScope(scope.value))


def _same(current: object, wanted: object) -> bool:
    """pytest's cache check: equal values, or the same object when comparing raises."""
    try:
        return bool(current == wanted)
    except (ValueError, RuntimeError):
        return current is wanted


def _raise_first(errors: list[BaseException]) -> None:
    if errors:
        raise errors[0]
