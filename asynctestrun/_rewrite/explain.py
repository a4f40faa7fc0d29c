"""Detail lines for a failed comparison, in the shape pytest users know.

``explain_comparison(op, left, right, verbose)`` returns ``None`` when there is nothing useful to
add (``1 == 2``, objects with their own ``__eq__``) and otherwise a summary line, a blank line and
the details. For ``{'a': 1, 'b': 2} == {'a': 1, 'b': 3}`` at default verbosity::

    {'a': 1, 'b': 2} == {'a': 1, 'b': 3}

    Omitting 1 identical items, use -vv to show
    Differing items:
    {'b': 2} != {'b': 3}
    Use -v to get more diff

What is explained: ``==`` on two strings (an ``ndiff``; right side is ``-``, left side is ``+``),
sequences, sets, dicts, and dataclasses / attrs classes / namedtuples of the same type (attribute
by attribute, drilling down into each differing attribute); any two non-string iterables also get
"Use -v to get more diff", or at ``verbose >= 1`` a full diff of both sides laid out by
``pretty``. ``not in`` on strings points at the match. Other operators get no details.

Verbosity follows pytest's ``-v`` count: 0 shortens reprs and skips long identical runs of text,
1 adds the full diff, 2 shows everything untruncated. ``truncate_explanation`` is the separate
step that keeps a default-verbosity failure to about eight lines.
"""

from __future__ import annotations

import dataclasses
import difflib
import pprint
from collections.abc import Iterable, Mapping, Sequence, Set
from typing import Any
from unicodedata import normalize

from .._config.config import running_on_ci
from .pretty import pretty_lines
from .saferepr import safe_repr

_SUMMARY_WIDTH = 80
_CONTEXT = 10  # identical characters kept around a skipped run, so the diff still has an anchor
_MIN_SKIP = 42  # identical runs shorter than this are not worth a "Skipping" line


def explain_comparison(op: str, left: object, right: object, verbose: int = 0) -> list[str] | None:
    """Summary plus detail lines for the failed ``left <op> right``, or None if there are none."""
    details = _details(op, left, right, verbose)
    if not details:
        return None
    return [_summary(op, left, right, verbose), *([""] if details[0] else []), *details]


def truncate_explanation(lines: list[str], max_lines: int = 8, max_chars: int = 640) -> list[str]:
    """Keep roughly ``max_lines`` lines / ``max_chars`` characters, saying that more was cut.

    A little slack (two lines, seventy characters) avoids replacing one hidden line by a longer
    note saying it was hidden.
    """
    if len(lines) <= max_lines + 2 and sum(map(len, lines)) <= max_chars + 70:
        return lines
    kept: list[str] = []
    budget = max_chars
    for line in lines[:max_lines]:
        if len(line) >= budget:
            kept.append(line[:budget])
            break
        kept.append(line)
        budget -= len(line)
    kept[-1] += "..."
    return [*kept, "", "...Full output truncated, use '-vv' to show"]


def _summary(op: str, left: object, right: object, verbose: int) -> str:
    # Both reprs share one terminal line, minus room for "E   assert " and the operator.
    maxsize = None if verbose > 1 else (_SUMMARY_WIDTH - 15 - len(op) - 2) // 2
    # Strings that differ only in Unicode normalisation print identically; escape them instead.
    use_ascii = (
        isinstance(left, str) and isinstance(right, str) and normalize("NFD", left) == normalize("NFD", right)
    )
    left_repr = safe_repr(left, maxsize, use_ascii=use_ascii)
    return f"{left_repr} {op} {safe_repr(right, maxsize, use_ascii=use_ascii)}"


def _details(op: str, left: object, right: object, verbose: int) -> list[str]:
    if op == "==":
        return _explain_equal(left, right, verbose)
    if op == "not in" and isinstance(left, str) and isinstance(right, str):
        return _explain_not_in(left, right, verbose)
    return []


def _explain_equal(left: object, right: object, verbose: int) -> list[str]:
    if isinstance(left, str) and isinstance(right, str):
        return _explain_text(left, right, verbose)
    lines: list[str] = []
    if type(left) is type(right) and _attribute_names(left) is not None:
        lines = _explain_attributes(left, right, verbose)
    elif _is_sequence(left) and _is_sequence(right):
        lines = _explain_sequence(left, right)  # type: ignore[arg-type]  # checked just above
    elif isinstance(left, Set) and isinstance(right, Set):
        lines = _explain_set(left, right)
    elif isinstance(left, Mapping) and isinstance(right, Mapping):
        lines = _explain_mapping(left, right, verbose)
    if _is_iterable(left) and _is_iterable(right):
        lines += explain_iterable(left, right, verbose)  # type: ignore[arg-type]  # checked just above
    return lines


def explain_iterable(left: Iterable[object], right: Iterable[object], verbose: int) -> list[str]:
    """The closing lines of two iterables' ``==`` explanation: a hint at ``-v``, or (verbose, or on
    CI) the full diff of both sides laid out one item a line, the right side as the base."""
    if verbose <= 0 and not running_on_ci():
        return ["Use -v to get more diff"]
    diff = difflib.ndiff(pretty_lines(right), pretty_lines(left))
    return ["", "Full diff: (-: missing in left side, +: extra in left side)"] + [
        line.rstrip("\n") for line in diff
    ]


def _is_sequence(obj: object) -> bool:
    return isinstance(obj, Sequence) and not isinstance(obj, str)


def _is_iterable(obj: object) -> bool:
    if isinstance(obj, str):
        return False
    try:
        iter(obj)  # type: ignore[call-overload]  # probing is the point
    except TypeError:
        return False
    return True


def _explain_text(left: str, right: str, verbose: int, *, escape_blank: bool = True) -> list[str]:
    lines: list[str] = []
    if verbose < 1:
        # Long identical runs at either end push the difference off screen; keep a little context.
        # (When one side is a prefix of the other, the run is counted up to the last shared
        # character but one, so the diff still shows where the shorter string ends.)
        first_difference = next(
            (i for i, (a, b) in enumerate(zip(left, right, strict=False)) if a != b),
            min(len(left), len(right)) - 1,
        )
        if first_difference > _MIN_SKIP:
            skipped = first_difference - _CONTEXT
            lines.append(f"Skipping {skipped} identical leading characters in diff, use -v to show")
            left, right = left[skipped:], right[skipped:]
        if len(left) == len(right):
            same_tail = next(
                (i for i in range(len(left)) if left[-1 - i] != right[-1 - i]),
                len(left) - 1,
            )
            if same_tail >= _MIN_SKIP:
                skipped = same_tail + 1 - _CONTEXT
                lines.append(f"Skipping {skipped} identical trailing characters in diff, use -v to show")
                left, right = left[:-skipped], right[:-skipped]
    if escape_blank and (left.isspace() or right.isspace()):
        left, right = repr(left), repr(right)
        lines.append("Strings contain only whitespace, escaping them using repr()")
    diff = difflib.ndiff(right.splitlines(keepends=True), left.splitlines(keepends=True))
    lines += [line.strip("\n") for line in diff]
    return lines


def _explain_not_in(term: str, text: str, verbose: int) -> list[str]:
    # Diff the text against itself without the term: the "+" lines are then the lines holding
    # the term, and the "?" guide lines underline it.
    lines = [f"{safe_repr(term, 42)} is contained here:"]
    for line in _explain_text(text, text.replace(term, ""), verbose, escape_blank=False):
        if line.startswith(("Skipping", "- ")):
            continue
        lines.append("  " + line[2:] if line.startswith("+ ") else line)
    return lines


def _explain_sequence(left: Sequence[object], right: Sequence[object]) -> list[str]:
    lines: list[str] = []
    # Indexing bytes gives ints; slices keep the familiar b'x' look.
    as_bytes = isinstance(left, bytes) and isinstance(right, bytes)

    def item(seq: Sequence[object], index: int) -> object:
        return seq[index : index + 1] if as_bytes else seq[index]

    for index in range(min(len(left), len(right))):
        if left[index] != right[index]:
            lines.append(
                f"At index {index} diff: {safe_repr(item(left, index), None)}"
                f" != {safe_repr(item(right, index), None)}"
            )
            break
    surplus = len(left) - len(right)
    if surplus:
        side, longer, start = ("Left", left, len(right)) if surplus > 0 else ("Right", right, len(left))
        extra = safe_repr(item(longer, start))
        if abs(surplus) == 1:
            lines.append(f"{side} contains one more item: {extra}")
        else:
            lines.append(f"{side} contains {abs(surplus)} more items, first extra item: {extra}")
    return lines


def _explain_set(left: Set[object], right: Set[object]) -> list[str]:
    lines: list[str] = []
    for side, extra in (("left", left - right), ("right", right - left)):
        if extra:
            lines.append(f"Extra items in the {side} set:")
            lines += sorted(safe_repr(item) for item in extra)
    return lines


def _explain_mapping(left: Mapping[Any, object], right: Mapping[Any, object], verbose: int) -> list[str]:
    lines: list[str] = []
    common = [key for key in left if key in right]
    # Each value pair is compared once: a user __eq__ may be slow or have side effects.
    equal = {key: bool(left[key] == right[key]) for key in common}
    same = {key: left[key] for key in common if equal[key]}
    if same and verbose < 2:
        lines.append(f"Omitting {len(same)} identical items, use -vv to show")
    elif same:
        lines += ["Common items:", *pprint.pformat(same).splitlines()]
    differing = [key for key in common if not equal[key]]
    if differing:
        lines.append("Differing items:")
        lines += [f"{safe_repr({key: left[key]})} != {safe_repr({key: right[key]})}" for key in differing]
    for side, this, other in (("Left", left, right), ("Right", right, left)):
        extra = {key: this[key] for key in this if key not in other}
        if extra:
            noun = "item" if len(extra) == 1 else "items"
            lines += [f"{side} contains {len(extra)} more {noun}:", *pprint.pformat(extra).splitlines()]
    return lines


def _attribute_names(obj: object) -> list[str] | None:
    """The compared attributes of a dataclass, attrs instance or namedtuple; None for others."""
    kind = type(obj)
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return [field.name for field in dataclasses.fields(obj) if field.compare]
    attrs_fields = getattr(kind, "__attrs_attrs__", None)
    if attrs_fields is not None:
        return [field.name for field in attrs_fields if getattr(field, "eq", True)]
    if isinstance(obj, tuple) and isinstance(getattr(kind, "_fields", None), tuple):
        return list(kind._fields)  # type: ignore[attr-defined]  # namedtuple, checked above
    return None


def _explain_attributes(left: object, right: object, verbose: int) -> list[str]:
    # Starts with a blank line so that a drilled-down nested object stands apart from the
    # "name: left != right" line above it.
    lines: list[str] = [""]
    names = _attribute_names(left) or []
    same: list[str] = []
    differing: list[str] = []
    for name in names:
        (same if getattr(left, name) == getattr(right, name) else differing).append(name)
    if same and verbose < 2:
        lines.append(f"Omitting {len(same)} identical items, use -vv to show")
    elif same:
        lines += ["Matching attributes:", *pprint.pformat(same).splitlines()]
    if differing:
        lines += ["Differing attributes:", *pprint.pformat(differing).splitlines()]
        for name in differing:
            left_value, right_value = getattr(left, name), getattr(right, name)
            lines += [
                "",
                f"Drill down into differing attribute {name}:",
                f"  {name}: {safe_repr(left_value)} != {safe_repr(right_value)}",
            ]
            lines += ["  " + line for line in _explain_equal(left_value, right_value, verbose)]
    return lines
