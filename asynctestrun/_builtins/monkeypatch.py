"""``MonkeyPatch``, the object behind the ``monkeypatch`` fixture: reversible patches of attributes,
mapping items, environment variables, ``sys.path`` and the working directory.

Every change records what it replaced; ``undo()`` puts everything back in reverse order. The fixture's
teardown calls ``undo()``; ``MonkeyPatch.context()`` does the same for a ``with`` block.
"""

from __future__ import annotations

import importlib
import inspect
import os
import sys
import warnings
from collections.abc import Generator, MutableMapping
from contextlib import contextmanager
from enum import Enum
from typing import Any, Final, TypeVar

K = TypeVar("K")
V = TypeVar("V")


class _Notset(Enum):
    """Marks "there was no value" (None is a legitimate old value)."""

    token = 0

    def __repr__(self) -> str:
        return "<notset>"


NOTSET: Final = _Notset.token


def _annotated_getattr(obj: object, name: str, where: str) -> object:
    try:
        return getattr(obj, name)
    except AttributeError:
        raise AttributeError(f"{type(obj).__name__!r} object at {where} has no attribute {name!r}") from None


def _resolve(dotted: str) -> object:
    """Import ``a.b.c`` as far as it is modules, then walk the remaining attributes."""
    parts = dotted.split(".")
    used = parts.pop(0)
    found: object = importlib.import_module(used)
    for part in parts:
        used += "." + part
        if not hasattr(found, part):
            # Not an attribute (yet): it may be a submodule that nobody has imported.
            importlib.import_module(used)
        found = _annotated_getattr(found, part, used)
    return found


def _derive_importpath(import_path: object, raising: bool) -> tuple[str, object]:
    if not isinstance(import_path, str) or "." not in import_path:
        raise TypeError(f"must be absolute import path string, not {import_path!r}")
    module, attr = import_path.rsplit(".", 1)
    target = _resolve(module)
    if raising:
        _annotated_getattr(target, attr, module)
    return attr, target


class MonkeyPatch:
    """Reversible patches. Use one per test (the fixture) or ``MonkeyPatch.context()``."""

    def __init__(self) -> None:
        self._setattr: list[tuple[object, str, object]] = []
        self._setitem: list[tuple[MutableMapping[Any, Any], object, object]] = []
        self._cwd: str | None = None
        self._savesyspath: list[str] | None = None

    @classmethod
    @contextmanager
    def context(cls) -> Generator[MonkeyPatch, None, None]:
        """A MonkeyPatch whose changes are undone when the ``with`` block exits."""
        patch = cls()
        try:
            yield patch
        finally:
            patch.undo()

    def _remember_attr(self, target: object, name: str) -> None:
        old = getattr(target, name, NOTSET)
        # On a class, keep the raw __dict__ entry: getattr would unwrap a staticmethod or
        # classmethod, and restoring the unwrapped function would change its binding.
        if inspect.isclass(target):
            old = target.__dict__.get(name, NOTSET)
        self._setattr.append((target, name, old))

    def setattr(self, target: object, name: object, value: object = NOTSET, raising: bool = True) -> None:
        """``setattr(obj, "name", value)`` or ``setattr("package.module.name", value)``.

        With ``raising=True`` (the default) the attribute must already exist.
        """
        __tracebackhide__ = True
        if value is NOTSET:
            if not isinstance(target, str):
                raise TypeError(
                    "use setattr(target, name, value) or setattr(target, value) with target being a "
                    "dotted import string"
                )
            value = name
            attr, target = _derive_importpath(target, raising)
        else:
            if not isinstance(name, str):
                raise TypeError(
                    "use setattr(target, name, value) with name being a string or setattr(target, value) "
                    "with target being a dotted import string"
                )
            attr = name
        if raising and not hasattr(target, attr):
            raise AttributeError(f"{target!r} has no attribute {attr!r}")
        self._remember_attr(target, attr)
        setattr(target, attr, value)

    def delattr(self, target: object, name: str | _Notset = NOTSET, raising: bool = True) -> None:
        """``delattr(obj, "name")`` or ``delattr("package.module.name")``; restored by ``undo()``."""
        __tracebackhide__ = True
        if isinstance(name, _Notset):
            if not isinstance(target, str):
                raise TypeError(
                    "use delattr(target, name) or delattr(target) with target being a dotted import string"
                )
            name, target = _derive_importpath(target, raising)
        if not hasattr(target, name):
            if raising:
                raise AttributeError(name)
            return
        self._remember_attr(target, name)
        delattr(target, name)

    def setitem(self, dic: MutableMapping[K, V], name: K, value: V) -> None:
        self._setitem.append((dic, name, dic.get(name, NOTSET)))
        dic[name] = value

    def delitem(self, dic: MutableMapping[K, V], name: K, raising: bool = True) -> None:
        if name not in dic:
            if raising:
                raise KeyError(name)
            return
        self._setitem.append((dic, name, dic.get(name, NOTSET)))
        del dic[name]

    def setenv(self, name: str, value: object, prepend: str | None = None) -> None:
        """Set ``os.environ[name]``; with ``prepend``, ``value + prepend + old value`` if one exists."""
        if not isinstance(value, str):
            warnings.warn(
                f"Value of environment variable {name} type should be str, but got {value!r} "
                f"(type: {type(value).__name__}); converted to str implicitly",
                UserWarning,
                stacklevel=2,
            )
            value = str(value)
        if prepend and name in os.environ:
            value = value + prepend + os.environ[name]
        self.setitem(os.environ, name, value)

    def delenv(self, name: str, raising: bool = True) -> None:
        environ: MutableMapping[str, str] = os.environ
        self.delitem(environ, name, raising=raising)

    def syspath_prepend(self, path: str | os.PathLike[str]) -> None:
        if self._savesyspath is None:
            self._savesyspath = sys.path[:]
        sys.path.insert(0, str(path))
        # Finders cache directory listings: without this, a module created in `path` after an
        # earlier failed import would stay invisible.
        importlib.invalidate_caches()

    def chdir(self, path: str | os.PathLike[str]) -> None:
        if self._cwd is None:
            self._cwd = os.getcwd()
        os.chdir(path)

    def undo(self) -> None:
        """Revert every change, newest first. The object can be reused afterwards."""
        for obj, name, value in reversed(self._setattr):
            if value is NOTSET:
                delattr(obj, name)
            else:
                setattr(obj, name, value)
        self._setattr.clear()
        for dictionary, key, value in reversed(self._setitem):
            if value is NOTSET:
                # The test may have deleted the key itself meanwhile.
                dictionary.pop(key, None)
            else:
                dictionary[key] = value
        self._setitem.clear()
        if self._savesyspath is not None:
            sys.path[:] = self._savesyspath
            self._savesyspath = None
        if self._cwd is not None:
            os.chdir(self._cwd)
            self._cwd = None
