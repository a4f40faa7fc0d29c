"""Events as single JSON lines and back: the wire format between a worker process and its parent.

The codec is generic over the model: it walks ``dataclasses.fields`` and the resolved type hints, so a
field added to an event (or to ``TestResult``, ``PhaseResult``, ``CollectError``) travels without
touching this module. One line looks like::

    {"event":"TestFinished","data":{"result":{"nodeid":"t.py::test_a","path":"t.py","lineno":3,
     "phases":[{"phase":"call","outcome":"passed","duration":0.01,...}],"sections":[],...}}}

Encoding follows the value (dataclass → object, Enum → its value, tuple/list/frozenset → array,
dict → array of ``[key, value]`` pairs so non-string keys survive); decoding follows the declared type,
which is how ``"call"`` becomes ``Phase.CALL`` again and an array becomes a tuple. Both directions are
compiled once per type into closures (``_encoder_for``, ``_decoder_for``): a worker streams a few events
per test and the parent decodes every one of them, so walking ``typing`` and ``dataclasses`` per value
(as a plain recursive codec does) would cost the parent more CPU than the tests it is waiting for.
Round trips are exact: ``event_from_json(event_to_json(e)) == e`` for every event, floats included (JSON keeps
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
from collections.abc import Callable, Iterable, Iterator
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
    return _dumps({"event": name, "data": _encode(event)})


_dumps = json.JSONEncoder(separators=(",", ":"), ensure_ascii=True).encode


def event_from_json(text: str | bytes) -> Event:
    try:
        raw = json.loads(text)
    except ValueError as exc:
        raise DecodeError(f"not JSON: {exc}") from None
    if not isinstance(raw, dict) or len(raw) != 2 or "event" not in raw or "data" not in raw:
        raise DecodeError("expected an object with 'event' and 'data'")
    name = raw["event"]
    cls: Any = _EVENT_TYPES.get(name) if isinstance(name, str) else None
    if cls is None:
        raise DecodeError(f"unknown event type {name!r}")
    try:
        event: Event = _decoder_for(cls)(raw["data"])
    except _Mismatch as exc:
        raise DecodeError(f"{name}{''.join(reversed(exc.path))}: {exc.message}") from None
    return event


# -- encoding ----------------------------------------------------------------------------------------

_Codec = Callable[[Any], Any]
_ENCODERS: dict[type[Any], _Codec] = {}


def _encode(value: Any) -> Any:
    kind = type(value)
    encoder = _ENCODERS.get(kind)
    if encoder is None:
        encoder = _ENCODERS[kind] = _encoder_for(kind)
    return encoder(value)


def _encoder_for(kind: type[Any]) -> _Codec:
    """How to encode a value of exactly this type (decided by the value's type, not a declared one)."""
    if dataclasses.is_dataclass(kind):
        # Fields declared as JSON scalars (str, int, float, bool, None and their unions) are copied as
        # they are; only the others (enums, tuples, nested dataclasses) need a recursive call.
        hints = typing.get_type_hints(kind)
        fields = dataclasses.fields(kind)
        # A field equal to its default is left out (the decoder fills it in again): most of a result's
        # fields are empty, and leaving them out halves the line the parent has to parse.
        plain = tuple((f.name, _default_of(f)) for f in fields if _is_json_scalar(hints[f.name]))
        nested = tuple((f.name, _default_of(f)) for f in fields if not _is_json_scalar(hints[f.name]))

        def encode_dataclass(value: Any) -> Any:
            encoded = {}
            for name, default in plain:
                field_value = getattr(value, name)
                if field_value is not default:
                    encoded[name] = field_value
            for name, default in nested:
                field_value = getattr(value, name)
                if field_value != default:
                    encoded[name] = _encode(field_value)
            return encoded

        return encode_dataclass
    if issubclass(kind, enum.Enum):
        return lambda value: _encode(value.value)
    if issubclass(kind, (tuple, list, set, frozenset)):
        return lambda value: [_encode(v) for v in value]
    if issubclass(kind, dict):
        return lambda value: [[_encode(k), _encode(v)] for k, v in value.items()]
    if kind is type(None) or issubclass(kind, (str, int, float)):
        return _identity

    def refuse(value: Any) -> Any:
        raise TypeError(f"cannot encode {type(value).__name__}: {value!r}")

    return refuse


class _NoDefault:
    """Stands for "no default": compares equal to nothing, so such a field is always written."""

    def __eq__(self, other: object) -> bool:
        return False

    __hash__ = None  # type: ignore[assignment]


def _default_of(f: dataclasses.Field[Any]) -> Any:
    if f.default is not dataclasses.MISSING:
        return f.default
    if f.default_factory is not dataclasses.MISSING:
        return f.default_factory()
    return _NoDefault()


def _is_json_scalar(tp: Any) -> bool:
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        return all(_is_json_scalar(arg) for arg in typing.get_args(tp))
    return tp in (str, int, float, bool, type(None))


def _identity(value: Any) -> Any:
    return value


# -- decoding ----------------------------------------------------------------------------------------


class _Mismatch(Exception):
    """A value that does not fit its declared type. ``path`` collects the location innermost first, as
    the exception passes out through the containers, so a location string is only built on failure."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
        self.path: list[str] = []


@functools.cache  # one compiled decoder per declared type; the types are the model's, a fixed set
def _decoder_for(tp: Any) -> _Codec:
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if tp is Any:
        return _identity
    if origin is typing.Union or origin is types.UnionType:
        return _union_decoder(args)
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        return _sequence_decoder(tuple, _decoder_for(args[0]))
    if origin is tuple:
        return _fixed_tuple_decoder(tuple(_decoder_for(a) for a in args))
    if origin in (list, frozenset, set):
        return _sequence_decoder(origin, _decoder_for(args[0]))
    if origin is dict:
        return _dict_decoder(_decoder_for(args[0]), _decoder_for(args[1]))
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return _enum_decoder(tp)
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return _dataclass_decoder(tp)
    if tp is float:
        return _number_decoder
    if tp is int:
        return _integer_decoder
    if tp in (str, bool):
        return _exact_decoder(tp)
    if tp is type(None):
        return _null_decoder
    raise TypeError(f"cannot decode type {tp!r}")


def _expect_list(value: Any) -> list[Any]:
    if not isinstance(value, list):
        raise _Mismatch(f"expected list, got {type(value).__name__}")
    return value


def _items(decode: _Codec, items: Iterable[Any]) -> Iterator[Any]:
    for i, item in enumerate(items):
        try:
            yield decode(item)
        except _Mismatch as exc:
            exc.path.append(f"[{i}]")
            raise


def _sequence_decoder(make: Callable[[Iterable[Any]], Any], decode: _Codec) -> _Codec:
    def decode_sequence(value: Any) -> Any:
        items = _expect_list(value)
        try:
            return make([decode(item) for item in items])
        except _Mismatch:
            return make(_items(decode, items))  # again, item by item, to say which item

    return decode_sequence


def _fixed_tuple_decoder(decoders: tuple[_Codec, ...]) -> _Codec:
    def decode_tuple(value: Any) -> Any:
        items = _expect_list(value)
        if len(items) != len(decoders):
            raise _Mismatch(f"expected {len(decoders)} items, got {len(items)}")
        decoded = []
        for i, (decode, item) in enumerate(zip(decoders, items, strict=True)):
            try:
                decoded.append(decode(item))
            except _Mismatch as exc:
                exc.path.append(f"[{i}]")
                raise
        return tuple(decoded)

    return decode_tuple


def _dict_decoder(decode_key: _Codec, decode_value: _Codec) -> _Codec:
    def decode_dict(value: Any) -> Any:
        decoded: dict[Any, Any] = {}
        for i, pair in enumerate(_expect_list(value)):
            if not isinstance(pair, list) or len(pair) != 2:
                exc = _Mismatch("expected a [key, value] pair")
                exc.path.append(f"[{i}]")
                raise exc
            try:
                decoded[decode_key(pair[0])] = decode_value(pair[1])
            except _Mismatch as exc:
                exc.path.append(f"[{i}]")
                raise
        return decoded

    return decode_dict


def _union_decoder(args: tuple[Any, ...]) -> _Codec:
    nullable = type(None) in args
    candidates = tuple(_decoder_for(a) for a in args if a is not type(None))

    def decode_union(value: Any) -> Any:
        if value is None and nullable:
            return None
        errors: list[str] = []
        for decode in candidates:
            try:
                return decode(value)
            except _Mismatch as exc:
                errors.append("".join(reversed(exc.path)) + (": " if exc.path else "") + exc.message)
        raise _Mismatch("; ".join(errors) or "unexpected null")

    return decode_union


def _enum_decoder(tp: type[enum.Enum]) -> _Codec:
    members = {member.value: member for member in tp}

    def decode_enum(value: Any) -> Any:
        try:
            return members[value]
        except (KeyError, TypeError):  # TypeError: an unhashable value (a list, an object)
            raise _Mismatch(f"{value!r} is not a {tp.__name__}") from None

    return decode_enum


def _dataclass_decoder(cls: Any) -> _Codec:
    hints = typing.get_type_hints(cls)
    fields = [f for f in dataclasses.fields(cls) if f.init]
    decoders = {f.name: _decoder_for(hints[f.name]) for f in fields}
    missing = dataclasses.MISSING
    required = [f.name for f in fields if f.default is missing and f.default_factory is missing]

    def decode_dataclass(value: Any) -> Any:
        if not isinstance(value, dict):
            raise _Mismatch(f"expected dict, got {type(value).__name__}")
        kwargs: dict[str, Any] = {}
        for name, item in value.items():
            decode = decoders.get(name)
            if decode is None:
                unknown = sorted(set(value) - set(decoders))
                raise _Mismatch(f"unknown fields {unknown} for {cls.__name__}")
            try:
                kwargs[name] = decode(item)
            except _Mismatch as exc:
                exc.path.append(f".{name}")
                raise
        if len(kwargs) < len(decoders):  # some left out: fine for those with defaults
            for name in required:
                if name not in kwargs:
                    raise _Mismatch(f"missing field {name!r} of {cls.__name__}")
        return cls(**kwargs)

    return decode_dataclass


def _number_decoder(value: Any) -> Any:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise _Mismatch(f"expected a number, got {value!r}")
    return value


def _integer_decoder(value: Any) -> Any:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _Mismatch(f"expected an integer, got {value!r}")
    return value


def _exact_decoder(kind: type[Any]) -> _Codec:
    def decode_exact(value: Any) -> Any:
        if not isinstance(value, kind):
            raise _Mismatch(f"expected {kind.__name__}, got {type(value).__name__}")
        return value

    return decode_exact


def _null_decoder(value: Any) -> Any:
    if value is not None:
        raise _Mismatch(f"expected null, got {value!r}")
    return None
