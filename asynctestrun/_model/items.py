"""Collected things: where a definition lives (Holder), fixture definitions, and test items.

A Holder is one place fixtures can be defined (the built-ins, a plugin, a conftest directory, a module,
a class). Every item carries the chain of holders from the outside in; a fixture is visible to an item
when its holder is in that chain, and the innermost definition of a name wins.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from types import ModuleType
from typing import Any

from .marks import Mark
from .scopes import LoopScope, Scope


class HolderKind(Enum):
    BUILTIN = "builtin"
    PLUGIN = "plugin"
    CONFTEST = "conftest"
    MODULE = "module"
    CLASS = "class"


@dataclass(frozen=True, slots=True)
class Holder:
    kind: HolderKind
    key: str  # plugin name, directory path, module path, or "module path::Class::Nested"
    # Holders key every fixture lookup during collection (hundreds of thousands at 10,000 tests):
    # the hash is computed once instead of re-hashing both fields each time.
    _hash: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_hash", hash((self.kind, self.key)))

    def __hash__(self) -> int:
        return self._hash


class FuncKind(Enum):
    FUNCTION = "function"
    GENERATOR = "generator"
    COROUTINE = "coroutine"
    ASYNC_GENERATOR = "async generator"

    @property
    def is_async(self) -> bool:
        return self in (FuncKind.COROUTINE, FuncKind.ASYNC_GENERATOR)


@dataclass(frozen=True, slots=True, eq=False)
class FixtureDef:
    """One fixture definition. Identity matters (eq=False): two defs of the same name are different."""

    name: str
    func: Callable[..., Any]
    holder: Holder
    scope: Scope
    kind: FuncKind
    argnames: tuple[str, ...]
    params: tuple[Any, ...] | None
    ids: Any
    autouse: bool
    loop_scope: LoopScope | None  # set for async fixtures the runner drives
    # False: an async fixture pytest-asyncio leaves alone (strict mode, or the plugin not in the run): an
    # error if requested, unless anyio runs it
    asyncio_driven: bool
    location: str  # "path:line" for messages
    in_class: bool = False  # a method fixture: bind to the test's instance

    def __repr__(self) -> str:
        return f"<FixtureDef {self.name} {self.scope.value} at {self.location}>"


@dataclass(frozen=True, slots=True)
class CallSpec:
    """One parametrization of a test: values by argname, which are indirect, and the id parts."""

    params: Mapping[str, Any] = field(default_factory=dict)  # direct args and indirect request.param
    indices: Mapping[str, int] = field(default_factory=dict)
    param_scopes: Mapping[str, Scope] = field(default_factory=dict)
    indirect: frozenset[str] = frozenset()
    ids: tuple[str, ...] = ()
    marks: tuple[Mark, ...] = ()

    @property
    def id(self) -> str:
        return "-".join(self.ids)

    def is_direct(self, argname: str) -> bool:
        """Whether ``argname`` gets its value straight from parametrize (not through a fixture)."""
        return argname in self.params and argname not in self.indirect


@dataclass(frozen=True, slots=True)
class ScopeChain:
    """Keys of the scope instances an item lives in, used by the runner's scope stack."""

    package: tuple[str, ...]  # package directories (with __init__.py), outermost first
    module: str
    klass: str | None


@dataclass(frozen=True, slots=True, eq=False)
class TestItem:
    nodeid: str
    name: str  # with "[params]"
    originalname: str
    path: Path
    relpath: str  # path relative to rootdir, "/"-separated
    lineno: int | None
    module: ModuleType
    cls: type | None
    function: Callable[..., Any]
    kind: FuncKind
    marks: tuple[Mark, ...]  # closest first: param marks, function, classes, module
    callspec: CallSpec
    holders: tuple[Holder, ...]  # outermost first
    chain: ScopeChain
    argnames: tuple[str, ...]  # what the test function itself asks for
    fixturenames: tuple[str, ...]  # the closure, widest scope first (filled by the plan)
    fixturedefs: Mapping[str, tuple[FixtureDef, ...]]  # visible defs per name, outermost first
    keywords: frozenset[str]
    loop_scope: LoopScope | None = None  # set when the test is driven on an event loop
    doctest: bool = False  # a docstring's or text file's examples (its function runs them)
    # pytest's ``item.fixturenames``: the closure with the directly parametrized names in their places,
    # which pytest sets up as fixtures of their own (None: no such name, the same as fixturenames).
    node_fixturenames: tuple[str, ...] | None = None

    @property
    def headline(self) -> str | None:
        """What its failure is headed with, where that is not the node id after the file: a
        doctest's "[doctest] pkg.mod.func", as pytest's doctest items name themselves."""
        return f"[doctest] {self.name}" if self.doctest else None

    def __repr__(self) -> str:
        # Short, as pytest's ``<Function name>``: a test that formats its stack with every frame's locals
        # (``traceback.StackSummary.extract(..., capture_locals=True)``) reprs the runner's frames, which
        # hold every item of the run; the field-by-field repr took seconds on a large suite.
        return f"<TestItem {self.nodeid}>"

    def uses(self, argname: str) -> bool:
        """Whether the test sees ``argname``: a fixture of its closure or a directly parametrized argument."""
        return argname in self.fixturenames or self.callspec.is_direct(argname)

    def get_closest_marker(self, name: str) -> Mark | None:
        for mark in self.marks:
            if mark.name == name:
                return mark
        return None

    def iter_markers(self, name: str | None = None) -> list[Mark]:
        return [m for m in self.marks if name is None or m.name == name]
