"""The project's own modules as a static import graph, read from their ASTs without importing them.

What it owns: which ``.py`` files under the rootdir exist, the module names each can be imported
under, what each one imports, and the reverse question watch mode asks: *who depends on this file*.

Names. A file can be imported under one name per *import root* above it: the rootdir, ``rootdir/src``,
any extra root (``pythonpath`` entries, ``sys.path`` entries inside the rootdir) and every "basedir"
(first directory upward without ``__init__.py``, which ``--import-mode=prepend`` puts on ``sys.path``).
Only roots, not every directory, so that ``pkg/logging.py`` is not mistaken for the stdlib's
``logging``. Worked example, with ``tests/`` (no ``__init__.py``) and ``src/app/__init__.py``::

    src/app/__init__.py    roots src, rootdir   names  app, src.app
    src/app/db.py                                     app.db, src.app.db
    tests/test_db.py       roots tests, rootdir        test_db, tests.test_db
      ``from app import db``   wants app, app.db       → src/app/__init__.py, src/app/db.py
      ``from . import util``   (relative) wants the *stem* tests/util → tests/util.py if it exists

Imports are kept as what they *want* (dotted names, and path stems for relative imports and the
file's own package ``__init__`` chain), and resolved when asked. So a file added later satisfies the
imports that were waiting for it, and a deleted file's former importers are still found.

Dynamic imports (``importlib.import_module(name)``, ``__import__(name)``, ``runpy``,
``spec_from_file_location``, a computed ``pytest_plugins``) cannot be followed; such a module is
flagged, and ``dependents`` treats it as importing *every* project file (a safe superset). Calls with
a constant string are ordinary edges.
"""

from __future__ import annotations

import ast
import keyword
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Final, TypeVar

#: Directory names never scanned or watched (dot-directories and virtualenvs are skipped as well).
IGNORED_DIRS: Final = frozenset({"__pycache__", "node_modules", "site-packages", ".asynctestrun_cache"})
#: Skipped only directly under the rootdir, where they hold build output (copies of the sources).
ROOT_IGNORED_DIRS: Final = frozenset({"build", "dist"})
#: Calls that load code in ways the AST cannot follow.
_DYNAMIC_LOADERS: Final = frozenset(
    {
        "spec_from_file_location",
        "run_path",
        "run_module",
        "walk_packages",
        "load_source",
        "SourceFileLoader",
        "load_module",
    }
)
_NAME_IMPORTERS: Final = frozenset({"import_module", "__import__", "importorskip"})
_K = TypeVar("_K", str, Path)
_CALL_MARKERS: Final = tuple(name.encode() for name in _NAME_IMPORTERS | _DYNAMIC_LOADERS)


def is_ignored_dir(directory: Path, rootdir: Path) -> bool:
    """Whether ``directory`` (under ``rootdir``) is a cache, VCS, build or virtualenv directory."""
    name = directory.name
    if name in IGNORED_DIRS or name.endswith(".egg-info") or (name.startswith(".") and name.strip(".")):
        return True
    if name in ROOT_IGNORED_DIRS and directory.parent == rootdir:
        return True
    return (directory / "pyvenv.cfg").is_file() or (directory / "conda-meta").is_dir()


def is_ignored_path(path: Path, rootdir: Path) -> bool:
    """Whether any directory between ``rootdir`` and ``path`` is ignored (path itself excluded)."""
    try:
        parts = path.relative_to(rootdir).parts[:-1]
    except ValueError:
        return True
    directory = rootdir
    for part in parts:
        directory = directory / part
        if is_ignored_dir(directory, rootdir):
            return True
    return False


def iter_python_files(rootdir: Path, start: Path | None = None) -> Iterator[Path]:
    """Every ``.py`` file below ``start`` (default: the rootdir), skipping ignored directories."""
    for current, dirnames, filenames in os.walk(start or rootdir):
        here = Path(current)
        dirnames[:] = sorted(d for d in dirnames if not is_ignored_dir(here / d, rootdir))
        for filename in sorted(filenames):
            if filename.endswith(".py"):
                yield here / filename


@dataclass(frozen=True, slots=True)
class ModuleInfo:
    """What one file imports, as read from its AST."""

    path: Path
    names: frozenset[str]  # absolute dotted names, parent packages included
    stems: frozenset[Path]  # relative imports and the own package chain: paths without ``.py``
    dynamic: tuple[str, ...] = ()  # "line 12: import_module(...)" for each import the AST cannot follow
    error: str | None = None  # a syntax error; the imports are the last ones that parsed


def _dotted_prefixes(name: str) -> Iterator[str]:
    parts = name.split(".")
    for end in range(1, len(parts) + 1):
        yield ".".join(parts[:end])


def _constant_strings(node: ast.expr) -> list[str] | None:
    """``"a"`` or ``["a", "b"]`` as a list; None when anything is computed."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.List | ast.Tuple):
        values = [_constant_strings(element) for element in node.elts]
        if all(value is not None and len(value) == 1 for value in values):
            return [value[0] for value in values if value is not None]
    return None


_NESTED_BODIES: Final = ("body", "orelse", "finalbody", "handlers", "cases")


class _Scanner:
    """Collects imports statement by statement (imports are statements, so expressions are skipped
    unless the source mentions a dynamic loader): visiting every node would be ten times slower."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.names: set[str] = set()
        self.stems: set[Path] = set()
        self.dynamic: list[str] = []

    def want(self, name: str) -> None:
        if name and not name.startswith("."):
            self.names.update(_dotted_prefixes(name))

    def statements(self, body: list[ast.stmt]) -> None:
        for node in body:
            if isinstance(node, ast.Import):
                for alias in node.names:
                    self.want(alias.name)
            elif isinstance(node, ast.ImportFrom):
                self.import_from(node)
            elif isinstance(node, ast.Assign):
                self.assign(node)
            for field in _NESTED_BODIES:
                for child in getattr(node, field, ()):
                    # except handlers and match cases are not statements but carry a body
                    self.statements([child] if isinstance(child, ast.stmt) else child.body)

    def import_from(self, node: ast.ImportFrom) -> None:
        submodules = [alias.name for alias in node.names if alias.name != "*"]
        if node.level == 0:
            module = node.module or ""
            self.want(module)
            for name in submodules:
                self.want(f"{module}.{name}")
            return
        base = self.path.parent
        for _ in range(node.level - 1):
            base = base.parent
        self.stems.add(base)
        target = base
        for part in node.module.split(".") if node.module else ():
            target = target / part
            self.stems.add(target)
        self.stems.update(target / name for name in submodules)

    def call(self, node: ast.Call) -> None:
        func = node.func
        called = ""
        if isinstance(func, ast.Name):
            called = func.id
        elif isinstance(func, ast.Attribute):
            called = func.attr
        if called in _NAME_IMPORTERS:
            constant = _constant_strings(node.args[0]) if node.args else None
            if constant is not None and not constant[0].startswith("."):
                self.want(constant[0])
            else:
                self.dynamic.append(f"line {node.lineno}: {called}(...)")
        elif called in _DYNAMIC_LOADERS:
            self.dynamic.append(f"line {node.lineno}: {called}(...)")

    def assign(self, node: ast.Assign) -> None:
        if any(isinstance(target, ast.Name) and target.id == "pytest_plugins" for target in node.targets):
            plugins = _constant_strings(node.value)
            if plugins is None:
                self.dynamic.append(f"line {node.lineno}: pytest_plugins = <computed>")
            for plugin in plugins or ():
                self.want(plugin)


def scan(path: Path, source: bytes, rootdir: Path) -> ModuleInfo:
    """Read what ``path`` imports. Raises SyntaxError/ValueError when the source does not parse."""
    tree = ast.parse(source, filename=str(path))
    scanner = _Scanner(path)
    scanner.statements(tree.body)
    if any(marker in source for marker in _CALL_MARKERS):
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                scanner.call(node)
    # Importing a module runs every package __init__ above it first; stems that are not packages
    # simply resolve to nothing.
    directory = path.parent
    while directory == rootdir or rootdir in directory.parents:
        scanner.stems.add(directory)
        directory = directory.parent
    scanner.stems.discard(_stem(path))
    return ModuleInfo(path, frozenset(scanner.names), frozenset(scanner.stems), tuple(scanner.dynamic))


def _stem(path: Path) -> Path:
    """``pkg/__init__.py`` → ``pkg``; ``pkg/mod.py`` → ``pkg/mod``: what relative imports point at."""
    return path.parent if path.name == "__init__.py" else path.with_suffix("")


def _index_add(index: dict[_K, set[Path]], key: _K, path: Path) -> None:
    index.setdefault(key, set()).add(path)


def _index_discard(index: dict[_K, set[Path]], key: _K, path: Path) -> None:
    found = index.get(key)
    if found is not None:
        found.discard(path)
        if not found:
            del index[key]


class ImportGraph:
    """The import graph of the ``.py`` files under ``rootdir``, kept current one file at a time."""

    def __init__(self, rootdir: Path, extra_roots: Iterable[Path] = ()) -> None:
        self.rootdir = rootdir
        self._extra_roots = frozenset(extra_roots)
        self._modules: dict[Path, ModuleInfo] = {}
        self._by_stem: dict[Path, set[Path]] = {}
        self._wanted_names: dict[str, set[Path]] = {}
        self._wanted_stems: dict[Path, set[Path]] = {}
        self._roots: frozenset[Path] = frozenset()
        self._names_of: dict[Path, tuple[str, ...]] = {}
        self._by_name: dict[str, set[Path]] = {}

    @classmethod
    def build(cls, rootdir: Path, extra_roots: Iterable[Path] = ()) -> ImportGraph:
        graph = cls(rootdir, extra_roots)
        for path in iter_python_files(rootdir):
            graph._read(path)
        graph._reindex_names()
        return graph

    # -- queries -------------------------------------------------------------------------------
    @property
    def paths(self) -> frozenset[Path]:
        return frozenset(self._modules)

    def __contains__(self, path: object) -> bool:
        return path in self._modules

    def info(self, path: Path) -> ModuleInfo | None:
        return self._modules.get(path)

    def module_names(self, path: Path) -> tuple[str, ...]:
        """The dotted names ``path`` can be imported under (also for a file no longer in the graph)."""
        cached = self._names_of.get(path)
        return cached if cached is not None else self._compute_names(path)

    def files_for(self, name: str) -> set[Path]:
        """The project files importable as ``name`` (more than one when import roots overlap)."""
        return set(self._by_name.get(name, ()))

    def dynamic_modules(self) -> dict[Path, tuple[str, ...]]:
        """Modules whose imports cannot all be followed, with where."""
        return {path: info.dynamic for path, info in self._modules.items() if info.dynamic}

    def imports(self, path: Path) -> set[Path]:
        """The project files ``path`` imports directly."""
        info = self._modules.get(path)
        if info is None:
            return set()
        found: set[Path] = set()
        for name in info.names:
            found |= self._by_name.get(name, set())
        for stem in info.stems:
            found |= self._by_stem.get(stem, set())
        found.discard(path)
        return found

    def importers(self, path: Path) -> set[Path]:
        """The project files that import ``path`` directly."""
        found: set[Path] = set(self._wanted_stems.get(_stem(path), ()))
        for name in self.module_names(path):
            found |= self._wanted_names.get(name, set())
        found.discard(path)
        return found

    def dependents(self, path: Path, *, assume_dynamic: bool = True) -> set[Path]:
        """Every project file that imports ``path``, directly or transitively (``path`` excluded).

        With ``assume_dynamic``, modules with dynamic imports count as importing everything, so they
        and their own dependents are always included: the safe superset.
        """
        seen: set[Path] = set()
        queue = [path]
        if assume_dynamic:
            queue.extend(dynamic for dynamic in self.dynamic_modules() if dynamic != path)
            seen.update(queue[1:])
        while queue:
            for importer in self.importers(queue.pop()):
                if importer not in seen and importer != path:
                    seen.add(importer)
                    queue.append(importer)
        return seen

    def external_imports(self) -> set[str]:
        """Imported dotted names no project file provides: stdlib and third-party modules (or missing).

        ``from a.b import C`` wants ``a``, ``a.b`` and ``a.b.C``; names under a project package are left
        out even when they are attributes rather than modules.
        """
        return {
            name
            for name in self._wanted_names
            if not any(prefix in self._by_name for prefix in _dotted_prefixes(name))
        }

    # -- updates -------------------------------------------------------------------------------
    def update(self, path: Path) -> None:
        """Bring one changed, added or deleted file (or a whole added/removed directory) up to date."""
        known_before = set(self._modules)
        if path.is_dir():
            if not is_ignored_dir(path, self.rootdir) and not is_ignored_path(path, self.rootdir):
                for found in iter_python_files(self.rootdir, path):
                    self._read(found)
        elif path.suffix == ".py" and path.is_file() and not is_ignored_path(path, self.rootdir):
            self._read(path)
        else:
            for known in [p for p in self._modules if p == path or path in p.parents]:
                self._forget(known)
        if set(self._modules) != known_before:
            self._reindex_names()

    def _read(self, path: Path) -> None:
        previous = self._modules.get(path)
        try:
            info = scan(path, path.read_bytes(), self.rootdir)
        except OSError:
            self._forget(path)
            return
        except (SyntaxError, ValueError, RecursionError) as exc:
            names = previous.names if previous else frozenset()
            stems = previous.stems if previous else frozenset()
            dynamic = previous.dynamic if previous else ()
            info = ModuleInfo(path, names, stems, dynamic, error=f"{type(exc).__name__}: {exc}")
        if previous is not None:
            self._unlink(previous)
        self._modules[path] = info
        _index_add(self._by_stem, _stem(path), path)
        for name in info.names:
            _index_add(self._wanted_names, name, path)
        for stem in info.stems:
            _index_add(self._wanted_stems, stem, path)

    def _forget(self, path: Path) -> None:
        info = self._modules.pop(path, None)
        if info is not None:
            self._unlink(info)
            _index_discard(self._by_stem, _stem(path), path)

    def _unlink(self, info: ModuleInfo) -> None:
        for name in info.names:
            _index_discard(self._wanted_names, name, info.path)
        for stem in info.stems:
            _index_discard(self._wanted_stems, stem, info.path)

    # -- names ---------------------------------------------------------------------------------
    def _basedir(self, path: Path) -> Path:
        directory = path.parent
        while directory / "__init__.py" in self._modules:
            directory = directory.parent
        return directory

    def _reindex_names(self) -> None:
        roots = {self.rootdir, self.rootdir / "src", *self._extra_roots}
        roots.update(self._basedir(path) for path in self._modules)
        self._roots = frozenset(roots)
        self._names_of = {path: self._compute_names(path) for path in self._modules}
        self._by_name = {}
        for path, names in self._names_of.items():
            for name in names:
                _index_add(self._by_name, name, path)

    def _compute_names(self, path: Path) -> tuple[str, ...]:
        parts = [path.stem] if path.name != "__init__.py" else []
        names: list[str] = []
        for directory in path.parents:
            if directory in self._roots and parts and all(_is_identifier(part) for part in parts):
                names.append(".".join(reversed(parts)))
            parts.append(directory.name)
        return tuple(names)


def _is_identifier(part: str) -> bool:
    return part.isidentifier() and not keyword.iskeyword(part)
