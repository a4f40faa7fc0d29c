"""The one-item-per-line layout behind the ``Full diff:`` section of a failed comparison.

``pprint`` packs short containers onto one line, so a diff of two pprinted values often shows a
single changed line with no hint of which item differs. Here every item of a list, tuple, set,
dict or dataclass gets its own line, indented by four spaces and followed by a comma::

    [                  {
        1,                 'a': [
        2,                     1,
    ]                      ],
                       }

Empty containers stay inline (``[]``, ``set()``); sets are sorted so that both sides line up;
multi-line strings are split into one literal per line; anything else is its (safe) repr. Only
containers whose ``__repr__`` is the builtin one are expanded, as ``pprint`` does, because a
subclass with its own repr has chosen how it wants to look.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from .saferepr import safe_repr

_INDENT = "    "

_BRACKETS: dict[type, tuple[str, str]] = {
    list: ("[", "]"),
    tuple: ("(", ")"),
    set: ("{", "}"),
    frozenset: ("frozenset({", "})"),
}


def pretty_lines(obj: object) -> list[str]:
    """``obj`` laid out one item per line (see the module docstring)."""
    out: list[str] = []
    _layout(obj, "", prefix="", suffix="", out=out, active=set())
    return out


def _sorted_if_possible(items: Iterable[object]) -> list[object]:
    items = list(items)
    try:
        return sorted(items)  # type: ignore[type-var]  # mixed types are handled just below
    except TypeError:
        return sorted(items, key=lambda item: (type(item).__name__, safe_repr(item, None)))


def _layout(obj: object, indent: str, *, prefix: str, suffix: str, out: list[str], active: set[int]) -> None:
    """Append the lines for ``obj``: the first starts with ``prefix``, the last ends with ``suffix``.

    ``active`` holds the ids of the containers being laid out, to print recursion instead of
    looping forever on a list that contains itself.
    """
    if id(obj) in active:
        out.append(f"{indent}{prefix}<Recursion on {type(obj).__name__} with id={id(obj)}>{suffix}")
        return
    kind = type(obj)
    if isinstance(obj, str) and "\n" in obj:
        pieces = obj.splitlines(keepends=True)
        for number, piece in enumerate(pieces):
            head = prefix if number == 0 else ""
            tail = suffix if number == len(pieces) - 1 else ""
            out.append(f"{indent}{head}{safe_repr(piece, None)}{tail}")
        return
    children: list[tuple[str, object]] | None = None
    if kind in _BRACKETS and isinstance(obj, list | tuple | set | frozenset) and obj:
        opening, closing = _BRACKETS[kind]
        items = _sorted_if_possible(obj) if isinstance(obj, set | frozenset) else list(obj)
        children = [("", item) for item in items]
    elif kind is dict and isinstance(obj, dict) and obj:
        opening, closing = "{", "}"
        children = [(f"{safe_repr(key, None)}: ", value) for key, value in obj.items()]
    elif _is_plain_dataclass(obj):
        opening, closing = f"{kind.__qualname__}(", ")"
        fields = [field for field in dataclasses.fields(obj) if field.repr]  # type: ignore[arg-type]
        children = [(f"{field.name}=", getattr(obj, field.name)) for field in fields]
    if children is None:
        lines = safe_repr(obj, None).splitlines() or [""]
        lines[0] = prefix + lines[0]
        lines[-1] += suffix
        out.extend(indent + line for line in lines)
        return
    if not children:
        out.append(f"{indent}{prefix}{opening}{closing}{suffix}")
        return
    active.add(id(obj))
    out.append(f"{indent}{prefix}{opening}")
    for label, child in children:
        _layout(child, indent + _INDENT, prefix=label, suffix=",", out=out, active=active)
    out.append(f"{indent}{closing}{suffix}")
    active.discard(id(obj))


def _is_plain_dataclass(obj: object) -> bool:
    """A dataclass instance whose repr is still the one ``@dataclass`` generated."""
    if isinstance(obj, type) or not dataclasses.is_dataclass(obj):
        return False
    params = getattr(type(obj), "__dataclass_params__", None)
    generated_repr = hasattr(type(obj).__repr__, "__wrapped__")  # dataclass wraps its repr
    return bool(getattr(params, "repr", False)) and generated_repr
