"""``--collect-only``'s listing, as pytest prints it between the "collected" line and the summary: the
tree of nodes (``-v`` adds docstrings), the node ids (``-q``) or a count per file (``-qq``)."""

from __future__ import annotations

from collections import Counter

from .._model.events import CollectedNode, CollectionFinished


def collected_lines(event: CollectionFinished, verbose: int) -> list[str]:
    if verbose < -1:
        per_file = Counter(nodeid.split("::", 1)[0] for nodeid in event.nodeids)
        return [f"{path}: {count}" for path, count in sorted(per_file.items())]
    if verbose < 0:
        return list(event.nodeids)
    return tree_lines(event.tree, with_docs=verbose > 0)


def tree_lines(chains: tuple[tuple[CollectedNode, ...], ...], *, with_docs: bool) -> list[str]:
    """Each node once, indented by its depth: a test's chain is drawn from where it leaves the
    previous test's."""
    lines: list[str] = []
    drawn: list[CollectedNode] = []
    for chain in chains:
        shared = 0
        while shared < min(len(drawn), len(chain)) and drawn[shared] == chain[shared]:
            shared += 1
        del drawn[shared:]
        for node in chain[shared:]:
            indent = "  " * len(drawn)
            lines.append(f"{indent}<{node.kind} {node.name}>")
            if with_docs and node.doc:
                lines.extend(f"{indent}  {line}" for line in node.doc.splitlines())
            drawn.append(node)
    return lines


def collected_summary(selected: int, deselected: int, errors: int) -> str:
    """pytest's closing words: what was collected, how much of it -k / -m / --deselect left, and the
    collection errors (warnings are not counted here, as in pytest)."""
    collected = selected + deselected
    if collected == 0:
        words = "no tests collected"
    elif not deselected:
        words = f"{collected} test{'s' if collected != 1 else ''} collected"
    elif not selected:
        words = f"no tests collected ({deselected} deselected)"
    else:
        words = f"{selected}/{collected} tests collected ({deselected} deselected)"
    if errors:
        words += f", {errors} error{'s' if errors != 1 else ''}"
    return words
