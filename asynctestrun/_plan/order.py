"""Ordering tests so a parametrized wider-scoped fixture is set up once per parameter.

With ``@fixture(scope="module", params=[1, 2])`` used by ``test_a`` and ``test_b``, collection order is
``a[1] a[2] b[1] b[2]`` (two set-ups and tear-downs per test); pytest runs ``a[1] b[1] a[2] b[2]`` so
each parameter's value is created once. Same algorithm here: at each scope from session down to class,
take the first test holding a not-yet-handled parameter key, pull every test sharing that key to the
front (in collection order), and recurse into narrower scopes for tests holding no key at this scope.
"""

from __future__ import annotations

from collections import OrderedDict, deque
from collections.abc import Sequence
from typing import Any

from .._model.items import TestItem
from .._model.scopes import Scope

ParamKey = tuple[object, ...]
_SCOPES = (Scope.SESSION, Scope.PACKAGE, Scope.MODULE, Scope.CLASS)
Keys = dict[Scope, dict[TestItem, dict[ParamKey, None]]]
Users = dict[Scope, dict[ParamKey, OrderedDict[TestItem, None]]]


class ValueKey:
    """Which parameter values count as the same one (pytest 9.2 groups by value, not by position in
    the parametrize call): equal hashable values of one type; an unhashable value by its index.
    Two loop factories selected in different orders by two tests are grouped by factory this way."""

    __slots__ = ("_by_value", "_hash", "_key")

    def __init__(self, value: object, index: int) -> None:
        try:
            self._hash = hash(value)
            self._key = value
            self._by_value = True
        except TypeError:
            self._hash = hash(index)
            self._key = index
            self._by_value = False

    def __hash__(self) -> int:
        return self._hash

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ValueKey):
            return NotImplemented
        if self._by_value != other._by_value:
            return False
        if not self._by_value:
            return self._key == other._key  # both indices
        if self._key is other._key:
            return True
        if type(self._key) is not type(other._key):
            return False
        try:
            return bool(self._key == other._key)
        except (TypeError, ValueError, RuntimeError):  # e.g. numpy arrays
            return False


def _keys(item: TestItem, scope: Scope) -> dict[ParamKey, None]:
    keys: dict[ParamKey, None] = {}
    callspec = item.callspec
    for argname, value in callspec.params.items():
        if callspec.param_scopes.get(argname) is not scope:
            continue
        param = ValueKey(value, callspec.indices.get(argname, 0))
        if scope is Scope.SESSION:
            keys[(argname, param)] = None
        elif scope is Scope.PACKAGE:
            keys[(argname, param, item.path.parent)] = None
        elif scope is Scope.MODULE:
            keys[(argname, param, item.path)] = None
        else:
            keys[(argname, param, item.path, item.cls)] = None
    return keys


class BuiltinReorder:
    """The regrouping as pytest does it: in its fixture manager's ``pytest_collection_modifyitems``
    (the ``funcmanage`` plugin, registered as the session starts). Hook implementations run last
    registered first, so a conftest found while collecting reorders before it, and the initial
    conftests and the plugins after it: their order is the one the tests run in (fastapi-pagination's
    conftest sorts the tests by path and node id, undoing the regrouping)."""

    def pytest_collection_modifyitems(self, items: list[Any]) -> None:
        # ``items`` are the hooks' item nodes; each wraps the TestItem the regrouping reads.
        nodes = {id(node.item): node for node in items}
        items[:] = [nodes[id(item)] for item in reorder([node.item for node in items])]


def reorder(items: Sequence[TestItem]) -> list[TestItem]:
    if not any(scope is not Scope.FUNCTION for i in items for scope in i.callspec.param_scopes.values()):
        return list(items)
    keys: Keys = {scope: {} for scope in _SCOPES}
    users: Users = {scope: {} for scope in _SCOPES}
    for scope in _SCOPES:
        for item in items:
            item_keys = _keys(item, scope)
            if item_keys:
                keys[scope][item] = item_keys
                for key in item_keys:
                    users[scope].setdefault(key, OrderedDict())[item] = None
    return list(_reorder_at(dict.fromkeys(items), keys, users, 0))


def _reorder_at(items: dict[TestItem, None], keys: Keys, users: Users, depth: int) -> dict[TestItem, None]:
    if depth >= len(_SCOPES) or len(items) < 3:
        return items
    scope = _SCOPES[depth]
    done: dict[TestItem, None] = {}
    ignore: set[ParamKey] = set()
    pending = deque(items)
    while pending:
        without_key: dict[TestItem, None] = {}
        slicing: ParamKey | None = None
        while pending:
            item = pending.popleft()
            if item in done or item in without_key:
                continue
            candidates = [k for k in keys[scope].get(item, ()) if k not in ignore]
            if not candidates:
                without_key[item] = None
                continue
            # pytest slices on the item's last key, and pulls the tests sharing it to the front in the
            # order it last saw them; duplicates later in the queue are skipped when reached.
            slicing = candidates[-1]
            matching = [i for i in users[scope][slicing] if i in items]
            for match in reversed(matching):
                pending.appendleft(match)
                for other in _SCOPES:
                    for key in keys[other].get(match, ()):
                        users[other][key].move_to_end(match, last=False)
            break
        if without_key:
            done.update(_reorder_at(without_key, keys, users, depth + 1))
        if slicing is not None:
            ignore.add(slicing)
    return done
