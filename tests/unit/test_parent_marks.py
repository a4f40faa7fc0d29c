"""A mark added to a test's class or module after collection is the test's mark too, as in pytest."""

from __future__ import annotations

import sys
from pathlib import Path

from asynctestrun._execute.nodes import ItemNode, NodeTree
from asynctestrun._model.items import CallSpec, FuncKind, ScopeChain
from asynctestrun._model.items import TestItem as Item
from asynctestrun._model.marks import Mark


class HolderWithRequest:
    def check(self) -> None:
        pass


def _item(own: tuple[Mark, ...] = ()) -> Item:
    path = Path(__file__)
    return Item(
        nodeid="test_parent_marks.py::HolderWithRequest::test_it",
        name="test_it",
        originalname="check",
        path=path,
        relpath="test_parent_marks.py",
        lineno=1,
        module=sys.modules[__name__],
        cls=HolderWithRequest,
        function=HolderWithRequest.check,
        kind=FuncKind.FUNCTION,
        marks=own,
        callspec=CallSpec(),
        holders=(),
        chain=ScopeChain((), "test_parent_marks.py", "test_parent_marks.py::HolderWithRequest"),
        argnames=(),
        fixturenames=(),
        fixturedefs={},
        keywords=frozenset(),
    )


def test_a_mark_added_to_the_class_and_module_reaches_the_test_nearest_first() -> None:
    node = ItemNode(_item((Mark("own", (), {}),)), config=None, tree=NodeTree(None))
    module, klass = node.listchain()[-3:-1]
    module.add_marker("outer")
    klass.add_marker("req")
    assert [mark.name for mark in node.iter_markers()] == ["own", "req", "outer"]
    assert node.get_closest_marker("req") is not None


def test_a_test_rebuilt_with_its_parents_marks_does_not_count_them_twice() -> None:
    tree = NodeTree(None)
    first = ItemNode(_item(), config=None, tree=tree)
    first.listchain()[-2].add_marker("req")
    rebuilt = ItemNode(_item(first.marks()), config=None, tree=tree)
    assert [mark.name for mark in rebuilt.iter_markers()] == ["req"]
