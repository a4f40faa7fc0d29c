"""``--lf`` while collecting: which test files are not even imported, and which tests are not collected.

pytest's cache plugin does part of ``--lf``'s work while collecting, and what it does there shows in the
outcomes, not only in the counts:

* In each directory (and among the command-line arguments), the files and directories holding a
  recorded failure are collected first.
* Once a file yielding one of the recorded failures has been collected, every later file without a
  recorded failure is skipped unread ("skipped N files"): a file that no longer imports is no
  collection error, and its module-level code does not run. This goes for doctest files too
  (``--doctest-glob``, ``--doctest-modules``), and N counts pytest's file collectors: a test module
  read for its doctests as well counts twice.
* From a file with recorded failures collected from then on (that first one included), only the
  failed tests are collected; the others are never collected, so they are not "deselected" and ``-k``
  or ``-m`` do not count them. Tests in classes (and describe blocks) are kept: pytest keeps every
  sub-collector and filters their tests later, as deselected. So are all tests of a file named on the
  command line.

What is left is filtered once more after ``-k`` / ``-m``, by ``_plan.rerun``: the tests that did not fail
then count as deselected.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from .._model.items import TestItem

EntryT = TypeVar("EntryT")


@dataclass(slots=True)
class LastFailedFilter:
    lastfailed: Mapping[str, bool]  # the recorded failures, by node id (a file's or class's too)
    paths: frozenset[Path]  # the files and directories of the recorded failures, and their parents
    initial_files: frozenset[Path]  # files named on the command line: all of their tests are collected
    # A file yielding a recorded failure has been collected: files without one are skipped from now on.
    active: bool = False
    skipped_files: int = 0

    @classmethod
    def of(
        cls, lastfailed: Mapping[str, bool], rootdir: Path, initial_files: Collection[Path]
    ) -> LastFailedFilter:
        paths: set[Path] = set()
        for nodeid in lastfailed:
            path = rootdir / nodeid.split("::", 1)[0]
            paths.add(path)
            paths.update(path.parents)
        return cls(lastfailed, frozenset(p for p in paths if p.exists()), frozenset(initial_files))

    def first(self, entries: Sequence[EntryT], path_of: Callable[[EntryT], Path]) -> list[EntryT]:
        """``entries`` (command-line targets) with those whose path holds a recorded failure first,
        otherwise in the same order."""
        return sorted(entries, key=lambda entry: path_of(entry) not in self.paths)

    def worker_files(self, files: Sequence[str], rootdir: Path) -> list[str]:
        """``-n``: of the rootdir-relative files the workers share, those holding a recorded failure,
        or all of them when none does. A worker given only files without one would import them all
        (it never collects a failure that starts the skipping); the parent skips them instead."""
        held = [name for name in files if rootdir / name.split("::", 1)[0] in self.paths]
        return held or list(files)

    def skips(self, path: Path, collectors: int = 1) -> bool:
        """Whether the file ``path`` is left unread. pytest counts each of its file collectors left
        unread as a skipped file: ``collectors`` of them read ``path`` (a test module under
        ``--doctest-modules`` is two, its tests' and its doctests')."""
        if self.active and path not in self.paths:
            self.skipped_files += collectors
            return True
        return False

    def keep(self, path: Path, relpath: str, items: list[TestItem]) -> list[TestItem]:
        """The tests of the file ``path`` that are collected."""
        if path not in self.paths:
            return items
        if not self.active:
            if not any(_module_level_id(item, relpath) in self.lastfailed for item in items):
                return items  # stale records only: collected whole, and nothing skipped yet
            self.active = True
        if path in self.initial_files:
            return items
        return [item for item in items if item.nodeid in self.lastfailed or _outer_collector(item, relpath)]


def _module_level_id(item: TestItem, relpath: str) -> str:
    """The node id of what the module collects directly for ``item``: the test itself, or the class
    (or describe block) it is in."""
    return _outer_collector(item, relpath) or item.nodeid


def _outer_collector(item: TestItem, relpath: str) -> str | None:
    """The node id of the outermost class or block ``item`` is in, None for a test at module level."""
    inner = item.nodeid[len(relpath) + 2 :].split("[", 1)[0]  # parameter ids may hold anything
    if "::" not in inner:
        return None
    return f"{relpath}::{inner.split('::', 1)[0]}"
