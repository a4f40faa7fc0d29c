"""Finding the rootdir and the configuration file, and reading its raw values, as pytest 9 does.

This module owns three things and nothing more:

* which file configures a run (``pytest.toml``, ``pytest.ini``, ``pyproject.toml``, ``tox.ini``,
  ``setup.cfg``, or the one forced with ``-c``), searched the way pytest searches;
* the rootdir that follows from it (or from ``--rootdir``, ``setup.py``, the arguments);
* the raw values of the pytest section, with ``[tool.asynctestrun]`` layered over them.

Values stay untyped here: a string or a list of strings per key. Turning them into settings,
with defaults and validation, is the job of the ``Config`` loader; the ``get_*`` helpers at the
bottom give it pytest's splitting rules for the common ini types.
"""

from __future__ import annotations

import os
import shlex
import tomllib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from types import MappingProxyType
from typing import Final

IniValue = str | list[str]


@dataclass(frozen=True, slots=True)
class IniConfig:
    """Where the run is rooted and what its configuration file says."""

    rootdir: Path
    inipath: Path | None
    values: Mapping[str, IniValue]
    # Where ``values`` came from, for messages: "tool.pytest.ini_options", "tool.pytest",
    # "pytest", "tool:pytest", "tool.asynctestrun", or "" when the file has no such section.
    section: str
    # The keys pytest itself reads (``[tool.asynctestrun]`` is ours alone); None: every key of ``values``.
    pytest_keys: frozenset[str] | None = None
    # Files beside ``inipath`` that configure pytest too but lost to it (a pytest.ini next to a
    # pyproject.toml with a pytest table): pytest reads only the first, and its header warns.
    ignored: tuple[str, ...] = ()


class ConfigFileError(Exception):
    """A configuration file (or ``-c`` / ``--rootdir``) that cannot be used, and why."""


@dataclass(frozen=True, slots=True)
class _Section:
    """What a loader found in a file that configures the run."""

    values: Mapping[str, IniValue]
    section: str
    pytest_keys: frozenset[str] | None = None  # as IniConfig.pytest_keys


_NO_SECTION: Final = _Section({}, "")
# The section of a file that configures asynctestrun alone: no pytest configuration.
OWN_SECTION: Final = "tool.asynctestrun"


# ---------------------------------------------------------------- locating


def locate(
    args: Sequence[str],
    invocation_dir: Path,
    *,
    inifile: str | None = None,
    rootdir: str | None = None,
) -> IniConfig:
    """Find the configuration file and rootdir for a run started in *invocation_dir*.

    *args* are the positional command-line arguments; relative paths, ``-c`` (*inifile*) and
    ``--rootdir`` are taken relative to *invocation_dir*. A worked example, run from ``/p/sub``
    with ``pytest a/test_x.py::test_one``::

        /p/setup.py           (no config file)
        /p/tox.ini            [pytest] ...
        /p/sub/pyproject.toml [project] only
        /p/sub/a/test_x.py

    1. ``a/test_x.py::test_one`` → the file's directory ``/p/sub/a``; arguments that do not exist
       (or start with ``-``) are dropped. The common ancestor of what is left is ``/p/sub/a``.
    2. From there upward, each directory is checked for the files of ``_LOADERS`` in their
       order; the first that holds configuration wins. ``/p/sub/pyproject.toml`` has no pytest
       table, so the walk goes on and ``/p/tox.ini`` wins: rootdir ``/p``.
    3. Had no file held configuration, the nearest ``pyproject.toml`` seen on the way
       (``/p/sub``) would be the config file, with no values; without one, the nearest
       ``setup.py`` directory upward (``/p``) would be the rootdir; then the walk would be
       repeated from each argument's own directory; and last, the common ancestor of the
       invocation directory and the arguments would be the rootdir.

    ``-c`` skips the search (rootdir: the file's directory); ``--rootdir`` overrides only the
    rootdir, never which file is read.

    Raises ConfigFileError for a malformed or unreadable file, a missing ``-c`` file, or a
    ``--rootdir`` that is not a directory.
    """
    invocation_dir = Path(os.path.abspath(invocation_dir))
    dirs = _arg_dirs(args, invocation_dir)
    ancestor = _common_ancestor(dirs) or invocation_dir

    if inifile:
        found = _load_forced(_absolute(inifile, invocation_dir), ancestor, invocation_dir)
    else:
        found = _discover(dirs, ancestor, invocation_dir, rootdir_forced=bool(rootdir))

    if rootdir:
        forced = _absolute(os.path.expandvars(rootdir), invocation_dir)
        if not forced.is_dir():
            raise ConfigFileError(f"Directory '{forced}' not found. Check your '--rootdir' option.")
        found = replace(found, rootdir=forced)
    return found


def _discover(dirs: list[Path], ancestor: Path, invocation_dir: Path, *, rootdir_forced: bool) -> IniConfig:
    found = _search([ancestor])
    if found is not None:
        return found
    # With --rootdir, pytest stops after the first walk: the fallbacks below only choose a
    # rootdir, and the second walk is never reached. locate() puts the forced rootdir in.
    if rootdir_forced:
        return IniConfig(invocation_dir, None, MappingProxyType({}), "")
    for candidate in (ancestor, *ancestor.parents):
        if (candidate / "setup.py").is_file():
            return IniConfig(candidate, None, MappingProxyType({}), "")
    # Arguments in sibling trees have an ancestor above their config files: walking up from
    # each argument finds a file sitting between it and the ancestor.
    if dirs and dirs != [ancestor]:
        found = _search(dirs)
        if found is not None:
            return found
    root = _common_ancestor([invocation_dir, ancestor]) or ancestor
    if _is_fs_root(root):
        root = ancestor
    return IniConfig(root, None, MappingProxyType({}), "")


def _search(starts: Sequence[Path]) -> IniConfig | None:
    """Walk up from each start; the first directory with a file holding configuration wins."""
    nearest_pyproject: Path | None = None
    for start in starts:
        for base in (start, *start.parents):
            for name, loader in _LOADERS.items():
                candidate = base / name
                if not candidate.is_file():
                    continue
                if name == "pyproject.toml" and nearest_pyproject is None:
                    nearest_pyproject = candidate
                section = loader(candidate)
                if section is not None:
                    values = MappingProxyType(section.values)
                    ignored = _ignored_beside(base, name)
                    return IniConfig(base, candidate, values, section.section, section.pytest_keys, ignored)
    # A pyproject.toml marks a project root even without a pytest table (pytest 8+).
    if nearest_pyproject is not None:
        return IniConfig(nearest_pyproject.parent, nearest_pyproject, MappingProxyType({}), "")
    return None


def _ignored_beside(base: Path, winner: str) -> tuple[str, ...]:
    """The files after ``winner`` in ``_LOADERS`` order, in its directory, with a pytest section of their
    own (``[tool.asynctestrun]`` alone is no pytest configuration), as pytest's ``locate_config``."""
    names = list(_LOADERS)
    ignored: list[str] = []
    for name in names[names.index(winner) + 1 :]:
        path = base / name
        if not path.is_file():
            continue
        section = _LOADERS[name](path)
        if section is not None and section.section != OWN_SECTION:
            ignored.append(name)
    return tuple(ignored)


def _load_forced(path: Path, ancestor: Path, invocation_dir: Path) -> IniConfig:
    """Read the file given with ``-c``: it is the config file whether or not it has a section."""
    if not path.exists():
        raise ConfigFileError(f"Config file '{path}' not found. Check your '-c/--config-file' option.")
    if path.is_dir():
        raise ConfigFileError(f"Config file '{path}' is a directory. Check your '-c/--config-file' option.")
    loader = _LOADERS.get(path.name) or _LOADERS_BY_SUFFIX.get(path.suffix)
    if loader is None and path.is_file():
        supported = ", ".join(sorted(_LOADERS_BY_SUFFIX))
        raise ConfigFileError(
            f"Config file '{path}' has an unsupported format. Supported extensions are: {supported}."
        )
    section = (loader(path) if loader is not None else None) or _NO_SECTION
    if path.is_file():
        root = path.parent
    else:
        # Not a regular file (``-c /dev/null`` asks for no configuration): its directory says
        # nothing about the project, so root where the arguments are.
        root = ancestor
        if _is_fs_root(root):
            root = invocation_dir
    return IniConfig(root, path, MappingProxyType(section.values), section.section, section.pytest_keys)


def _arg_dirs(args: Sequence[str], invocation_dir: Path) -> list[Path]:
    """Directories of the arguments that name existing paths (``path::node`` ids included)."""
    dirs = []
    for arg in args:
        if arg.startswith("-"):
            continue
        path = _absolute(arg.partition("::")[0], invocation_dir)
        try:
            exists = path.exists()
        except (OSError, ValueError):  # names too long, NUL bytes: not a path, like pytest
            exists = False
        if exists:
            dirs.append(path if path.is_dir() else path.parent)
    return dirs


def _common_ancestor(paths: Sequence[Path]) -> Path | None:
    if not paths:
        return None
    common = paths[0]
    for path in paths[1:]:
        try:
            common = Path(os.path.commonpath([common, path]))
        except ValueError:  # different drives share no ancestor; keep the first, as pytest does
            continue
    return common


def _absolute(path: str, base: Path) -> Path:
    # normpath, not resolve(): pytest keeps symlinked paths as the user spelled them.
    return Path(os.path.normpath(base / path))


def _is_fs_root(path: Path) -> bool:
    return path.parent == path


# ---------------------------------------------------------------- loaders
#
# A loader returns the section that configures the run, or None when the file exists but
# does not configure it (so the search goes on). Any malformed file raises, even one the
# search would pass over: pytest parses every candidate it meets.


def _load_pytest_toml(path: Path) -> _Section:
    # pytest.toml / .pytest.toml configure the run even when empty.
    return _pytest_table(path, _read_toml(path)) or _NO_SECTION


def _load_pytest_ini(path: Path) -> _Section:
    # pytest.ini / .pytest.ini configure the run even without a [pytest] section.
    sections = _read_ini(path)
    return _Section(sections["pytest"], "pytest") if "pytest" in sections else _NO_SECTION


def _load_pyproject(path: Path) -> _Section | None:
    document = _read_toml(path)
    return _with_own_table(path, document, _tool_pytest_tables(path, document))


def _load_tox_style(path: Path) -> _Section | None:
    sections = _read_ini(path)
    return _Section(sections["pytest"], "pytest") if "pytest" in sections else None


def _load_setup_cfg(path: Path) -> _Section | None:
    sections = _read_ini(path)
    if "tool:pytest" in sections:
        return _Section(sections["tool:pytest"], "tool:pytest")
    if "pytest" in sections:
        # pytest refuses the old spelling rather than silently ignoring the user's settings.
        raise ConfigFileError(
            f"{path}: [pytest] section in setup.cfg files is no longer supported, "
            "change to [tool:pytest] instead."
        )
    return None


def _load_other_toml(path: Path) -> _Section | None:
    """A TOML file of any other name, given with ``-c``: ``[pytest]`` or the pyproject tables."""
    document = _read_toml(path)
    section = _tool_pytest_tables(path, document)
    if section is None:
        section = _pytest_table(path, document)
    elif "pytest" in document:
        raise ConfigFileError(
            f"{path}: cannot use both [pytest] and [tool.pytest]/[tool.pytest.ini_options] "
            "in the same file; use [pytest] (the [tool.pytest] tables are meant for pyproject.toml)."
        )
    return _with_own_table(path, document, section)


# Per directory, pytest tries these names in this order; the first that configures the run wins.
_LOADERS: Final[Mapping[str, Callable[[Path], _Section | None]]] = MappingProxyType(
    {
        "pytest.toml": _load_pytest_toml,
        ".pytest.toml": _load_pytest_toml,
        "pytest.ini": _load_pytest_ini,
        ".pytest.ini": _load_pytest_ini,
        "pyproject.toml": _load_pyproject,
        "tox.ini": _load_tox_style,
        "setup.cfg": _load_setup_cfg,
    }
)
# Only for ``-c`` files whose name is not one of the above; a known name keeps its meaning.
_LOADERS_BY_SUFFIX: Final[Mapping[str, Callable[[Path], _Section | None]]] = MappingProxyType(
    {".ini": _load_tox_style, ".cfg": _load_setup_cfg, ".toml": _load_other_toml}
)


# ---------------------------------------------------------------- TOML


def _read_toml(path: Path) -> dict[str, object]:
    try:
        return tomllib.loads(_read_text(path))
    except tomllib.TOMLDecodeError as exc:  # its message ends with "(at line L, column C)"
        raise ConfigFileError(f"{path}: {exc}") from exc


def _pytest_table(path: Path, document: Mapping[str, object]) -> _Section | None:
    """The ``[pytest]`` table of ``pytest.toml`` and ``-c`` TOML files, in native TOML types."""
    if "pytest" in document:
        return _Section(_normalise(_table(path, document["pytest"], "pytest")), "pytest")
    # Keys above every table are the usual way of forgetting the [pytest] header.
    stray = [key for key, value in document.items() if not isinstance(value, dict)]
    if stray:
        raise ConfigFileError(
            f"{path}: pytest configuration must be under a [pytest] table "
            f"(found top-level options: {', '.join(stray)})"
        )
    return None


def _tool_pytest_tables(path: Path, document: Mapping[str, object]) -> _Section | None:
    """``[tool.pytest]`` (native TOML types, pytest 9) or ``[tool.pytest.ini_options]``."""
    tool = _table(path, document.get("tool", {}), "tool")
    pytest_table = _table(path, tool.get("pytest", {}), "tool.pytest")
    native = {key: value for key, value in pytest_table.items() if key != "ini_options"}
    ini_options = pytest_table.get("ini_options")
    # An empty [tool.pytest.ini_options] next to [tool.pytest] keys is tolerated, as in pytest.
    if native and ini_options:
        raise ConfigFileError(
            f"{path}: cannot use both [tool.pytest] (native TOML types) and "
            "[tool.pytest.ini_options] (string-based INI format); use one of them."
        )
    if native:
        return _Section(_normalise(native), "tool.pytest")
    if ini_options is not None:
        return _Section(
            _normalise(_table(path, ini_options, "tool.pytest.ini_options")), "tool.pytest.ini_options"
        )
    # A bare [tool.pytest] header configures nothing, so pytest keeps searching past it.
    return None


def _with_own_table(path: Path, document: Mapping[str, object], section: _Section | None) -> _Section | None:
    """Layer ``[tool.asynctestrun]`` over the pytest section; its presence alone configures a run."""
    tool = _table(path, document.get("tool", {}), "tool")
    if "asynctestrun" not in tool:
        return section
    own = _normalise(_table(path, tool["asynctestrun"], "tool.asynctestrun"))
    if section is None:
        return _Section(own, OWN_SECTION, frozenset())
    return _Section({**section.values, **own}, section.section, frozenset(section.values))


def _table(path: Path, value: object, name: str) -> dict[str, object]:
    if not isinstance(value, dict):
        raise ConfigFileError(f"{path}: [{name}] must be a table, not {type(value).__name__}")
    return value


def _normalise(table: Mapping[str, object]) -> dict[str, IniValue]:
    # Values leave this module as ini-style text: lists stay lists, scalars become strings.
    # Type checks belong to the Config loader, which knows each setting's type.
    return {
        key: [_as_text(item) for item in value] if isinstance(value, list) else _as_text(value)
        for key, value in table.items()
    }


def _as_text(value: object) -> str:
    if isinstance(value, bool):  # TOML spelling, not Python's "True"
        return "true" if value else "false"
    return str(value)


# ---------------------------------------------------------------- INI


def _read_ini(path: Path) -> dict[str, dict[str, str]]:
    """Parse an ini file the way pytest's ``iniconfig`` does (configparser does not).

    configparser lower-cases keys, interpolates ``%(x)s``, ends a multi-line value at a blank
    line and allows keys before any section; pytest does none of that. What it does:
    ``#``/``;`` comment lines; ``key = value`` or ``key: value`` (an ``=`` before any ``:``
    wins); indented lines continue the previous value, joined with newlines, with blank and
    comment lines between them skipped; inline comments are kept in values; a duplicate
    section or key is an error.
    """
    sections: dict[str, dict[str, list[str]]] = {}
    current: dict[str, list[str]] | None = None
    last_key: str | None = None

    def fail(lineno: int, message: str) -> ConfigFileError:
        return ConfigFileError(f"{path}:{lineno}: {message}")

    for lineno, raw in enumerate(_read_text(path).removeprefix("\N{BYTE ORDER MARK}").splitlines(), 1):
        line = raw.rstrip()
        if not line or line.lstrip()[0] in "#;":
            continue
        if line[0] == "[":
            header = line.split("#")[0].split(";")[0].rstrip()
            if header.endswith("]"):
                name = header[1:-1]
                if not name:
                    raise fail(lineno, "empty section name")
                if name in sections:
                    raise fail(lineno, f"duplicate section {name!r}")
                current = sections[name] = {}
                last_key = None
                continue
            # iniconfig reads a bracketed line that is not a header as a continuation line.
            continuation = line.strip()
        elif not line[0].isspace():
            key, sep, value = line.partition("=")
            if not sep or ":" in key:
                key, sep, value = line.partition(":")
                if not sep:
                    raise fail(lineno, f"unexpected line: {line!r}")
            key = key.strip()
            if current is None:
                raise fail(lineno, "no section header defined")
            if key in current:
                raise fail(lineno, f"duplicate name {key!r}")
            value = value.strip()
            current[key] = [value] if value else []
            last_key = key
            continue
        else:
            continuation = line.strip()
        if current is None or last_key is None:
            raise fail(lineno, "unexpected value continuation")
        current[last_key].append(continuation)

    return {name: {key: "\n".join(parts) for key, parts in items.items()} for name, items in sections.items()}


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ConfigFileError(f"{path}: not valid UTF-8 (byte {exc.start}: {exc.reason})") from exc
    except OSError as exc:
        raise ConfigFileError(f"{path}: cannot read: {exc.strerror or exc}") from exc


# ---------------------------------------------------------------- reading values


def get_list(values: Mapping[str, IniValue], key: str) -> list[str]:
    """A whitespace-separated list: a string is split on any whitespace, a list is kept."""
    value = values.get(key)
    if value is None:
        return []
    return value.split() if isinstance(value, str) else list(value)


def get_args(values: Mapping[str, IniValue], key: str) -> list[str]:
    """pytest's "args" type (addopts, testpaths, python_files...): a string is split like a shell."""
    value = values.get(key)
    if value is None:
        return []
    if not isinstance(value, str):
        return list(value)
    try:
        return shlex.split(value)
    except ValueError as exc:  # "No closing quotation"
        raise ValueError(f"config option {key!r}: {exc} in {value!r}") from exc


def get_lines(values: Mapping[str, IniValue], key: str) -> list[str]:
    """pytest's "linelist" type (markers, filterwarnings): one entry per non-blank line."""
    value = values.get(key)
    if value is None:
        return []
    if not isinstance(value, str):
        return list(value)
    return [stripped for line in value.split("\n") if (stripped := line.strip())]


_TRUE: Final = frozenset({"y", "yes", "t", "true", "on", "1"})
_FALSE: Final = frozenset({"n", "no", "f", "false", "off", "0"})


def get_bool(values: Mapping[str, IniValue], key: str, default: bool) -> bool:
    """pytest's "bool" type: yes/no, true/false, on/off, 1/0 (and y/n, t/f), any case.

    Raises ValueError naming the key for anything else.
    """
    value = values.get(key)
    if value is None:
        return default
    word = value.strip().lower() if isinstance(value, str) else None
    if word in _TRUE:
        return True
    if word in _FALSE:
        return False
    raise ValueError(
        f"config option {key!r} expects a boolean (true/false, yes/no, on/off, 1/0), got {value!r}"
    )
