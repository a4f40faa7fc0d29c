"""``LocalPath`` and ``TempdirFactory``: the ``py.path.local`` subset behind ``tmpdir`` / ``tmpdir_factory``.

Many suites still take ``tmpdir`` and call ``tmpdir.join("x").write(...)``, ``tmpdir.ensure("a/b.py")``
or ``tmpdir.as_cwd()``. ``LocalPath`` reproduces the commonly used part of the ``py.path.local`` API
(as vendored by pytest in ``_pytest._py.path``) over ``os`` / ``shutil``, so those suites run unchanged
without the ``py`` library. ``TempdirFactory`` hands out ``LocalPath`` versions of what the
``TempPathFactory`` in ``tmpdir`` creates; the two fixtures live in ``fixtures``.

Behaviours kept on purpose because suites rely on them:

* a ``LocalPath`` is always absolute and normalised, and equals (and hashes like) the plain string of
  the same path: ``tmpdir == str(tmpdir)``, ``{str(tmpdir): 1}[tmpdir]``;
* ``join`` treats every argument as relative: ``local("/a").join("/b") == local("/a/b")``;
* ``dirname`` / ``basename`` / ``purebasename`` / ``ext`` are plain string splits (``local("/x").dirname``
  is ``""``, ``local("/a/.rc").ext`` is ``".rc"``);
* ``visit`` yields a directory's subtree before the directory's own entries (depth first), or after
  them with ``bf=True``.

Errors are the standard ``OSError`` subclasses (``FileNotFoundError``...), not ``py.error.ENOENT``;
both are ``OSError``, so ``except OSError`` / ``except EnvironmentError`` handlers keep working.
"""

from __future__ import annotations

import contextlib
import errno
import fnmatch
import os
import shutil
import stat as stat_flags
import sys
import tempfile
from collections.abc import Callable, Iterator
from functools import total_ordering
from pathlib import Path
from typing import IO, Any, Literal, Self, overload

from .tmpdir import TempPathFactory, make_numbered_dir

PathArg = str | os.PathLike[str]
# What listdir/visit accept as a filter: a glob ("*.py", "sub/*.txt") or a predicate on the path.
PathFilter = str | Callable[["LocalPath"], object]

# A listdir filter without these characters names one child: look it up instead of scanning.
_GLOB_CHARS = frozenset("*?[" + os.sep)


class Stat:
    """An ``os.stat_result`` read with py.path's spelling: ``st.size``, ``st.mtime``, ``st.mode``..."""

    def __init__(self, result: os.stat_result) -> None:
        self._result = result

    @property
    def size(self) -> int:
        return self._result.st_size

    @property
    def mtime(self) -> float:
        return self._result.st_mtime

    @property
    def mode(self) -> int:
        return self._result.st_mode

    def __getattr__(self, name: str) -> Any:
        # Everything else (atime, uid, ino, ...) maps to the st_ field of the same name.
        return getattr(self._result, "st_" + name)

    def isdir(self) -> bool:
        return stat_flags.S_ISDIR(self.mode)

    def isfile(self) -> bool:
        return stat_flags.S_ISREG(self.mode)

    def islink(self) -> bool:
        return stat_flags.S_ISLNK(self.mode)


@total_ordering
class LocalPath:
    """An absolute filesystem path with the ``py.path.local`` API (see the module docstring)."""

    sep = os.sep

    def __init__(self, path: PathArg | None = None, expanduser: bool = False) -> None:
        if path is None:
            text = os.getcwd()
        else:
            try:
                text = os.fspath(path)
            except TypeError:
                # py.path's error, which a suite checking bad input might expect.
                raise ValueError(
                    "can only pass None, Path instances or non-empty strings to LocalPath"
                ) from None
            if expanduser:
                text = os.path.expanduser(text)
        self.strpath: str = os.path.abspath(text)

    def _derive(self, strpath: str) -> Self:
        """A path of the same class from an already absolute, normalised string.

        Bypasses ``__init__``: no second ``abspath``, and subclasses with their own constructor
        signature still get their own class back from ``join`` and friends.
        """
        derived = object.__new__(type(self))
        derived.strpath = strpath
        return derived

    def _coerce(self, other: PathArg) -> LocalPath:
        return other if isinstance(other, LocalPath) else LocalPath(other)

    # -- identity -----------------------------------------------------------------------------
    def __str__(self) -> str:
        return self.strpath

    def __repr__(self) -> str:
        return f"local({self.strpath!r})"

    def __fspath__(self) -> str:
        return self.strpath

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, str | os.PathLike):
            return NotImplemented
        other_text = os.fspath(other)
        if not isinstance(other_text, str):
            return False  # a bytes path never equals a text one, as str never equals bytes
        return os.path.normcase(self.strpath) == os.path.normcase(other_text)

    def __hash__(self) -> int:
        # Consistent with __eq__ against plain strings, so a LocalPath finds str-keyed entries.
        return hash(os.path.normcase(self.strpath))

    def __lt__(self, other: PathArg) -> bool:
        if not isinstance(other, str | os.PathLike):
            return NotImplemented
        return self.strpath < os.fspath(other)

    def __truediv__(self, other: PathArg) -> Self:
        return self.join(other)

    # -- building paths -----------------------------------------------------------------------
    def join(self, *args: PathArg, abs: bool = False) -> Self:
        """``self`` joined with ``args``; leading separators do not restart the path unless ``abs``."""
        parts = [os.fspath(arg) for arg in args]
        base = self.strpath
        if abs:
            for index in range(len(parts) - 1, -1, -1):
                if os.path.isabs(parts[index]):
                    base, parts = parts[index], parts[index + 1 :]
                    break
        separators = self.sep + (os.altsep or "")
        for part in parts:
            stripped = part.strip(separators)
            if stripped:
                # rstrip: joining under the root must give "/x", not "//x" (which POSIX keeps).
                base = base.rstrip(separators) + self.sep + stripped
        return self._derive(os.path.normpath(base))

    def dirpath(self, *args: PathArg, abs: bool = False) -> Self:
        parent = self._derive(os.path.dirname(self.strpath))
        return parent.join(*args, abs=abs) if args else parent

    @property
    def dirname(self) -> str:
        return self.strpath.rpartition(self.sep)[0]

    @property
    def basename(self) -> str:
        return self.strpath.rpartition(self.sep)[2]

    @property
    def purebasename(self) -> str:
        return self._split_ext()[0]

    @property
    def ext(self) -> str:
        return self._split_ext()[1]

    def _split_ext(self) -> tuple[str, str]:
        # Unlike os.path.splitext, a leading dot is an extension: ".bashrc" -> ("", ".bashrc").
        basename = self.basename
        dot = basename.rfind(".")
        if dot == -1:
            return basename, ""
        return basename[:dot], basename[dot:]

    def new(
        self,
        *,
        dirname: str | None = None,
        basename: str | None = None,
        purebasename: str | None = None,
        ext: str | None = None,
    ) -> Self:
        """A sibling path with some parts replaced: ``local("/a/b.txt").new(ext="py") == "/a/b.py"``."""
        if basename is not None:
            if purebasename is not None or ext is not None:
                raise ValueError("new() takes basename, or purebasename and/or ext, not both")
        else:
            if ext is None:
                ext = self.ext
            elif ext and not ext.startswith("."):
                ext = "." + ext
            basename = (self.purebasename if purebasename is None else purebasename) + ext
        if dirname is None:
            dirname = self.dirname
        return self._derive(os.path.abspath(dirname + self.sep + basename))

    def parts(self, reverse: bool = False) -> list[Self]:
        """Every path from the root down to ``self`` (``self`` first if ``reverse``)."""
        chain = [self]
        while (parent := chain[-1].dirpath()) != chain[-1]:
            chain.append(parent)
        if not reverse:
            chain.reverse()
        return chain

    def common(self, other: PathArg) -> Self | None:
        """The deepest path that is an ancestor of (or equal to) both, or None (different drives)."""
        shared: Self | None = None
        for mine, theirs in zip(self.parts(), self._coerce(other).parts(), strict=False):
            if mine != theirs:
                break
            shared = mine
        return shared

    def relto(self, other: PathArg) -> str:
        """``self`` relative to ``other`` if it lies beneath it, else ``""``."""
        base = os.fspath(other)
        if base and not base.endswith(self.sep):
            base += self.sep
        if os.path.normcase(self.strpath).startswith(os.path.normcase(base)):
            return self.strpath[len(base) :]
        return ""

    def bestrelpath(self, other: PathArg) -> str:
        """How to reach ``other`` from the directory ``self``, with ``..`` where needed."""
        target = self._coerce(other)
        try:
            return os.path.relpath(target.strpath, self.strpath)
        except ValueError:
            return str(target)  # different drives (Windows): no relative path exists

    def realpath(self) -> Self:
        return self._derive(os.path.realpath(self.strpath))

    def samefile(self, other: PathArg) -> bool:
        other_text = os.path.abspath(os.fspath(other))
        return self == other_text or os.path.samefile(self.strpath, other_text)

    def fnmatch(self, pattern: str) -> bool:
        """Glob match: against the basename, or the whole path if ``pattern`` holds a separator."""
        return _glob_matcher(pattern)(self)

    # -- querying -----------------------------------------------------------------------------
    def exists(self) -> bool:
        return os.path.exists(self.strpath)

    def isdir(self) -> bool:
        return os.path.isdir(self.strpath)

    def isfile(self) -> bool:
        return os.path.isfile(self.strpath)

    def islink(self) -> bool:
        return os.path.islink(self.strpath)

    def check(self, **checks: Any) -> bool:
        """True if every check holds: ``check(file=1)``, ``check(dir=0, link=1)``, ``check(ext="py")``.

        Flag checks (exists, file, dir, link, dotfile) compare the flag's truth with the value; value
        checks (basename, basestarts, ext, endswith, relto, fnmatch) test against the value. A ``not``
        prefix inverts either kind. No checks means ``exists=1``.
        """
        if not checks:
            return self.exists()
        for name, value in checks.items():
            inverted = name not in _FLAG_CHECKS and name not in _VALUE_CHECKS and name.startswith("not")
            key = name[3:] if inverted else name
            if key in _FLAG_CHECKS:
                holds = bool(_FLAG_CHECKS[key](self)) == bool(value)
            elif key in _VALUE_CHECKS:
                holds = bool(_VALUE_CHECKS[key](self, value))
            else:
                raise TypeError(f"no {name!r} checker available for {self!r}")
            if holds == inverted:
                return False
        return True

    def stat(self) -> Stat:
        return Stat(os.stat(self.strpath))

    def lstat(self) -> Stat:
        return Stat(os.lstat(self.strpath))

    def size(self) -> int:
        return self.stat().size

    def mtime(self) -> float:
        return self.stat().mtime

    def atime(self) -> float:
        return float(self.stat().atime)

    def readlink(self) -> str:
        return os.readlink(self.strpath)

    def listdir(self, fil: PathFilter | None = None, sort: bool | None = None) -> list[Self]:
        """The directory's children, optionally filtered (glob or predicate) and sorted."""
        if isinstance(fil, str) and not _GLOB_CHARS.intersection(fil):
            child = self._derive(os.path.join(self.strpath, fil))
            return [child] if child.exists() else []
        matcher = _as_matcher(fil)
        children = [self._derive(os.path.join(self.strpath, name)) for name in os.listdir(self.strpath)]
        if matcher is not None:
            children = [child for child in children if matcher(child)]
        if sort:
            children.sort()
        return children

    def visit(
        self,
        fil: PathFilter | None = None,
        rec: PathFilter | bool | None = None,
        ignore: type[Exception] | tuple[type[Exception], ...] = (),
        bf: bool = False,
        sort: bool = False,
    ) -> Iterator[Self]:
        """Every path below ``self`` matching ``fil``, descending into directories matching ``rec``.

        ``ignore`` names exceptions from listing a directory that skip it instead of propagating
        (``ignore=OSError`` walks past unreadable directories).
        """
        yield from self._visit(_as_matcher(fil), _as_matcher(rec), ignore, bf, sort)

    def _visit(
        self,
        fil: Callable[[LocalPath], object] | None,
        rec: Callable[[LocalPath], object] | None,
        ignore: type[Exception] | tuple[type[Exception], ...],
        bf: bool,
        sort: bool,
    ) -> Iterator[Self]:
        try:
            entries = self.listdir(sort=sort)
        except ignore:
            return
        subdirs = [entry for entry in entries if entry.isdir() and (rec is None or rec(entry))]
        if not bf:
            for subdir in subdirs:
                yield from subdir._visit(fil, rec, ignore, bf, sort)
        yield from (entry for entry in entries if fil is None or fil(entry))
        if bf:
            for subdir in subdirs:
                yield from subdir._visit(fil, rec, ignore, bf, sort)

    # -- creating and removing ----------------------------------------------------------------
    def mkdir(self, *args: PathArg) -> Self:
        """Create the directory ``self.join(*args)`` (its parent must exist) and return it."""
        target = self.join(*args)
        os.mkdir(target.strpath)
        return target

    def ensure(self, *args: PathArg, dir: bool = False) -> Self:
        """Make ``self.join(*args)`` exist, with its parents: as a directory if ``dir``, else as a
        file (an existing file is left untouched)."""
        target = self.join(*args)
        if dir:
            os.makedirs(target.strpath, exist_ok=True)
            return target
        os.makedirs(target.dirpath().strpath, exist_ok=True)
        if not target.isfile():
            with open(target.strpath, "wb"):
                pass
        return target

    def ensure_dir(self, *args: PathArg) -> Self:
        return self.ensure(*args, dir=True)

    def remove(self, rec: int = 1, ignore_errors: bool = False) -> None:
        """Delete the file, link or directory (its whole tree if ``rec``; an empty one otherwise)."""
        if self.isdir() and not self.islink():
            if rec:
                shutil.rmtree(self.strpath, ignore_errors=ignore_errors)
            else:
                os.rmdir(self.strpath)
        else:
            os.remove(self.strpath)

    def copy(self, target: PathArg, mode: bool = False, stat: bool = False) -> None:
        """Copy a file (into ``target`` if it is a directory) or a tree (merged into ``target``).

        Symlinks inside a copied tree are recreated as links, not followed. ``mode`` / ``stat`` also
        copy permission bits / permissions and times.
        """
        destination = self._coerce(target)
        if self.isfile():
            if destination.isdir():
                destination = destination.join(self.basename)
            _copy_one(self, destination, mode, stat)
            return
        destination.ensure_dir()
        for source in self.visit(rec=lambda path: not path.islink()):
            copied = destination.join(source.relto(self))
            copied.dirpath().ensure_dir()
            if source.islink():
                copied.mksymlinkto(source.readlink())
            elif source.isdir():
                copied.ensure_dir()
                _copy_metadata(source, copied, mode, stat)
            else:
                _copy_one(source, copied, mode, stat)

    def rename(self, target: PathArg) -> None:
        os.rename(self.strpath, os.fspath(target))

    def move(self, target: PathArg) -> None:
        """Rename, falling back to copy-and-remove across filesystems."""
        destination = self._coerce(target)
        if destination.relto(self):
            raise OSError(errno.EINVAL, "cannot move path into a subdirectory of itself", str(destination))
        try:
            self.rename(destination)
        except OSError as exc:
            if exc.errno != errno.EXDEV:
                raise
            self.copy(destination)
            self.remove()

    def mksymlinkto(self, value: PathArg, absolute: int = 1) -> None:
        """Make ``self`` a symlink to ``value``; with ``absolute=0`` the link text is relative."""
        link_text = os.fspath(value)
        if not absolute:
            link_text = os.path.relpath(os.path.abspath(link_text), os.path.dirname(self.strpath))
        os.symlink(link_text, self.strpath)

    def mklinkto(self, oldname: PathArg) -> None:
        """Make ``self`` a hard link to ``oldname``."""
        os.link(os.fspath(oldname), self.strpath)

    def chmod(self, mode: int, rec: PathFilter | bool = False) -> None:
        """Set permission bits; with ``rec`` also on everything below (``rec`` may filter dirs)."""
        if not isinstance(mode, int):
            raise TypeError(f"mode {mode!r} must be an integer")
        if rec:
            for path in self.visit(rec=rec):
                os.chmod(path.strpath, mode)
        os.chmod(self.strpath, mode)

    def setmtime(self, mtime: float | None = None) -> None:
        """Set the modification time (now if None), keeping the access time."""
        if mtime is None:
            os.utime(self.strpath, None)
        else:
            os.utime(self.strpath, (self.atime(), mtime))

    # -- reading and writing ------------------------------------------------------------------
    def open(self, mode: str = "r", ensure: bool = False, encoding: str | None = None) -> IO[Any]:
        if ensure:
            self.dirpath().ensure_dir()
        # No encoding means the locale's, as py.path (and plain open) use.
        return open(self.strpath, mode, encoding=encoding)

    def write(self, data: object, mode: str = "w", ensure: bool = False) -> None:
        """Write ``data``: bytes only with a binary mode; in text mode bytes are decoded and other
        objects converted with ``str``."""
        if "b" in mode:
            if not isinstance(data, bytes):
                raise ValueError("can only process bytes")
        elif isinstance(data, bytes):
            data = data.decode(sys.getdefaultencoding())
        elif not isinstance(data, str):
            data = str(data)
        with self.open(mode, ensure=ensure) as stream:
            stream.write(data)

    def write_text(self, data: str, encoding: str, ensure: bool = False) -> None:
        with self.open("w", ensure=ensure, encoding=encoding) as stream:
            stream.write(data)

    def write_binary(self, data: bytes, ensure: bool = False) -> None:
        with self.open("wb", ensure=ensure) as stream:
            stream.write(data)

    @overload
    def read(self, mode: Literal["r"] = ...) -> str: ...
    @overload
    def read(self, mode: Literal["rb"]) -> bytes: ...
    @overload
    def read(self, mode: str) -> str | bytes: ...
    def read(self, mode: str = "r") -> str | bytes:
        with self.open(mode) as stream:
            content: str | bytes = stream.read()
            return content

    def read_text(self, encoding: str) -> str:
        with self.open("r", encoding=encoding) as stream:
            content: str = stream.read()
            return content

    def read_binary(self) -> bytes:
        with self.open("rb") as stream:
            content: bytes = stream.read()
            return content

    def readlines(self, cr: int = 1) -> list[str]:
        """The file's lines: with their line endings if ``cr``, else split on ``\\n`` without them."""
        if not cr:
            return self.read("r").split("\n")
        with self.open("r") as stream:
            lines: list[str] = stream.readlines()
            return lines

    # -- working directory --------------------------------------------------------------------
    def chdir(self) -> Self | None:
        """Make ``self`` the working directory; return the previous one (None if it was deleted)."""
        try:
            previous: Self | None = type(self)()
        except FileNotFoundError:
            previous = None
        os.chdir(self.strpath)
        return previous

    @contextlib.contextmanager
    def as_cwd(self) -> Iterator[Self | None]:
        """Work in ``self`` for the ``with`` block; yields the previous working directory."""
        previous = self.chdir()
        try:
            yield previous
        finally:
            if previous is not None:
                previous.chdir()

    # -- temporary directories ----------------------------------------------------------------
    @classmethod
    def get_temproot(cls) -> Self:
        return cls(tempfile.gettempdir())

    @classmethod
    def mkdtemp(cls, rootdir: PathArg | None = None) -> Self:
        """A new unique directory under ``rootdir`` (default: the system temp directory)."""
        return cls(tempfile.mkdtemp(dir=None if rootdir is None else os.fspath(rootdir)))

    @classmethod
    def make_numbered_dir(
        cls, prefix: str = "session-", rootdir: PathArg | None = None, keep: int = 3
    ) -> Self:
        """``rootdir/<prefix><N>`` with N one above the highest existing; numbered directories older
        than the ``keep`` most recent are removed (``keep=0`` keeps all). py.path's lock files and
        ``lock_timeout`` are not implemented: prefer ``tmp_path_factory`` for concurrent runs."""
        root = Path(tempfile.gettempdir() if rootdir is None else rootdir)
        created = make_numbered_dir(root, prefix)
        newest = int(created.name[len(prefix) :])
        if keep:
            for old in root.iterdir():
                number = old.name[len(prefix) :]
                if old.name.startswith(prefix) and number.isdigit() and int(number) <= newest - keep:
                    shutil.rmtree(old, ignore_errors=True)
        return cls(created)


def _copy_one(source: LocalPath, destination: LocalPath, mode: bool, stat: bool) -> None:
    shutil.copyfile(source.strpath, destination.strpath)
    _copy_metadata(source, destination, mode, stat)


def _copy_metadata(source: LocalPath, destination: LocalPath, mode: bool, stat: bool) -> None:
    if stat:
        shutil.copystat(source.strpath, destination.strpath)
    elif mode:
        shutil.copymode(source.strpath, destination.strpath)


def _glob_matcher(pattern: str) -> Callable[[LocalPath], bool]:
    """py.path's glob rule: a pattern without a separator matches the basename; one with a separator
    matches the whole path, anchored at any directory unless the pattern is absolute."""
    if os.altsep and os.altsep in pattern and os.sep not in pattern:
        pattern = pattern.replace(os.altsep, os.sep)  # "sub/*.py" written POSIX-style on Windows
    if os.sep not in pattern:
        return lambda path: fnmatch.fnmatch(path.basename, pattern)
    if not os.path.isabs(pattern):
        pattern = "*" + os.sep + pattern
    return lambda path: fnmatch.fnmatch(path.strpath, pattern)


def _as_matcher(spec: PathFilter | bool | None) -> Callable[[LocalPath], object] | None:
    """A filter argument as a predicate; None means "everything" (also for a bare truthy flag)."""
    if isinstance(spec, str):
        return _glob_matcher(spec)
    if callable(spec):
        return spec
    return None


_FLAG_CHECKS: dict[str, Callable[[LocalPath], bool]] = {
    "exists": LocalPath.exists,
    "file": LocalPath.isfile,
    "dir": LocalPath.isdir,
    "link": LocalPath.islink,
    "dotfile": lambda path: path.basename.startswith("."),
}

_VALUE_CHECKS: dict[str, Callable[[LocalPath, Any], object]] = {
    "basename": lambda path, value: path.basename == value,
    "basestarts": lambda path, value: path.basename.startswith(value),
    "ext": lambda path, value: path.ext == (value if value.startswith(".") else "." + value),
    "endswith": lambda path, value: path.strpath.endswith(value),
    "relto": lambda path, value: path.relto(value),
    "fnmatch": lambda path, value: path.fnmatch(value),
}


class TempdirFactory:
    """``tmpdir_factory``: the run's ``TempPathFactory``, handing out ``LocalPath`` objects."""

    def __init__(self, tmppath_factory: TempPathFactory) -> None:
        self._tmppath_factory = tmppath_factory

    def mktemp(self, basename: str, numbered: bool = True) -> LocalPath:
        """A new directory under the base temp: ``<basename><N>`` if numbered, else ``<basename>``."""
        return LocalPath(self._tmppath_factory.mktemp(basename, numbered))

    def getbasetemp(self) -> LocalPath:
        return LocalPath(self._tmppath_factory.getbasetemp())
