"""What ``config.getini`` returns for a raw ini value, by the key's declared type, as pytest converts it.

A raw value is what the configuration file holds: a string (an ini file, or a ``pyproject.toml``
``ini_options`` string) or a list of strings (a TOML array). A type is one of pytest's ini type tags
("args", "linelist", "paths", "pathlist", "bool", "string", "int", "float"), a plain Python type
(``int``), or a union of them, which pytest tries member by member: with ``("int", "string")`` the
value ``"20"`` is ``20`` and ``"INFO"`` stays ``"INFO"``.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Final

from .._config.inifile import IniValue, get_args, get_lines

_LIST_KINDS: Final = frozenset({"args", "linelist", "paths", "pathlist"})
_TYPE_TAGS: Final[dict[object, str]] = {str: "string", bool: "bool", int: "int", float: "float"}
_TRUE: Final = frozenset({"y", "yes", "t", "true", "on", "1"})
_FALSE: Final = frozenset({"n", "no", "f", "false", "off", "0"})


def kinds_of(declared: object) -> tuple[str, ...]:
    """The type tags of a type as ``parser.addini`` accepts it: None is "string"."""
    if declared is None:
        return ("string",)
    if isinstance(declared, tuple):
        return tuple(kind for member in declared for kind in kinds_of(member))
    if isinstance(declared, types.UnionType):
        return kinds_of(typing.get_args(declared))
    if isinstance(declared, str):
        return (declared,)
    return (_TYPE_TAGS.get(declared, "string"),)


def default_for(kinds: Sequence[str]) -> Any:
    """pytest's default for a key declared without one: by its (first) type."""
    kind = kinds[0] if kinds else "string"
    if kind in _LIST_KINDS:
        return []
    return {"bool": False, "int": 0, "float": 0.0}.get(kind, "")


def convert(kinds: Sequence[str], name: str, raw: IniValue, base: Path) -> Any:
    """*raw*, the value of *name*, as the first of *kinds* that accepts it; relative paths from *base*.

    A union falls through to its next member on a value its member cannot read; a single type keeps
    asynctestrun's lenient reading (a word that is no truth value is False), since pytest's own
    readers of these keys already reported it.
    """
    values = {name: raw}
    for kind in kinds:
        if kind in ("args", "paths", "pathlist"):
            items = get_args(values, name)
            return [base / item for item in items] if kind != "args" else items
        if kind == "linelist":
            return get_lines(values, name)
        if kind not in ("bool", "int", "float"):  # "string", or a type tag pytest does not know
            return raw if isinstance(raw, str) else " ".join(raw)
        if isinstance(raw, list):
            continue  # a scalar type cannot read an array: the union's next member may
        word = raw.strip()
        if kind == "bool":
            if word.lower() in _TRUE or word.lower() in _FALSE:
                return word.lower() in _TRUE
            if len(kinds) == 1:
                return False
            continue
        if kind in ("int", "float"):
            try:
                return int(word) if kind == "int" else float(word)
            except ValueError:
                if len(kinds) == 1:
                    raise
                continue
    return raw  # no member of the union reads it
