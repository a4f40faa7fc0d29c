"""Which files to collect, in pytest's order, from the command-line arguments.

Directories are walked with entries sorted by name, files and sub-directories interleaved (as pytest 8+
does); a directory matching ``norecursedirs`` or holding a virtualenv is skipped; an explicitly named
file is collected whatever its name.
"""

from __future__ import annotations

import fnmatch
import importlib.util
import os
from collections.abc import Callable, Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from pathlib import Path

from .._config.config import Config, ConfigError


@dataclass(frozen=True, slots=True)
class Target:
    """One command-line argument: a path, and optionally the ``::Class::test`` parts after it."""

    path: Path
    parts: tuple[str, ...] = ()

    @property
    def is_dir(self) -> bool:
        return self.path.is_dir()


def parse_targets(config: Config) -> list[Target]:
    targets: list[Target] = []
    for arg in config.args:
        raw, _, rest = arg.partition("::")
        if config.pyargs and raw:
            raw = module_path(raw)
        path = (config.invocation_dir / raw).resolve() if raw else config.invocation_dir
        parts = tuple(rest.split("::")) if rest else ()
        if not path.exists():
            if config.args_from_testpaths:
                continue
            if config.pyargs:
                raise ConfigError(f"module or package not found: {arg} (missing __init__.py?)")
            raise ConfigError(f"file or directory not found: {arg}")
        if parts and "::" in arg and path.is_dir():
            raise ConfigError(f"not found: {arg}")
        targets.append(Target(path, parts))
    return targets


def module_path(name: str) -> str:
    """``--pyargs``: a dotted module or package name as the file or directory it is imported from, as
    pytest finds it (importing its parent packages). A name importlib cannot find (a path, say) and a
    namespace package stay as they are, to be taken as paths."""
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError, AttributeError):
        return name
    if spec is None or spec.origin in (None, "namespace"):
        return name
    origin = str(spec.origin)
    return os.path.dirname(origin) if spec.submodule_search_locations else origin


def matches_any(name: str, patterns: tuple[str, ...]) -> bool:
    return any(fnmatch.fnmatch(name, pattern) for pattern in patterns)


def matches_path(path: Path, patterns: tuple[str, ...]) -> bool:
    """pytest's path patterns: a pattern with a "/" matches the end of the full path
    (``checks/skip_me`` matches ``/r/checks/skip_me``), one without matches the basename."""
    for pattern in patterns:
        if os.sep in pattern or "/" in pattern:
            full = pattern if os.path.isabs(pattern) else f"*{os.sep}{pattern}"
            if fnmatch.fnmatch(str(path), full):
                return True
        elif fnmatch.fnmatch(path.name, pattern):
            return True
    return False


def _is_venv(path: Path) -> bool:
    return (path / "pyvenv.cfg").is_file() or (path / "conda-meta" / "history").is_file()


def is_ignored(path: Path, config: Config) -> bool:
    for ignored in config.ignore:
        ignored_path = (config.invocation_dir / ignored).resolve()
        if path == ignored_path or ignored_path in path.parents:
            return True
    return any(
        fnmatch.fnmatch(str(path), str(config.invocation_dir / pattern))
        or fnmatch.fnmatch(str(path), pattern)
        for pattern in config.ignore_glob
    )


def is_test_file(path: Path, config: Config) -> bool:
    return path.suffix == ".py" and matches_path(path, config.python_files)


def is_collected_file(path: Path, config: Config) -> bool:
    """A test file, or a file whose doctests are collected."""
    return (
        is_test_file(path, config)
        or wants_doctest_module(path, config)
        or wants_doctest_textfile(path, config)
    )


# pytest's doctest plugin: text files it collects without --doctest-glob, and the suffixes of those
# it collects whatever their name when they are named on the command line.
DEFAULT_DOCTEST_GLOBS = ("test*.txt",)
DOCTEST_TEXT_SUFFIXES = (".txt", ".rst")


def wants_doctest_module(path: Path, config: Config) -> bool:
    """Whether ``--doctest-modules`` collects this file's docstrings: any ``.py`` file but
    ``__main__.py`` and a ``setup.py`` that names setuptools or distutils."""
    if not (config.doctest_modules and config.doctest_plugin) or path.suffix != ".py":
        return False
    return path.name != "__main__.py" and not _is_setup_py(path)


def wants_doctest_textfile(path: Path, config: Config, named: bool = False) -> bool:
    """Whether a text file is one doctest: named on the command line, or matching the globs."""
    if not config.doctest_plugin or path.suffix == ".py":
        return False
    if named and path.suffix in DOCTEST_TEXT_SUFFIXES:
        return True
    return matches_path(path, config.doctest_globs or DEFAULT_DOCTEST_GLOBS)


def _is_setup_py(path: Path) -> bool:
    if path.name != "setup.py":
        return False
    contents = path.read_bytes()
    return b"setuptools" in contents or b"distutils" in contents


def walk(
    directory: Path,
    config: Config,
    skip: Callable[[Path], bool] = lambda _path: False,
    prefer: AbstractSet[Path] = frozenset(),
) -> Iterator[Path]:
    """Yield directories (before their contents) and candidate test files below ``directory``.

    ``skip`` is asked about each entry when it is reached, after the conftests of the directories
    above it were loaded, so their ``collect_ignore`` lists and ``pytest_ignore_collect`` hooks apply.
    In each directory, the entries in ``prefer`` come first (``--lf``'s files), the rest by name.
    """
    try:
        # A package's __init__.py first, as pytest collects a package.
        entries = sorted(os.scandir(directory), key=lambda entry: (entry.name != "__init__.py", entry.name))
    except OSError:
        return
    if prefer:
        entries.sort(key=lambda entry: Path(entry.path) not in prefer)
    for entry in entries:
        path = Path(entry.path)
        if entry.is_dir(follow_symlinks=True):
            if entry.name == "__pycache__" or matches_path(path, config.norecursedirs):
                continue
            if _is_venv(path) or is_ignored(path, config) or skip(path):
                continue
            yield path
            yield from walk(path, config, skip, prefer)
        elif (
            entry.is_file()
            and is_collected_file(path, config)
            and not is_ignored(path, config)
            and not skip(path)
        ):
            yield path
