"""Ordering tests so a parametrized wider-scoped fixture is set up once per parameter.

With ``@fixture(scope="module", params=[1, 2])`` used by ``test_a`` and ``test_b``, collection order is
``a[1] a[2] b[1] b[2]`` (two set-ups and tear-downs per test); pytest runs ``a[1] b[1] a[2] b[2]`` so
each parameter's value is created once. Same algorithm here: at each scope from session down to class,
take the first test holding a not-yet-handled parameter key, pull every test sharing that key to the
front (in collection order), and recurse into narrower scopes for tests holding no key at this scope.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence

from .._model.items import TestItem
from .._model.scopes import Scope

ParamKey = tuple[object, ...]
_SCOPES = (Scope.SESSION, Scope.PACKAGE, Scope.MODULE, Scope.CLASS)


def _keys(item: TestItem, scope: Scope) -> list[ParamKey]:
    keys: list[ParamKey] = []
    callspec = item.callspec
    for argname, param_scope in callspec.param_scopes.items():
        if param_scope is not scope:
            continue
        index = callspec.indices.get(argname, 0)
        if scope is Scope.SESSION:
            keys.append((argname, index))
        elif scope is Scope.PACKAGE:
            keys.append((argname, index, item.path.parent))
        elif scope is Scope.MODULE:
            keys.append((argname, index, item.path))
        else:
            keys.append((argname, index, item.path, item.cls))
    return keys


def reorder(items: Sequence[TestItem]) -> list[TestItem]:
    if not any(scope is not Scope.FUNCTION for i in items for scope in i.callspec.param_scopes.values()):
        return list(items)
    keys = {scope: {id(item): _keys(item, scope) for item in items} for scope in _SCOPES}
    return _reorder_at(list(items), keys, 0)


def _reorder_at(
    items: list[TestItem], keys: dict[Scope, dict[int, list[ParamKey]]], depth: int
) -> list[TestItem]:
    if depth >= len(_SCOPES) or len(items) < 3:
        return items
    scope_keys = keys[_SCOPES[depth]]
    present = {id(item) for item in items}
    done: dict[int, TestItem] = {}
    ignore: set[ParamKey] = set()
    pending = deque(items)
    while pending:
        without_key: dict[int, TestItem] = {}
        slicing: ParamKey | None = None
        while pending:
            item = pending.popleft()
            if id(item) in done or id(item) in without_key:
                continue
            candidates = [k for k in scope_keys[id(item)] if k not in ignore]
            if not candidates:
                without_key[id(item)] = item
                continue
            slicing = candidates[0]
            # Every test sharing the key comes next, in collection order; duplicates later in the
            # queue are skipped when reached.
            matching = [i for i in items if id(i) in present and slicing in scope_keys[id(i)]]
            pending.extendleft(reversed(matching))
            break
        if without_key:
            for item in _reorder_at(list(without_key.values()), keys, depth + 1):
                done[id(item)] = item
        if slicing is not None:
            ignore.add(slicing)
    return list(done.values())
