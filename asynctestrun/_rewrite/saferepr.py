"""Reprs for failure messages: they never raise and never flood the terminal.

A failing assertion must report *something* even when a user's ``__repr__`` is broken or returns
megabytes. ``safe_repr`` limits containers the way ``reprlib`` does (six list items, four dict
items, ...), cuts the result to ``maxsize`` characters with ``...`` in the middle, and replaces a
raising ``__repr__`` with a description of the error. ``maxsize=None`` means no limit at all (used
at ``-vv`` and for the "At index N diff" lines, where a truncated value would hide the difference).
"""

from __future__ import annotations

import reprlib
from itertools import islice

DEFAULT_MAXSIZE = 240
"""Character limit for values shown in ``where`` lines and detail lines at default verbosity."""


def ellipsize(text: str, maxsize: int) -> str:
    """Cut ``text`` to ``maxsize`` characters, keeping both ends: ``'aaaa...zzzz'``."""
    if len(text) <= maxsize:
        return text
    head = max(0, (maxsize - 3) // 2)
    tail = max(0, maxsize - 3 - head)
    return text[:head] + "..." + text[len(text) - tail :]


def describe_repr_failure(obj: object, exc: BaseException) -> str:
    """What to show instead of ``repr(obj)`` when it raised ``exc``."""
    try:
        error = repr(exc)
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException:
        # The exception's own repr can be broken too; its type name is always available.
        error = f"unpresentable exception ({type(exc).__name__})"
    return f"<[{error} raised in repr()] {type(obj).__name__} object at 0x{id(obj):x}>"


def _plain_repr(obj: object, use_ascii: bool) -> str:
    try:
        return ascii(obj) if use_ascii else repr(obj)
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:
        return describe_repr_failure(obj, exc)


class _LimitedRepr(reprlib.Repr):
    """``reprlib`` limits for containers, with every leaf repr made safe and size-limited."""

    def __init__(self, maxsize: int, use_ascii: bool) -> None:
        super().__init__()
        self.maxstring = maxsize
        self.maxother = maxsize
        self._maxsize = maxsize
        self._use_ascii = use_ascii

    def repr_instance(self, x: object, level: int) -> str:
        return ellipsize(_plain_repr(x, self._use_ascii), self._maxsize)

    def repr_dict(self, x: dict[object, object], level: int) -> str:
        # reprlib sorts dict keys; dicts are ordered, and users expect the order they wrote.
        if not x:
            return "{}"
        if level <= 0:
            return "{...}"
        pieces = [
            f"{self.repr1(key, level - 1)}: {self.repr1(value, level - 1)}"
            for key, value in islice(x.items(), self.maxdict)
        ]
        if len(x) > self.maxdict:
            pieces.append("...")
        return "{" + ", ".join(pieces) + "}"

    def repr_str(self, x: str, level: int) -> str:
        if self._use_ascii:
            return ellipsize(ascii(x), self._maxsize)
        return super().repr_str(x, level)


def safe_repr(obj: object, maxsize: int | None = DEFAULT_MAXSIZE, *, use_ascii: bool = False) -> str:
    """``repr(obj)`` that cannot raise, cut to ``maxsize`` characters unless ``maxsize`` is None."""
    if maxsize is None:
        return _plain_repr(obj, use_ascii)
    try:
        text = _LimitedRepr(maxsize, use_ascii).repr(obj)
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:
        # reprlib itself can trip over odd objects (a __len__ that raises, for instance).
        text = describe_repr_failure(obj, exc)
    return ellipsize(text, maxsize)


def safe_format(obj: object) -> str:
    """``pprint.pformat(obj)`` that cannot raise: sorted dict keys, one item a line once it is wider
    than 80 columns, no size limit. pytest shows locals this way at ``-vv``."""
    import pprint

    try:
        return pprint.pformat(obj)
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:
        return describe_repr_failure(obj, exc)
