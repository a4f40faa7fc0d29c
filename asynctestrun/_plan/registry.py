"""FixtureRegistry: every fixture definition by holder, and lookups along an item's holder chain.

Worked example. Holders for ``tests/api/test_users.py::TestGet::test_one`` are, outermost first:
``builtin, plugin:aiohttp, conftest:/r, conftest:/r/tests, conftest:/r/tests/api, module:tests/api/
test_users.py, class:...::TestGet``. If ``client`` is defined in ``conftest:/r/tests`` and again in the
module, ``visible("client", chain)`` returns both (conftest first) and the module's wins; when the
module's ``client`` itself asks for ``client``, it receives the conftest one (the next one out).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from .._model.items import FixtureDef, Holder


@dataclass(slots=True)
class FixtureRegistry:
    by_holder: dict[Holder, dict[str, FixtureDef]] = field(default_factory=dict)
    # Results computed from the registry (fixture closures, keyed by what they were computed from):
    # the tests of one module mostly ask for the same fixtures, so most closures are found here.
    # Any new definition may change any result, so ``add`` empties it.
    memo: dict[object, object] = field(default_factory=dict)

    def add(self, fixturedef: FixtureDef) -> None:
        # A later definition in the same holder replaces the earlier (re-binding a name in a module).
        self.by_holder.setdefault(fixturedef.holder, {})[fixturedef.name] = fixturedef
        self.memo.clear()

    def add_all(self, defs: Iterable[FixtureDef]) -> None:
        for fixturedef in defs:
            self.add(fixturedef)

    def visible(self, name: str, chain: Iterable[Holder]) -> tuple[FixtureDef, ...]:
        found: list[FixtureDef] = []
        for holder in chain:
            fixturedef = self.by_holder.get(holder, {}).get(name)
            if fixturedef is not None:
                found.append(fixturedef)
        return tuple(found)

    def autouse_names(self, chain: Iterable[Holder]) -> list[str]:
        names: list[str] = []
        for holder in chain:
            for fixturedef in self.by_holder.get(holder, {}).values():
                if fixturedef.autouse and fixturedef.name not in names:
                    names.append(fixturedef.name)
        return names

    def names(self, chain: Iterable[Holder]) -> list[str]:
        out: set[str] = set()
        for holder in chain:
            out.update(self.by_holder.get(holder, {}))
        return sorted(out)
