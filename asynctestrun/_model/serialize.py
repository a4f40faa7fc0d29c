"""Events as single JSON lines and back: the wire format between a worker process and its parent.

The codec is generic over the model: it walks ``dataclasses.fields`` and the resolved type hints, so a
field added to an event (or to ``TestResult``, ``PhaseResult``, ``CollectError``) travels without
touching this module. One line looks like::

    {"event":"TestFinished","data":{"result":{"nodeid":"t.py::test_a","path":"t.py","lineno":3,
     "phases":[{"phase":"call","outcome":"passed","duration":0.01,...}],"sections":[],...}}}

Encoding follows the value (dataclass → object, Enum → its value, tuple/list/frozenset → array,
dict → array of ``[key, value]`` pairs so non-string keys survive); decoding follows the declared type,
which is how ``"call"`` becomes ``Phase.CALL`` again and an array becomes a tuple. Round trips are
exact: ``event_from_json(event_to_json(e)) == e`` for every event, floats included (JSON keeps
``repr`` precision; ``NaN``/``Infinity`` use Python's JSON extension), and ``ensure_ascii`` keeps a line
ASCII whatever the stream's encoding, lone surrogates from odd captured output included.
"""

from __future__ import annotations

import dataclasses
import enum
import functools
import json
import types
import typing
from typing import Any

from .events import Event

# Built once from the Event union; read-only afterwards.
_EVENT_TYPES: typing.Final[dict[str, type[Any]]] = {cls.__name__: cls for cls in typing.get_args(Event)}


class DecodeError(ValueError):
    """A line that is not a well-formed event (truncated output, a stray print, a version mismatch)."""


def event_to_json(event: Event) -> str:
    """One line of JSON, without the trailing newline."""
    name = type(event).__name__
    if _EVENT_TYPES.get(name) is not type(event):
        raise TypeError(f"not an event: {event!r}")
    return json.dumps({"event": name, "data": _encode(event)}, separators=(",", ":"), ensure_ascii=True)


def event_from_json(text: str | bytes) -> Event:
    try:
        raw = json.loads(text)
    except ValueError as exc:
        raise DecodeError(f"not JSON: {exc}") from None
    if not isinstance(raw, dict) or set(raw) != {"event", "data"}:
        raise DecodeError("expected an object with 'event' and 'data'")
    cls = _EVENT_TYPES.get(raw["event"]) if isinstance(raw["event"], str) else None
    if cls is None:
        raise DecodeError(f"unknown event type {raw['event']!r}")
    event: Event = _decode(cls, raw["data"], raw["event"])
    return event


def _encode(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, enum.Enum):
        return _encode(value.value)
    if isinstance(value, (tuple, list)):
        return [_encode(v) for v in value]
    if isinstance(value, (set, frozenset)):
        return [_encode(v) for v in value]
    if isinstance(value, dict):
        return [[_encode(k), _encode(v)] for k, v in value.items()]
    if value is None or isinstance(value, (str, int, float)):
        return value
    raise TypeError(f"cannot encode {type(value).__name__}: {value!r}")


@functools.cache  # type hints of a class never change; resolving them is the slow part of decoding
def _field_types(cls: Any) -> tuple[tuple[str, Any, bool], ...]:
    hints = typing.get_type_hints(cls)
    return tuple(
        (
            f.name,
            hints[f.name],
            f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING,
        )
        for f in dataclasses.fields(cls)
        if f.init
    )


def _decode(tp: Any, value: Any, where: str) -> Any:
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if tp is Any:
        return value
    if origin is typing.Union or origin is types.UnionType:
        return _decode_union(args, value, where)
    if origin is tuple:
        items = _expect(value, list, where)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_decode(args[0], v, f"{where}[{i}]") for i, v in enumerate(items))
        if len(items) != len(args):
            raise DecodeError(f"{where}: expected {len(args)} items, got {len(items)}")
        return tuple(_decode(a, v, f"{where}[{i}]") for i, (a, v) in enumerate(zip(args, items, strict=True)))
    if origin in (list, frozenset, set):
        (item_type,) = args
        decoded = [_decode(item_type, v, f"{where}[{i}]") for i, v in enumerate(_expect(value, list, where))]
        return origin(decoded)
    if origin is dict:
        key_type, value_type = args
        decoded_dict: dict[Any, Any] = {}
        for i, pair in enumerate(_expect(value, list, where)):
            if not isinstance(pair, list) or len(pair) != 2:
                raise DecodeError(f"{where}[{i}]: expected a [key, value] pair")
            decoded_dict[_decode(key_type, pair[0], f"{where}[{i}]")] = _decode(value_type, pair[1], where)
        return decoded_dict
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        try:
            return tp(value)
        except ValueError:
            raise DecodeError(f"{where}: {value!r} is not a {tp.__name__}") from None
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return _decode_dataclass(tp, value, where)
    if tp is float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise DecodeError(f"{where}: expected a number, got {value!r}")
        return value
    if tp is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise DecodeError(f"{where}: expected an integer, got {value!r}")
        return value
    if tp in (str, bool):
        return _expect(value, tp, where)
    if tp is type(None):
        if value is not None:
            raise DecodeError(f"{where}: expected null, got {value!r}")
        return None
    raise TypeError(f"{where}: cannot decode type {tp!r}")


def _decode_union(args: tuple[Any, ...], value: Any, where: str) -> Any:
    if value is None and type(None) in args:
        return None
    candidates = [a for a in args if a is not type(None)]
    errors: list[str] = []
    for candidate in candidates:
        try:
            return _decode(candidate, value, where)
        except DecodeError as exc:
            errors.append(str(exc))
    raise DecodeError("; ".join(errors) or f"{where}: unexpected null")


def _decode_dataclass(cls: Any, value: Any, where: str) -> Any:
    data = _expect(value, dict, where)
    kwargs: dict[str, Any] = {}
    fields = _field_types(cls)
    known = {name for name, _tp, _required in fields}
    unknown = set(data) - known
    if unknown:
        raise DecodeError(f"{where}: unknown fields {sorted(unknown)} for {cls.__name__}")
    for name, field_type, required in fields:
        if name in data:
            kwargs[name] = _decode(field_type, data[name], f"{where}.{name}")
        elif required:
            raise DecodeError(f"{where}: missing field {name!r} of {cls.__name__}")
    return cls(**kwargs)


_T = typing.TypeVar("_T")


def _expect(value: Any, kind: type[_T], where: str) -> _T:
    if not isinstance(value, kind):
        raise DecodeError(f"{where}: expected {kind.__name__}, got {type(value).__name__}")
    return value
