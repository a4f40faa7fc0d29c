"""The collection tree ``--collect-only`` draws: each test's chain of nodes from the rootdir down, named
by the classes pytest and its plugins would have made for them (``<Dir tests>``, ``<Package pkg>``,
``<Module test_x.py>``, ``<Class TestX>``, ``<Coroutine test_y>``...).

asynctestrun has no collector objects to print: the chain is rebuilt from what an item records (its
path, node id, class and module), which is all pytest's tree shows.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .._model.events import CollectedNode
from .._model.items import FuncKind, TestItem
from .harvest import is_unittest_case


def collection_chain(
    item: TestItem, rootdir: Path, *, claimed_by_asyncio: bool, with_docs: bool
) -> tuple[CollectedNode, ...]:
    """The nodes above ``item`` and the item itself, outermost first (the session left out).

    ``claimed_by_asyncio``: pytest-asyncio runs the test, and so made its item one of its own classes.
    ``with_docs``: fill each node's docstring (``-v`` shows them under the node).
    """
    doc: Callable[[Any], str | None] = _doc if with_docs else _no_doc
    chain = [*_directories(item.path.parent, rootdir)]
    file_kind = "Module"
    if item.doctest:
        file_kind = "DoctestModule" if item.path.suffix == ".py" else "DoctestTextfile"
    # A text file's node has no object, so no docstring, as pytest's (its Module ``obj`` cannot import it).
    file_doc = doc(item.module) if file_kind != "DoctestTextfile" else None
    chain.append(CollectedNode(file_kind, item.path.name, f"{file_kind}:{item.relpath}", file_doc))
    chain.extend(_containers(item, doc))
    kind = _item_kind(item, claimed_by_asyncio)
    # A doctest's node has no object of its own to take a docstring from, as pytest's DoctestItem.
    item_doc = doc(item.function) if not item.doctest else None
    chain.append(CollectedNode(kind, item.name, item.nodeid, item_doc))
    return tuple(chain)


@functools.lru_cache(maxsize=256)
def _directories(directory: Path, rootdir: Path) -> tuple[CollectedNode, ...]:
    """The rootdir and each directory down to ``directory``: a package where it has ``__init__.py``.
    A file outside the rootdir starts at its own directory. Cached: a directory's files come one after
    another, and its tests share the answer (a stat per directory per test was a tenth of ``--co``)."""
    try:
        parts = directory.relative_to(rootdir).parts
    except ValueError:
        rootdir, parts = directory, ()
    paths = [rootdir]
    for part in parts:
        paths.append(paths[-1] / part)
    return tuple(
        CollectedNode("Package" if (path / "__init__.py").is_file() else "Dir", path.name, str(path))
        for path in paths
    )


def _containers(item: TestItem, doc: Callable[[Any], str | None]) -> list[CollectedNode]:
    """The classes (or pytest-describe blocks) between the file and the test, outermost first."""
    prefix = f"{item.relpath}::"
    middle = item.nodeid[len(prefix) : len(item.nodeid) - len(item.name)].removesuffix("::")
    if not middle or item.doctest:
        return []
    nodes: list[CollectedNode] = []
    key = item.relpath
    owner: Any = item.module
    for name in middle.split("::"):
        key = f"{key}::{name}"
        # The object of each level: a nested class is its outer class's attribute. A describe block
        # is a function (its nested blocks are locals, not attributes: their object is unknown).
        owner = getattr(owner, name, None)
        if owner is None and item.cls is not None and name == item.cls.__name__:
            owner = item.cls
        if isinstance(owner, type):
            kind, shown = ("UnitTestCase" if is_unittest_case(owner) else "Class"), name
        elif item.cls is None:
            kind, shown = "DescribeBlock", repr(name)  # pytest-describe's node shows its name quoted
        else:
            kind, shown = "Class", name
        nodes.append(CollectedNode(kind, shown, key, doc(owner)))
    return nodes


def _item_kind(item: TestItem, claimed_by_asyncio: bool) -> str:
    if item.doctest:
        return "DoctestItem"
    if item.cls is not None and is_unittest_case(item.cls):
        return "TestCaseFunction"
    if not claimed_by_asyncio:
        return "Function"
    # pytest-asyncio's item classes, in the order it tries them.
    if item.kind is FuncKind.ASYNC_GENERATOR:
        return "AsyncGenerator"
    if getattr(item.function, "is_hypothesis_test", False):
        return "AsyncHypothesisTest"
    return "Coroutine"


def _doc(obj: Any) -> str | None:
    """The docstring pytest shows: ``inspect.getdoc``'s, so a class or method without one shows its
    base's (a ``unittest.TestCase`` subclass shows TestCase's)."""
    if obj is None:
        return None
    try:
        return inspect.getdoc(obj)
    except Exception:  # an object whose attributes raise: no docstring to show
        return None


def _no_doc(obj: Any) -> None:
    return None
