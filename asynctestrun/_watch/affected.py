"""Which test files a batch of saved files can affect: the selection watch mode reruns.

Each change in the batch selects test files by these rules; the batch runs their union:

1. a configuration file (``pyproject.toml``, ``pytest.ini``, ``.pytest.ini``, ``setup.cfg``,
   ``tox.ini`` at the rootdir, or the ini file in use) or the root ``conftest.py``: everything;
2. a ``conftest.py`` below the root: every test file under its directory;
3. a test file: itself (a deleted one is dropped, an added one is picked up);
4. any project module: the test files that import it, directly or transitively; a ``conftest.py``
   among the importers selects its directory as in 2 (the root one: everything);
5. a module with dynamic imports counts as importing every file (the safe superset): the test files
   that selects only through it are run too, and the reason names the module;
6. a non-Python file, or a ``.py`` file the import graph does not cover: everything.

Worked example: ``tests/test_a.py`` and ``tests/test_b.py`` import ``app/models.py``;
``tests/api/conftest.py`` imports ``app/client.py``; ``tests/api/`` holds ``test_c.py``.
Saving ``app/models.py`` runs ``test_a.py`` and ``test_b.py`` ("imported by 2 test files");
saving ``app/client.py`` runs ``tests/api/test_c.py`` (through the conftest); saving
``tox.ini`` runs everything; saving ``app/models.py`` when ``app/plugins.py`` calls
``importlib.import_module(name)`` and ``tests/test_d.py`` imports ``app/plugins.py`` runs
``test_a.py``, ``test_b.py`` and ``test_d.py`` ("+1 via dynamic imports in app/plugins.py").
"""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable
from dataclasses import dataclass
from enum import IntEnum
from pathlib import Path
from typing import Final

from .imports import ImportGraph

CONFIG_NAMES: Final = frozenset({"pyproject.toml", "pytest.ini", ".pytest.ini", "setup.cfg", "tox.ini"})
_MAX_REASONS: Final = 3


class Change(IntEnum):
    """What happened to a path; the values are ``watchfiles.Change``'s."""

    added = 1
    modified = 2
    deleted = 3


@dataclass(frozen=True, slots=True)
class Selection:
    """The test files to run, relative to the rootdir and sorted; ``None`` means everything."""

    paths: list[str] | None
    reason: str


def is_config_file(path: Path, rootdir: Path, config_files: Iterable[Path] = ()) -> bool:
    """Whether saving ``path`` changes how every test runs."""
    if path in set(config_files):
        return True
    return path.parent == rootdir and (path.name in CONFIG_NAMES or path.name == "conftest.py")


def select_affected(
    changes: set[tuple[Change, Path]],
    graph: ImportGraph,
    test_files: set[Path],
    rootdir: Path,
    python_files: Iterable[str],
    config_files: Iterable[Path] = (),
) -> Selection:
    """Update ``graph`` with ``changes`` (in place), then select the test files they can affect.

    ``test_files`` are the collected test files (from before or after the batch: added files whose
    names match ``python_files`` are added, deleted ones dropped).
    """
    ordered = _effective(changes)
    for _, path in ordered:
        graph.update(path)
    patterns = tuple(python_files)
    tests = set(test_files)
    for change, path in ordered:
        if change is Change.deleted:
            tests.discard(path)
        elif path.suffix == ".py" and any(fnmatch.fnmatch(path.name, p) for p in patterns) and path in graph:
            tests.add(path)
    chosen: set[Path] = set()
    reasons: list[str] = []
    for change, path in ordered:
        rel = _relative(path, rootdir)
        everything = _everything_reason(change, path, rel, graph, rootdir, config_files)
        if everything is not None:
            return Selection(None, everything)
        found, reason = _select_one(change, path, rel, graph, tests, rootdir)
        if isinstance(found, str):
            return Selection(None, found)
        chosen |= found
        reasons.append(reason)
    chosen &= tests
    if len(reasons) > _MAX_REASONS:
        reasons[_MAX_REASONS:] = [f"and {len(reasons) - _MAX_REASONS} more"]
    reason = "; ".join(reasons)
    if tests and chosen == tests:
        return Selection(None, reason)
    return Selection(sorted(_relative(path, rootdir) for path in chosen), reason)


def _effective(changes: set[tuple[Change, Path]]) -> list[tuple[Change, Path]]:
    """One change per path, sorted by path. Editors that save by delete + create, or by writing a
    temporary file and renaming it, report several changes for one path: what is on disk now decides."""
    kinds: dict[Path, set[Change]] = {}
    for change, path in changes:
        kinds.setdefault(path, set()).add(Change(change))
    effective: list[tuple[Change, Path]] = []
    for path in sorted(kinds, key=str):
        if not path.exists():
            effective.append((Change.deleted, path))
        else:
            effective.append((Change.added if Change.added in kinds[path] else Change.modified, path))
    return effective


def _everything_reason(
    change: Change, path: Path, rel: str, graph: ImportGraph, rootdir: Path, config_files: Iterable[Path]
) -> str | None:
    if is_config_file(path, rootdir, config_files):
        return f"{rel} {change.name}: configuration, running everything"
    if path.suffix != ".py":
        return f"{rel} {change.name}: not a Python module, running everything"
    if change is not Change.deleted and path.is_file() and path not in graph:
        return f"{rel} {change.name}: outside the import graph, running everything"
    return None


def _select_one(
    change: Change, path: Path, rel: str, graph: ImportGraph, tests: set[Path], rootdir: Path
) -> tuple[set[Path] | str, str]:
    """The test files one change selects and why; a str instead of a set means "everything, because"."""
    exact, exact_conftests = _reach(graph.dependents(path, assume_dynamic=False), tests)
    full, conftests = _reach(graph.dependents(path), tests)
    root_conftest = rootdir / "conftest.py"
    if root_conftest in conftests:
        why = "imported by" if root_conftest in exact_conftests else "reached through dynamic imports from"
        return f"{rel} {change.name}: {why} the root conftest.py, running everything", ""
    if path.name == "conftest.py":
        conftests.add(path)
        exact_conftests.add(path)
    for conftest in conftests:
        full |= _under(conftest.parent, tests)
    for conftest in exact_conftests:
        exact |= _under(conftest.parent, tests)
    if path in tests:
        full.add(path)
        exact.add(path)
    if change is Change.deleted:
        what = "deleted" if not exact else f"deleted: {_count(exact)} depended on it"
    elif path.name == "conftest.py":
        what = f"{change.name}: {_count(exact)} under {_relative(path.parent, rootdir)}/"
    elif path in tests:
        others = len(exact) - 1
        what = change.name + (f" (+{_count(others)} importing it)" if others else "")
    else:
        what = f"{change.name}: " + (f"imported by {_count(exact)}" if exact else "no test imports it")
    extra = full - exact
    if extra:
        dynamic = sorted(_relative(p, rootdir) for p in graph.dynamic_modules() if p != path)
        shown = ", ".join(dynamic[:2]) + (f" and {len(dynamic) - 2} more" if len(dynamic) > 2 else "")
        what += f", +{len(extra)} via dynamic imports in {shown}"
    return full, f"{rel} {what}"


def _reach(dependents: set[Path], tests: set[Path]) -> tuple[set[Path], set[Path]]:
    """Split dependents into the test files among them and the conftests among them."""
    return dependents & tests, {p for p in dependents if p.name == "conftest.py"}


def _under(directory: Path, tests: set[Path]) -> set[Path]:
    return {test for test in tests if directory in test.parents}


def _count(value: set[Path] | int) -> str:
    number = value if isinstance(value, int) else len(value)
    return f"{number} test file" + ("" if number == 1 else "s")


def _relative(path: Path, rootdir: Path) -> str:
    try:
        return str(path.relative_to(rootdir))
    except ValueError:
        return str(path)
