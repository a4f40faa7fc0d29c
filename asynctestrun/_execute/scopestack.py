"""ScopeStack: which scope instances are live, and tearing down exactly those the next test leaves.

Worked example. Tests run in this order::

    a/test_m.py::test_1          stack: session, module a/test_m.py, function test_1
    a/test_m.py::TestC::test_2   pop function test_1; push class TestC, function test_2
    b/test_n.py::test_3          pop function test_2, class TestC, module a/test_m.py; push module b/...

Each instance keeps a LIFO list of finalizers (fixture teardowns, loop closers, ``addfinalizer``
callbacks). Popping an instance runs them newest first; every error is collected and reported as the
teardown error of the test that was running when the instance ended. As pytest's ``SetupState``, the
errors of one instance are one ``ExceptionGroup`` "errors while tearing down <Module test_m.py>" when
there are several, and those of several instances one group "errors during test teardown" (both list
the errors last raised first); a single error is reported as it is.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from .._model.items import TestItem
from .._model.scopes import LoopScope, Scope

if TYPE_CHECKING:
    from .loops import LoopRunner


# Names a scope instance as pytest's repr of its node does ("<Function test_x>", "<Module test_m.py>").
Describe = Callable[["ScopeNode"], str]


@dataclass(eq=False)
class ScopeNode:
    scope: Scope
    key: str
    finalizers: list[Callable[[], None]] = field(default_factory=list)
    # The event loops this instance owns, by loop scope: at most one, except that the session's
    # instance also owns the package loop (see ScopeStack.loop_node).
    loops: dict[LoopScope, LoopRunner] = field(default_factory=dict)
    state: dict[str, object] = field(default_factory=dict)  # e.g. the test class instance

    def addfinalizer(self, finalizer: Callable[[], None]) -> None:
        self.finalizers.append(finalizer)


def node_keys(item: TestItem) -> list[tuple[Scope, str]]:
    keys: list[tuple[Scope, str]] = [(Scope.SESSION, "")]
    keys.extend((Scope.PACKAGE, package) for package in item.chain.package)
    keys.append((Scope.MODULE, item.chain.module))
    if item.chain.klass is not None:
        keys.append((Scope.CLASS, item.chain.klass))
    keys.append((Scope.FUNCTION, item.nodeid))
    return keys


class ScopeStack:
    def __init__(self) -> None:
        self.stack: list[ScopeNode] = []

    def enter(self, item: TestItem) -> None:
        """Push the scope instances ``item`` needs that are not live yet (call teardown_to first)."""
        for depth, (scope, key) in enumerate(node_keys(item)):
            if depth < len(self.stack):
                continue
            self.stack.append(ScopeNode(scope, key))

    def teardown_to(
        self, next_item: TestItem | None, describe: Describe | None = None
    ) -> list[BaseException]:
        """Pop every live instance ``next_item`` does not share; return the errors raised, one entry
        per instance that raised (a group where it raised several, named by ``describe``)."""
        keep = 0
        if next_item is not None:
            wanted = node_keys(next_item)
            for node, (scope, key) in zip(self.stack, wanted, strict=False):
                if node.scope is scope and node.key == key and scope is not Scope.FUNCTION:
                    keep += 1
                else:
                    break
        errors: list[BaseException] = []
        while len(self.stack) > keep:
            node = self.stack.pop()
            errors.extend(_grouped(node, run_finalizers(node.finalizers), describe))
        return errors

    def teardown_to_session(self, describe: Describe | None = None) -> list[BaseException]:
        """Pop every live instance but the session's; return the errors raised (as teardown_to)."""
        errors: list[BaseException] = []
        while len(self.stack) > 1:
            node = self.stack.pop()
            errors.extend(_grouped(node, run_finalizers(node.finalizers), describe))
        return errors

    def node_for(self, scope: Scope, fixture_package: str | None = None) -> ScopeNode:
        """The live instance of ``scope`` for the current test; class falls back to the function,
        package to the package the fixture was defined in (else the session), as in pytest."""
        if scope is Scope.SESSION:
            return self.stack[0]
        if scope is Scope.PACKAGE:
            for node in self.stack:
                if node.scope is Scope.PACKAGE and node.key == fixture_package:
                    return node
            return self.stack[0]
        if scope is Scope.CLASS:
            for node in self.stack:
                if node.scope is Scope.CLASS:
                    return node
            return self.stack[-1]
        for node in self.stack:
            if node.scope is scope:
                return node
        return self.stack[-1]

    def loop_node(self, loop_scope: LoopScope) -> ScopeNode:
        """The instance owning the event loop of ``loop_scope`` for the current test.

        The package loop is owned by the session: one loop, apart from the session loop, shared by
        every package-loop test in the run whatever its package. That is pytest-asyncio's behaviour:
        its package runner is a package-scoped fixture defined by the plugin itself, and pytest ties
        such a fixture (defined outside any package) to the session."""
        if loop_scope is LoopScope.PACKAGE:
            return self.stack[0]
        return self.node_for(Scope(loop_scope.value))


def run_finalizers(finalizers: list[Callable[[], None]]) -> list[BaseException]:
    errors: list[BaseException] = []
    while finalizers:
        finalizer = finalizers.pop()
        try:
            finalizer()
        except KeyboardInterrupt:
            raise
        except BaseException as exc:
            errors.append(exc)
    return errors


def _grouped(node: ScopeNode, errors: list[BaseException], describe: Describe | None) -> list[BaseException]:
    """One instance's teardown errors as pytest's ``SetupState.teardown_exact`` raises them."""
    if len(errors) < 2 or describe is None:
        return errors
    return [BaseExceptionGroup(f"errors while tearing down {describe(node)}", errors[::-1])]


def teardown_error(errors: list[BaseException]) -> list[BaseException]:
    """The errors of one test's teardown (one entry per instance, see ``teardown_to``) as the one
    error pytest reports: several instances' are a group, the last raised first."""
    if len(errors) < 2:
        return errors
    return [BaseExceptionGroup("errors during test teardown", errors[::-1])]


def container_repr(node: ScopeNode) -> str:
    """pytest's repr of a package, module or class node, from the instance's key (the package's
    directory, the module's relative path, the class's node id)."""
    if node.scope is Scope.PACKAGE:
        return f"<Package {Path(node.key).name}>"  # the directory, as the OS spells it
    if node.scope is Scope.MODULE:
        return f"<Module {PurePosixPath(node.key).name}>"
    return f"<Class {node.key.rsplit('::', 1)[-1]}>"
