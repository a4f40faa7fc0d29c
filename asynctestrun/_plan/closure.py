"""The fixture closure of a test: every fixture it needs, directly or through other fixtures.

Order follows pytest's: autouse names first (outermost holder first), then ``usefixtures``, then the
test's own arguments; each name's dependencies are appended after it; finally a stable sort puts wider
scopes first, so session fixtures are set up before module ones whatever the request order.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from .._model.items import FixtureDef, Holder
from .._model.scopes import Scope
from .registry import FixtureRegistry

PSEUDO_FIXTURES = frozenset({"request"})


@dataclass(frozen=True, slots=True)
class Closure:
    names: tuple[str, ...]
    defs: Mapping[str, tuple[FixtureDef, ...]]  # visible definitions per name, outermost first


def compute_closure(
    registry: FixtureRegistry,
    chain: Sequence[Holder],
    initial: Iterable[str],
    ignore: Iterable[str] = (),
) -> Closure:
    ignored = set(ignore)
    names: list[str] = []
    defs: dict[str, tuple[FixtureDef, ...]] = {}

    def merge(candidates: Iterable[str]) -> None:
        for name in candidates:
            if name not in names:
                names.append(name)

    merge(registry.autouse_names(chain))
    merge(initial)
    index = 0
    while index < len(names):
        name = names[index]
        index += 1
        if name in ignored or name in defs or name in PSEUDO_FIXTURES:
            continue
        visible = registry.visible(name, chain)
        if not visible:
            continue
        defs[name] = visible
        merge(visible[-1].argnames)
        # An override that asks for its own name also pulls in what the outer definitions need.
        for depth in range(len(visible) - 1, 0, -1):
            if name not in visible[depth].argnames:
                break
            merge(visible[depth - 1].argnames)

    def scope_rank(name: str) -> int:
        found = defs.get(name)
        if not found or name in ignored:
            return Scope.FUNCTION.rank
        return found[-1].scope.rank

    ordered = sorted(names, key=scope_rank, reverse=True)
    return Closure(tuple(ordered), defs)
