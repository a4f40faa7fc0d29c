"""The order in which a test module's tests are built: pytest's collectors' order, not the items'.

pytest builds a module's tests one collector at a time. ``Module.collect()`` makes the items of every
function defined at module level (parametrize, ``pytest_generate_tests``) and only a node for each
class; a class's own tests are made later, when the walk over the module's children reaches that
class, and a nested class's after its outer class's. The items themselves keep the definition order.
So where building a test fails (a bad parametrize), which error there is depends on this order: a
module-level test that fails to build fails the whole module before any class is collected, even one
defined above it.

Worked example. A module defines, in this order::

    0 test_a                 collector ()
    1 TestX::test_b          collector ("TestX",)
    2 TestX::TestY::test_c   collector ("TestX", "TestY")
    3 TestX::test_d          collector ("TestX",)
    4 test_e                 collector ()
    5 TestZ::test_f          collector ("TestZ",)

Each collector is placed where the first test under it is defined (``()`` at 0, ``("TestX",)`` at 1,
``("TestX", "TestY")`` at 2, ``("TestZ",)`` at 5), an outer collector before an inner one placed at the
same test. Building then goes collector by collector, each one's tests in definition order:
0, 4 (the module), 1, 3 (TestX), 2 (TestY), 5 (TestZ).
"""

from __future__ import annotations

from collections.abc import Sequence


def build_order(collectors: Sequence[tuple[str, ...]]) -> list[int]:
    """The indices of a module's test definitions in the order pytest builds them; ``collectors[i]``
    names the classes (or describe blocks) that definition ``i`` sits in, outermost first."""
    placed: dict[tuple[str, ...], int] = {}
    for index, names in enumerate(collectors):
        for depth in range(len(names) + 1):
            placed.setdefault(names[:depth], index)
    rank = {names: (at, len(names)) for names, at in placed.items()}
    # sorted() is stable: within one collector the definitions keep their order.
    return sorted(range(len(collectors)), key=lambda index: rank[collectors[index]])


def first_test_under(collectors: Sequence[tuple[str, ...]], names: tuple[str, ...]) -> int:
    """The index of the first definition inside the collector ``names``: where pytest's walk over the
    module reaches that collector (the tests defined above it are the ones it has handed out)."""
    return next(index for index, inner in enumerate(collectors) if inner[: len(names)] == names)
