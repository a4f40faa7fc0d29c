"""FixtureRegistry: every fixture definition by holder, and lookups along an item's holder chain.

Worked example. Holders for ``tests/api/test_users.py::TestGet::test_one`` are, outermost first:
``builtin, plugin:aiohttp, conftest:/r, conftest:/r/tests, conftest:/r/tests/api, module:tests/api/
test_users.py, class:...::TestGet``. If ``client`` is defined in ``conftest:/r/tests`` and again in the
module, ``visible("client", chain)`` returns both (conftest first) and the module's wins; when the
module's ``client`` itself asks for ``client``, it receives the conftest one (the next one out).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from .._model.items import FixtureDef, Holder


@dataclass(slots=True)
class FixtureRegistry:
    by_holder: dict[Holder, dict[str, FixtureDef]] = field(default_factory=dict)
    # The same definitions by name: a test's chain has half a dozen holders but a name is mostly
    # defined in one, so lookups start from the name (per test and fixture during collection).
    by_name: dict[str, dict[Holder, FixtureDef]] = field(default_factory=dict)
    autouse_by_holder: dict[Holder, list[str]] = field(default_factory=dict)

    def add(self, fixturedef: FixtureDef) -> None:
        # A later definition in the same holder replaces the earlier (re-binding a name in a module).
        holder, name = fixturedef.holder, fixturedef.name
        self.by_holder.setdefault(holder, {})[name] = fixturedef
        self.by_name.setdefault(name, {})[holder] = fixturedef
        self.autouse_by_holder[holder] = [d.name for d in self.by_holder[holder].values() if d.autouse]

    def add_all(self, defs: Iterable[FixtureDef]) -> None:
        for fixturedef in defs:
            self.add(fixturedef)

    def visible(self, name: str, chain: Sequence[Holder]) -> tuple[FixtureDef, ...]:
        """The definitions of ``name`` in the chain's holders, in chain order (outermost first)."""
        defined = self.by_name.get(name)
        if not defined:
            return ()
        if len(defined) == 1:
            ((holder, fixturedef),) = defined.items()
            return (fixturedef,) if holder in chain else ()
        return tuple(defined[holder] for holder in chain if holder in defined)

    def autouse_names(self, chain: Iterable[Holder]) -> list[str]:
        names: list[str] = []
        for holder in chain:
            for name in self.autouse_by_holder.get(holder, ()):
                if name not in names:
                    names.append(name)
        return names

    def names(self, chain: Iterable[Holder]) -> list[str]:
        out: set[str] = set()
        for holder in chain:
            out.update(self.by_holder.get(holder, {}))
        return sorted(out)
