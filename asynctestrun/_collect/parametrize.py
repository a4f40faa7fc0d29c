"""Parametrization: ``mark.parametrize``, fixture ``params`` and ``metafunc.parametrize`` into CallSpecs.

Each parametrize call multiplies the existing call specs by its rows, the newest argument varying
fastest. Ids follow pytest: an explicit id, else the ``ids`` list/callable, else one generated from the
value (strings, numbers, bools, None, enums, classes and functions by name, anything else
``argname + index``); duplicates are made unique with a numeric suffix.
"""

from __future__ import annotations

import enum
import itertools
import re
from collections import Counter
from collections.abc import Callable, Sequence, Sized
from dataclasses import dataclass, field
from typing import Any

from .._declare.marks import HIDDEN_PARAM, ParameterSet
from .._declare.outcomes import Failed
from .._model.items import CallSpec
from .._model.marks import Mark
from .._model.scopes import Scope
from .._rewrite.saferepr import safe_repr
from .harvest import CollectorError

_NON_PRINTABLE = {i: f"\\x{i:02x}" for i in (*range(32), *range(127, 160))}
_NON_PRINTABLE.update({ord("\t"): "\\t", ord("\r"): "\\r", ord("\n"): "\\n"})


# ``pytest_make_parametrize_id``, bound to the run's hooks: (value, argname) -> id or None.
MakeId = Callable[[object, str], object]


def ascii_escaped(value: str | bytes) -> str:
    """Ids are printable ASCII: non-ASCII and control characters become backslash escapes."""
    if isinstance(value, bytes):
        text = value.decode("ascii", "backslashreplace")
    else:
        text = value.encode("unicode_escape").decode("ascii")
    return text.translate(_NON_PRINTABLE)


# pytest 9 names a str or bytes value longer than this by position (argname + index), as other objects.
_MAX_STRING_ID_LENGTH = 100


def id_for_value(value: object, argname: str, index: int) -> str:
    if isinstance(value, str | bytes):
        if len(value) > _MAX_STRING_ID_LENGTH:  # the value's own length, before escaping
            return f"{argname}{index}"
        return ascii_escaped(value)
    if value is None or isinstance(value, int | float | complex | bool):
        return str(value)
    if isinstance(value, re.Pattern):
        return ascii_escaped(value.pattern)
    if isinstance(value, enum.Enum):
        return str(value)
    # Any value with a string __name__ is named by it, as given: classes and functions, but also
    # modules and plain objects that carry one.
    name = getattr(value, "__name__", None)
    if isinstance(name, str):
        return name
    return f"{argname}{index}"


def make_unique(ids: list[str]) -> list[str]:
    """Suffixes each duplicated id with a per-id counter, skipping numbers that would collide.

    A collision is checked against the ids as they stand at that point, as pytest does: rows already
    renamed count by their new id and their old one is free again, rows still ahead by their own.
    For ["1_1", "1_1", "1_1_1", "1", "1"] the first two become 1_1_0 and 1_1_2 (1_1_1 is a row
    ahead) and the last two 1_0 and 1_1, which the renamed rows no longer hold.
    """
    counts = Counter(ids)
    if all(count == 1 for count in counts.values()):
        return ids
    seen: dict[str, int] = {}
    # How many rows hold each id right now: a multiset, because duplicates ahead still count.
    current = Counter(ids)
    out: list[str] = []
    for value in ids:
        if counts[value] == 1:
            out.append(value)
            continue
        suffix = "_" if value and value[-1].isdigit() else ""
        while True:
            number = seen.get(value, 0)
            seen[value] = number + 1
            candidate = f"{value}{suffix}{number}"
            if current[candidate] == 0:
                break
        current[value] -= 1
        current[candidate] += 1
        out.append(candidate)
    return out


def split_argnames(argnames: str | Sequence[str]) -> tuple[list[str], bool]:
    """Returns the names and whether a single name was given as a plain string (rows are not tuples)."""
    if isinstance(argnames, str):
        names = [n.strip() for n in argnames.split(",") if n.strip()]
        return names, len(names) == 1
    names = list(argnames)
    return names, False


@dataclass(slots=True)
class ParametrizeCall:
    argnames: list[str]
    rows: list[ParameterSet]
    indirect: frozenset[str]
    ids: list[str]
    scope: Scope


def build_call(
    test_name: str,
    argnames_raw: str | Sequence[str],
    argvalues: object,
    *,
    indirect: bool | Sequence[str] = False,
    ids: object = None,
    scope: str | Scope | None = None,
    location: str = "",
    empty_mark: str = "skip",
    make_id: MakeId | None = None,
    strict_ids_of: str | None = None,
    nodeid: str = "",
) -> ParametrizeCall:
    """One ``parametrize`` call, checked and with its ids. ``strict_ids_of``: the test's node id when
    ``strict_parametrization_ids`` is on, which makes duplicate ids an error instead of numbering them.
    ``nodeid``: the test's node id, which pytest names in some of its errors (the name otherwise)."""
    names, single = split_argnames(argnames_raw)
    try:
        values = list(argvalues)  # type: ignore[call-overload]
    except TypeError:
        raise Failed(
            f"{test_name}: in parametrize, argvalues must be iterable, got {argvalues!r}", pytrace=False
        ) from None
    rows = [ParameterSet.extract(v, force_tuple=single) for v in values]
    for row in rows:
        if len(row.values) != len(names):
            raise Failed(
                f'{nodeid or test_name}: in "parametrize" the number of names ({len(names)}):\n  {names}\n'
                f"must be equal to the number of values ({len(row.values)}):\n  {row.values}",
                pytrace=False,
            )
    if isinstance(indirect, bool):
        indirect_names = frozenset(names) if indirect else frozenset()
    else:
        indirect_names = frozenset(indirect)
        for name in indirect_names:
            if name not in names:
                raise Failed(
                    f"In {nodeid or test_name}: indirect fixture '{name}' doesn't exist", pytrace=False
                )
    if not rows:
        reason = f"got empty parameter set for ({', '.join(names)})"
        marker = (
            Mark("xfail", (), {"reason": reason, "run": False})
            if empty_mark == "xfail"
            else Mark("skip", (), {"reason": reason})
        )
        rows = [ParameterSet(tuple(_NOTSET for _ in names), (marker,), "NOTSET")]
    id_list = _resolve_ids(nodeid or test_name, names, rows, ids, make_id)
    if strict_ids_of is not None:
        _check_unique(strict_ids_of, names, rows, id_list)
    id_list = make_unique(id_list)
    return ParametrizeCall(names, rows, indirect_names, id_list, _parametrize_scope(scope, test_name))


def _parametrize_scope(scope: str | Scope | None, test_name: str) -> Scope:
    """``parametrize(scope=...)``, refused with the message of pytest's ``Scope.from_user``."""
    if scope is None:
        return Scope.FUNCTION
    try:
        return Scope(scope)
    except ValueError:
        message = f"parametrize() call in {test_name} got an unexpected scope value '{scope}'"
        raise Failed(message, pytrace=False) from None


class _NotSetType:
    def __repr__(self) -> str:
        return "NOTSET"


_NOTSET = _NotSetType()


def _resolve_ids(
    where: str, names: list[str], rows: list[ParameterSet], ids: object, make_id: MakeId | None
) -> list[str]:
    id_list: Sequence[object] | None = None
    idfn: Callable[[Any], object] | None = None
    if callable(ids):
        idfn = ids
    elif isinstance(ids, Sized):
        id_list = list(ids)  # type: ignore[call-overload]
        # As pytest: an empty list of ids is no list at all (every id generated), and the one set
        # standing for empty argvalues is a set like any other.
        if id_list and len(id_list) != len(rows):
            raise Failed(
                f"In {where}: {len(rows)} parameter sets specified, with different number of ids: "
                f"{len(id_list)}",
                pytrace=False,
            )
    elif ids is not None:
        # An iterator of ids (itertools.count(), a generator) is read for as many sets as there are,
        # never to its end: it may be endless. One that runs out early leaves the remaining ids
        # generated, and one that has more is not an error, as pytest.
        id_list = list(itertools.islice(ids, len(rows)))  # type: ignore[call-overload]
    out: list[str] = []
    for index, row in enumerate(rows):
        if row.id is not None:
            out.append(HIDDEN_PARAM if row.id is HIDDEN_PARAM else ascii_escaped(row.id))
            continue
        if id_list is not None and index < len(id_list) and id_list[index] is not None:
            given = id_list[index]
            if given is HIDDEN_PARAM:
                out.append(HIDDEN_PARAM)
                continue
            out.append(
                ascii_escaped(given) if isinstance(given, str) else id_for_value(given, names[0], index)
            )
            continue
        parts: list[str] = []
        for argname, value in zip(names, row.values, strict=True):
            if value is _NOTSET:
                parts.append("NOTSET")
                continue
            generated: object = None
            if idfn is not None:
                generated = idfn(value)
            if generated is None and make_id is not None:
                # A pytest_make_parametrize_id answer is the id as given, as in pytest.
                hooked = make_id(value, argname)
                if hooked is not None:
                    parts.append(str(hooked))
                    continue
            if generated is None:
                parts.append(id_for_value(value, argname, index))
            else:
                parts.append(
                    ascii_escaped(generated)
                    if isinstance(generated, str)
                    else id_for_value(generated, argname, index)
                )
        out.append("-".join(parts))
    return out


def _check_unique(nodeid: str, names: list[str], rows: list[ParameterSet], ids: list[str]) -> None:
    counts = Counter(ids)
    duplicates = [value for value, count in counts.items() if count > 1 and value is not HIDDEN_PARAM]
    if not duplicates:
        return
    sets = ", ".join("[" + ", ".join(safe_repr(v) for v in row.values) + "]" for row in rows)
    raise Failed(
        "Duplicate parametrization IDs detected, but strict_parametrization_ids is set.\n\n"
        f"Test name:      {nodeid}\n"
        f"Parameters:     {', '.join(names)}\n"
        f"Parameter sets: {sets}\n"
        f"IDs:            {', '.join(ids)}\n"
        f"Duplicates:     {', '.join(duplicates)}\n\n"
        "You can fix this problem using `@pytest.mark.parametrize(..., ids=...)` or "
        "`pytest.param(..., id=...)`.",
        pytrace=False,
    )


@dataclass(slots=True)
class CallSpecBuilder:
    calls: list[CallSpec] = field(default_factory=lambda: [CallSpec()])
    argnames_seen: set[str] = field(default_factory=set)

    def apply(self, nodeid: str, call: ParametrizeCall) -> None:
        for name in call.argnames:
            if name in self.argnames_seen:
                raise CollectorError(f"{nodeid}: duplicate parametrization of {name!r}")
            self.argnames_seen.add(name)
        new_calls: list[CallSpec] = []
        for spec in self.calls:
            for index, (row, row_id) in enumerate(zip(call.rows, call.ids, strict=True)):
                params = dict(spec.params)
                indices = dict(spec.indices)
                scopes = dict(spec.param_scopes)
                for name, value in zip(call.argnames, row.values, strict=True):
                    params[name] = value
                    indices[name] = index
                    scopes[name] = call.scope
                new_calls.append(
                    CallSpec(
                        params=params,
                        indices=indices,
                        param_scopes=scopes,
                        indirect=spec.indirect | call.indirect,
                        ids=spec.ids if row_id is HIDDEN_PARAM else (*spec.ids, row_id),
                        marks=(*spec.marks, *row.marks),
                    )
                )
        self.calls = new_calls
