"""The fixture closure of a test: every fixture it needs, directly or through other fixtures.

Order follows pytest 9's: a depth-first walk from autouse names (outermost holder first), then
``usefixtures``, then the test's own arguments, each name listed when first met and its dependencies
walked right after it; finally a stable sort puts wider scopes first, so session fixtures are set up
before module ones whatever the request order. The order is also the order fixture ``params`` are
applied in, so it shows in the ids: for a test ``(cache, mode)`` where ``cache`` needs ``backend``,
the walk gives cache, backend, mode, and a parametrized ``backend``'s id comes before ``mode``'s
(``[memory-fast]``), where a breadth-first walk (cache, mode, backend) put it after.

An override that requests its own name walks the next outer definition's dependencies at that point,
and so on outwards; a name is never listed twice.
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
    # Per name, which visible definition (1 = the innermost) a visit walks next: a visit that
    # finds 1 has nothing to add (walked already, or being walked from its innermost definition),
    # one that finds 2 or more came through an override requesting its own name.
    next_definition: dict[str, int] = {}

    def lookup(name: str) -> tuple[FixtureDef, ...]:
        if name in ignored or name in PSEUDO_FIXTURES:
            return ()
        if name not in defs:
            visible = registry.visible(name, chain)
            if not visible:
                return ()
            defs[name] = visible
        return defs[name]

    def visit(name: str) -> None:
        position = next_definition.get(name)
        if position == 1:
            return
        if position is None:
            names.append(name)
            next_definition[name] = position = 1
        visible = lookup(name)
        if position > len(visible):
            return  # no definition, or the override chain is used up (an error at set-up)
        next_definition[name] = position + 1
        for dependency in visible[-position].argnames:
            visit(dependency)
        next_definition[name] = position

    for name in dict.fromkeys([*registry.autouse_names(chain), *initial]):
        visit(name)

    def scope_rank(name: str) -> int:
        found = defs.get(name)
        if not found or name in ignored:
            return Scope.FUNCTION.rank
        return found[-1].scope.rank

    ordered = sorted(names, key=scope_rank, reverse=True)
    return Closure(tuple(ordered), defs)
