"""The cache directory kept between runs, and the reporter that records what a run learned there.

``Cache`` owns ``<rootdir>/.asynctestrun_cache/``: JSON values under ``v/<key>`` and plugin directories
under ``d/<name>``. It is also what plugins see as ``config.cache`` (pytest's ``get``/``set``/``mkdir``).

``CacheReporter`` consumes the event stream and keeps these keys, in the same shapes pytest uses:

    cache/lastfailed  {nodeid: true} for tests that failed or errored; a file (or conftest) that failed to
                      collect is keyed by its path
    cache/nodeids     sorted node ids of every test seen so far (what ``--nf`` calls "not new")
    cache/durations   {nodeid: seconds} of each test's latest run (setup + call + teardown)
    cache/stepwise    {"last_failed", "last_test_count", "last_cache_date_str"}, only with ``--sw``

Every value is written atomically, and the reporter writes while the run goes on (about once a second),
so a run that crashes or is killed keeps what it learned up to then, and a file is never half written.
"""

from __future__ import annotations

import json
import os
import shutil
import time
import uuid
import warnings
from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO

from .._model.events import CollectionFinished, Event, SessionFinished, TestFinished
from .._model.outcomes import Outcome, Phase, PhaseOutcome, TestResult
from .atomic import write_atomic

CACHE_DIRNAME = ".asynctestrun_cache"
LASTFAILED_KEY = "cache/lastfailed"
NODEIDS_KEY = "cache/nodeids"
DURATIONS_KEY = "cache/durations"
STEPWISE_KEY = "cache/stepwise"

_VALUES = "v"
_DIRS = "d"
_SUPPORTING_FILES = {
    "README.md": (
        "# asynctestrun cache directory #\n\n"
        "This directory holds data asynctestrun keeps between runs: the tests that failed last time\n"
        "(`--lf`, `--ff`), the tests seen before (`--nf`), where `--sw` stopped, test durations, and\n"
        "whatever plugins store through `config.cache`.\n\n"
        "**Do not** commit it to version control. Deleting it (or `--cache-clear`) is always safe.\n"
    ),
    ".gitignore": "# Created by asynctestrun automatically.\n*\n",
    # Backup and archiving tools skip directories carrying this tag (https://bford.info/cachedir/).
    "CACHEDIR.TAG": (
        "Signature: 8a477f597d28d172789f06886806bc55\n"
        "# This file is a cache directory tag created by asynctestrun.\n"
        "# For information about cache directory tags, see https://bford.info/cachedir/\n"
    ),
}


_UNREADABLE = object()
_COMPACT = json.JSONEncoder(ensure_ascii=False).encode


def _dumps(value: object) -> str:
    """``json.dumps(value, indent=2)``, byte for byte, but fast for the large flat values (node ids,
    durations): with ``indent`` the json module falls back to its pure-Python encoder, which took ~5% of
    a 10,000-test run as the reporter rewrote them. One line per entry keeps the files diffable."""
    if isinstance(value, list) and value and all(isinstance(v, str | int | float | bool) for v in value):
        return "[\n  " + ",\n  ".join(map(_COMPACT, value)) + "\n]"
    if (
        isinstance(value, dict)
        and value
        and all(isinstance(k, str) and isinstance(v, str | int | float | bool) for k, v in value.items())
    ):
        return "{\n  " + ",\n  ".join(f"{_COMPACT(k)}: {_COMPACT(v)}" for k, v in value.items()) + "\n}"
    return json.dumps(value, ensure_ascii=False, indent=2)


class CacheWarning(UserWarning):
    """The cache could not be written; the run goes on without it."""


class Cache:
    """Values (JSON) and directories kept between runs, under one cache directory."""

    def __init__(self, directory: Path) -> None:
        self._directory = directory

    @classmethod
    def for_rootdir(cls, rootdir: Path, cache_dir: str | None = None) -> Cache:
        """The cache of a project: ``cache_dir`` (``~`` and ``$VARS`` expanded, relative to the rootdir)
        or ``<rootdir>/.asynctestrun_cache``."""
        if cache_dir is None:
            return cls(rootdir / CACHE_DIRNAME)
        return cls(rootdir / os.path.expandvars(os.path.expanduser(cache_dir)))

    @property
    def directory(self) -> Path:
        return self._directory

    @property
    def _cachedir(self) -> Path:
        # pytest's private name; several plugins read it to show or locate the cache.
        return self._directory

    def get(self, key: str, default: Any) -> Any:
        """The value stored under ``key``, or ``default`` if there is none or it cannot be read."""
        path = _within(self._directory / _VALUES, key)
        try:
            with path.open("r", encoding="utf-8") as handle:
                return json.load(handle)
        except (ValueError, OSError):  # ValueError covers bad JSON and bad UTF-8
            return default

    def set(self, key: str, value: object) -> None:
        """Store a JSON-able ``value`` under ``key`` (``/``-separated, e.g. ``"myplugin/state"``).

        The write is atomic. If the cache cannot be written (read-only checkout, full disk) this warns
        and returns: losing the cache must never fail a run.
        """
        path = _within(self._directory / _VALUES, key)
        data = _dumps(value).encode("utf-8")
        try:
            self._ensure_directory()
            write_atomic(path, data)
        except OSError as exc:
            warnings.warn(CacheWarning(f"could not write cache path {path}: {exc}"), stacklevel=2)

    def mkdir(self, name: str) -> Path:
        """A directory ``d/<name>`` for a plugin's own files, created if missing. ``name`` is one path
        component: put your plugin's name in it to avoid clashes."""
        if len(Path(name).parts) != 1:
            raise ValueError(f"cache directory name must be one path component, got {name!r}")
        path = _within(self._directory / _DIRS, name)
        self._ensure_directory()
        path.mkdir(parents=True, exist_ok=True)
        return path

    def clear(self) -> None:
        """Remove every stored value and directory (``--cache-clear``); the cache directory stays."""
        for sub in (_VALUES, _DIRS):
            shutil.rmtree(self._directory / sub, ignore_errors=True)

    def show(self, glob: str, out: TextIO) -> None:
        """``--cache-show [GLOB]``: each stored value under a key ``glob`` matches (as ``Path.rglob``),
        then the files of the plugins' directories, laid out as pytest shows them."""
        import pprint

        from .terminal import _rule

        out.write(f"cachedir: {self._directory}\n")
        if not self._directory.is_dir():
            out.write("cache is empty\n")
            return
        out.write(_rule(f"cache values for {glob!r}", "-") + "\n")
        values = self._directory / _VALUES
        keys = sorted(p.relative_to(values).as_posix() for p in values.rglob(glob) if p.is_file())
        for key in keys:
            value = self.get(key, _UNREADABLE)
            if value is _UNREADABLE:
                out.write(f"{key} contains unreadable content, will be ignored\n")
                continue
            out.write(f"{key} contains:\n")
            for line in pprint.pformat(value).splitlines():
                out.write(f"  {line}\n")
        if not keys:
            out.write(f"no values found for {glob!r}\n")
        dirs = self._directory / _DIRS
        if dirs.is_dir():
            out.write(_rule(f"cache directories for {glob!r}", "-") + "\n")
            for path in sorted(dirs.rglob(glob)):
                if path.is_file():
                    key = path.relative_to(self._directory).as_posix()
                    out.write(f"{key} is a file of length {path.stat().st_size}\n")

    def _ensure_directory(self) -> None:
        """Create the cache directory with its README and .gitignore in one step.

        The files are written into a fresh sibling directory which is then renamed into place, so a
        concurrent run (or a crash) never leaves a cache directory without its .gitignore.
        """
        if self._directory.is_dir():
            return
        parent = self._directory.parent
        parent.mkdir(parents=True, exist_ok=True)
        staging = parent / f"{self._directory.name}.{uuid.uuid4().hex}.tmp"
        staging.mkdir()
        try:
            for name, text in _SUPPORTING_FILES.items():
                (staging / name).write_text(text, encoding="utf-8")
            try:
                staging.rename(self._directory)
            except OSError:
                if not self._directory.is_dir():  # lost a race to another run: theirs is as good
                    raise
        finally:
            shutil.rmtree(staging, ignore_errors=True)


def _within(base: Path, key: str) -> Path:
    """``base / key``, refusing keys that are empty, absolute, or climb out of ``base`` with ``..``."""
    path = Path(os.path.normpath(base / key))
    if not key or path == base or not path.is_relative_to(base):
        raise ValueError(f"cache key {key!r} must be a relative path inside the cache directory")
    return path


# -- the meaning of cache/lastfailed keys ---------------------------------------------------------------


def covering_keys(nodeid: str) -> list[str]:
    """The ``cache/lastfailed`` keys that stand for the test ``nodeid``, narrowest first.

    Its own node id; an enclosing class (``a.py::TestX``); its file, which is how a file that failed to
    collect is recorded; each directory above it; and each conftest above it, recorded when the
    conftest failed to import. For ``sub/test_a.py::TestX::test_y``::

        sub/test_a.py::TestX::test_y, sub/test_a.py::TestX, sub/test_a.py,
        sub, sub/conftest.py, conftest.py, .
    """
    parts = nodeid.split("::")
    keys = ["::".join(parts[:end]) for end in range(len(parts), 0, -1)]
    directories = parts[0].split("/")[:-1]
    for end in range(len(directories), 0, -1):
        directory = "/".join(directories[:end])
        keys += [directory, f"{directory}/conftest.py"]
    keys += ["conftest.py", "."]
    return keys


def failure_matcher(lastfailed: Collection[str]) -> Callable[[str], bool]:
    """A predicate for "this test failed last time": a few set lookups per test, however many keys."""

    def matches(nodeid: str) -> bool:
        return any(key in lastfailed for key in covering_keys(nodeid))

    return matches


def read_lastfailed(cache: Cache) -> dict[str, bool]:
    return _str_keyed(cache.get(LASTFAILED_KEY, {}), bool)


def read_nodeids(cache: Cache) -> set[str]:
    value = cache.get(NODEIDS_KEY, [])
    return {v for v in value if isinstance(v, str)} if isinstance(value, list) else set()


def read_durations(cache: Cache) -> dict[str, float]:
    value = _str_keyed(cache.get(DURATIONS_KEY, {}), (int, float))
    return {k: float(v) for k, v in value.items() if not isinstance(v, bool)}


def _str_keyed(value: object, types: type | tuple[type, ...]) -> dict[str, Any]:
    """A JSON object as a dict, keeping only string keys with values of ``types`` (a hand-edited or
    foreign file must not break a run)."""
    if not isinstance(value, dict):
        return {}
    return {k: v for k, v in value.items() if isinstance(k, str) and isinstance(v, types)}


# -- cache/stepwise --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StepwiseState:
    """What ``cache/stepwise`` holds: where the last ``--sw`` run stopped, and over how many tests."""

    last_failed: str | None
    test_count: int | None
    date: datetime  # when it was written, local time: shown as "cache from 0:05:00 ago"


@dataclass(frozen=True, slots=True)
class StepwiseStart:
    """The stepwise state a run starts from, decided by selection and handed to ``CacheReporter``.

    ``last_failed`` is the stored failure still in force (None after ``--sw-reset`` or when the test
    count changed), ``test_count`` the number of tests stepwise saw this time, ``skip`` is ``--sw-skip``.
    """

    last_failed: str | None
    test_count: int
    skip: bool = False


def read_stepwise(cache: Cache) -> tuple[StepwiseState | None, str | None]:
    """The stored stepwise state, or None; and an error text when the stored value is unusable."""
    value = cache.get(STEPWISE_KEY, None)
    if not value:
        return None, None
    try:
        last_failed = value["last_failed"]
        test_count = value["last_test_count"]
        date = datetime.fromisoformat(value["last_cache_date_str"])
        if not (last_failed is None or isinstance(last_failed, str)):
            raise TypeError(f"last_failed is {type(last_failed).__name__}, not a node id")
        if not (test_count is None or (isinstance(test_count, int) and not isinstance(test_count, bool))):
            raise TypeError(f"last_test_count is {type(test_count).__name__}, not a number")
    except (KeyError, TypeError, ValueError) as exc:
        return None, f"{type(exc).__name__}: {exc}"
    return StepwiseState(last_failed, test_count, date), None


# -- the reporter --------------------------------------------------------------------------------------


BULK_COST_FACTOR = 50  # run time between two writes of the large keys, in units of one such write


class CacheReporter:
    """Records failures, node ids, durations and the stepwise position as the events arrive.

    Writes happen at ``SessionFinished`` and, during the run, whenever ``flush_seconds`` have passed or
    ``flush_tests`` tests finished since the last write; only keys that changed are written. During
    the run, the two keys that grow with the suite (node ids and durations: sorting, encoding and
    writing them takes about 60 ms at 10,000 tests) are written at most once per ``BULK_COST_FACTOR``
    times what their last write took, so keeping them safe from a crash costs at most ~2% of the run.
    """

    def __init__(
        self,
        cache: Cache,
        *,
        stepwise: StepwiseStart | None = None,
        flush_seconds: float = 1.0,
        flush_tests: int = 1000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._cache = cache
        self._lastfailed = read_lastfailed(cache)
        self._saved_lastfailed = dict(self._lastfailed)
        self._nodeids = read_nodeids(cache)
        self._collected: tuple[str, ...] = ()
        self._durations = read_durations(cache)
        self._dirty: set[str] = set()
        self._stepwise = stepwise
        self._stepwise_last_failed = stepwise.last_failed if stepwise else None
        self._stepwise_skip = stepwise.skip if stepwise else False
        self._stepwise_stopped = False
        self._flush_seconds = flush_seconds
        self._flush_tests = flush_tests
        self._clock = clock
        self._last_flush = clock()
        self._next_bulk = self._last_flush
        self._pending = 0

    def handle(self, event: Event) -> None:
        if isinstance(event, CollectionFinished):
            self._collection_finished(event)
        elif isinstance(event, TestFinished):
            self._test_finished(event.result)
            self._pending += 1
            if self._pending >= self._flush_tests or self._clock() - self._last_flush >= self._flush_seconds:
                self.flush(final=False)
        elif isinstance(event, SessionFinished):
            if self._collected:
                before = len(self._nodeids)
                self._nodeids.update(self._collected)
                if len(self._nodeids) != before:
                    self._dirty.add(NODEIDS_KEY)
            if self._stepwise is not None:
                self._dirty.add(STEPWISE_KEY)  # refresh the date even when nothing else changed
            self.flush()

    def flush(self, *, final: bool = True) -> None:
        """Write every key that changed since the last write; the large ones during the run (not
        ``final``) only when their turn has come."""
        self._pending = 0
        now = self._last_flush = self._clock()
        if LASTFAILED_KEY in self._dirty and self._lastfailed != self._saved_lastfailed:
            self._cache.set(LASTFAILED_KEY, dict(sorted(self._lastfailed.items())))
            self._saved_lastfailed = dict(self._lastfailed)
        self._dirty.discard(LASTFAILED_KEY)
        if final or now >= self._next_bulk:
            if NODEIDS_KEY in self._dirty:
                self._cache.set(NODEIDS_KEY, sorted(self._nodeids))
            if DURATIONS_KEY in self._dirty:
                self._cache.set(DURATIONS_KEY, dict(sorted(self._durations.items())))
            self._dirty -= {NODEIDS_KEY, DURATIONS_KEY}
            done = self._clock()
            self._next_bulk = done + max(self._flush_seconds, BULK_COST_FACTOR * (done - now))
        if STEPWISE_KEY in self._dirty and self._stepwise is not None:
            self._cache.set(
                STEPWISE_KEY,
                {
                    "last_failed": self._stepwise_last_failed,
                    "last_test_count": self._stepwise.test_count,
                    "last_cache_date_str": datetime.now().isoformat(),
                },
            )
        self._dirty.discard(STEPWISE_KEY)  # the large keys stay dirty until their turn

    def _collection_finished(self, event: CollectionFinished) -> None:
        # Node ids are merged at the end, not now: a run that crashes before its new tests ran should
        # still find them "new" for --nf next time.
        self._collected = event.nodeids
        errored = {error.nodeid for error in event.errors}
        for key in errored:
            self._lastfailed[key] = True
        # A file (or directory) that failed to collect last time and collects now stands for its tests:
        # they replace it, so --lf keeps running them until each one has passed.
        paths = {key for key in self._lastfailed if "::" not in key and key not in errored}
        if paths:
            covered: dict[str, list[str]] = {}
            for nodeid in event.nodeids:
                for key in covering_keys(nodeid):
                    if key in paths:
                        covered.setdefault(key, []).append(nodeid)
            for key, nodeids in covered.items():
                del self._lastfailed[key]
                self._lastfailed.update(dict.fromkeys(nodeids, True))
        self._dirty.add(LASTFAILED_KEY)

    def _test_finished(self, result: TestResult) -> None:
        nodeid = result.nodeid
        # Phase by phase, as pytest reads its reports: a failure in any phase records the test; a skip,
        # or a passing call, clears it. (Passing call + failing teardown stays recorded.)
        for phase in result.phases:
            if phase.outcome is PhaseOutcome.FAILED:
                self._lastfailed[nodeid] = True
            elif phase.outcome is PhaseOutcome.SKIPPED or phase.phase is Phase.CALL:
                self._lastfailed.pop(nodeid, None)
        self._dirty.add(LASTFAILED_KEY)
        if "::" in nodeid:  # not a skipped module, which is reported under its file path
            if nodeid not in self._nodeids:
                self._nodeids.add(nodeid)
                self._dirty.add(NODEIDS_KEY)
            self._durations[nodeid] = round(result.duration, 6)
            self._dirty.add(DURATIONS_KEY)
        if self._stepwise is not None and not self._stepwise_stopped:
            self._step(result)

    def _step(self, result: TestResult) -> None:
        """Stepwise, one test at a time (the runner stops on the same count of failed tests)."""
        failed = any(o in (Outcome.FAILED, Outcome.ERROR) for o in result.outcomes)
        if failed:
            if self._stepwise_skip:  # --sw-skip: the first failing test is let through, once
                if result.nodeid == self._stepwise_last_failed:
                    self._stepwise_last_failed = None
                self._stepwise_skip = False
            else:
                self._stepwise_last_failed = result.nodeid
                self._stepwise_stopped = True
            self._dirty.add(STEPWISE_KEY)
        elif result.phase(Phase.CALL) is not None and result.nodeid == self._stepwise_last_failed:
            self._stepwise_last_failed = None
            self._dirty.add(STEPWISE_KEY)
