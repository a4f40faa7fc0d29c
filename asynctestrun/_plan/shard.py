"""``--shard i/N``: split a run into N parts by test file, so N CI jobs together run every test once.

Files stay whole (module, class and loop scopes keep their meaning, as with ``-n``), and the split is a
pure function of the file paths and the recorded durations: every job computes the same partition
without talking to the others, provided all jobs see the same durations (commit the durations file
rather than restoring a per-machine cache).

The files are balanced greedily, longest processing time first (LPT): sort by weight, heaviest first,
and give each file to the lightest shard so far. A file's weight is the sum of the recorded durations
of its tests; a file with none recorded weighs what an average recorded file weighs, or 1.0 when
nothing is recorded at all. Equal weights are ordered by a stable hash of the path, so without any
durations the files are dealt round-robin in hash order: balanced by file count, and independent of
alphabetical clustering (``test_db_*.py`` does not all land in one shard). Worked example, 2 shards::

    durations: a.py 8s, b.py 5s, c.py 4s, d.py 3s       (e.py: none recorded → mean 5s)
    order:     a 8, e 5, b 5, c 4, d 3                    (e before b: hash order breaks the tie)
    a → shard 1 (8)   e → shard 2 (5)   b → shard 2 (10)   c → shard 1 (12)   d → shard 2 (13)
    shard 1/2 = a.py, c.py (12s)        shard 2/2 = b.py, d.py, e.py (13s, in input order)

``lpt`` is shared with ``_execute.workers``, which balances files over worker processes the same way.

The durations come from one file, ``Config.durations_file()`` (``--durations-path``, by default
``.test_durations`` in the rootdir, pytest-split's name and layout), which ``--store-durations``
refreshes. It is meant to be committed, so every job reads the same one. A missing file means none
recorded: the hash-order split above.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Protocol, TypeVar

from .._config.config import Config, ConfigError

_SHARD = re.compile(r"\s*(\d+)\s*/\s*(\d+)\s*")


class ShardError(ValueError):
    """A bad ``--shard`` value or durations file; the message is ready for the user."""


class _HasNodeid(Protocol):
    @property
    def nodeid(self) -> str: ...


T = TypeVar("T", bound="str | _HasNodeid")


def parse_shard(text: str) -> tuple[int, int]:
    """``"2/4"`` → ``(2, 4)``; the index is 1-based."""
    match = _SHARD.fullmatch(text)
    if match is None:
        raise ShardError(f"--shard expects INDEX/COUNT such as 1/4, got {text!r}")
    index, count = int(match.group(1)), int(match.group(2))
    if count < 1:
        raise ShardError(f"--shard {text}: the shard count must be at least 1")
    if not 1 <= index <= count:
        raise ShardError(f"--shard {text}: the index must be between 1 and {count} (shards count from 1)")
    return index, count


def file_of(nodeid: str) -> str:
    """The file part of a node id (``"tests/a.py::TestX::test[1]"`` → ``"tests/a.py"``)."""
    return nodeid.split("::", 1)[0]


def file_weights(files: Sequence[str], durations: Mapping[str, float]) -> list[float]:
    """Seconds per file (the sum over its recorded tests); unknown files get the mean known weight."""
    totals: dict[str, float] = {}
    for nodeid, seconds in durations.items():
        key = file_of(nodeid)
        totals[key] = totals.get(key, 0.0) + max(float(seconds), 0.0)
    known = [totals[f] for f in files if f in totals]
    default = sum(known) / len(known) if known else 1.0
    return [totals.get(f, default) for f in files]


def lpt(weights: Sequence[float], count: int, tiebreak: Sequence[str] | None = None) -> list[list[int]]:
    """Indices of ``weights`` split into ``count`` bins, heaviest first into the lightest bin.

    Ties in weight are ordered by ``tiebreak`` (else by index), ties in bin load go to the lowest bin,
    so the result is deterministic. Each bin lists its indices in ascending order.
    """
    if count < 1:
        raise ValueError("count must be at least 1")
    keys = tiebreak if tiebreak is not None else [f"{i:012d}" for i in range(len(weights))]
    order = sorted(range(len(weights)), key=lambda i: (-weights[i], keys[i], i))
    loads = [0.0] * count
    bins: list[list[int]] = [[] for _ in range(count)]
    for i in order:
        lightest = min(range(count), key=lambda b: (loads[b], b))
        loads[lightest] += weights[i]
        bins[lightest].append(i)
    return [sorted(b) for b in bins]


def stable_hash(path: str) -> str:
    """The same on every machine and Python run (unlike ``hash``, which is salted per process)."""
    return hashlib.sha256(path.encode("utf-8", "surrogatepass")).hexdigest()


def shard(items: Sequence[T], index: int, count: int, durations: Mapping[str, float]) -> list[T]:
    """The items (node ids, or anything with ``.nodeid``) of shard ``index`` of ``count`` (1-based).

    Keeps the input order. The shards of one input partition it: every item is in exactly one.
    """
    if not 1 <= index <= count:
        raise ShardError(f"shard index {index} is not between 1 and {count}")
    files = list(dict.fromkeys(file_of(_nodeid(item)) for item in items))
    weights = file_weights(files, durations)
    bins = lpt(weights, count, [stable_hash(f) for f in files])
    mine = {files[i] for i in bins[index - 1]}
    return [item for item in items if file_of(_nodeid(item)) in mine]


def _nodeid(item: str | _HasNodeid) -> str:
    return item if isinstance(item, str) else item.nodeid


def load_durations(path: Path) -> dict[str, float]:
    """Read recorded durations: a JSON object ``{nodeid: seconds}``, or a list of ``[nodeid, seconds]``
    pairs (both layouts of pytest-split's ``.test_durations``). A missing file means none recorded."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        raise ShardError(f"cannot read durations from {path}: {exc}") from None
    if not isinstance(raw, (dict, list)):
        raise ShardError(f"cannot read durations from {path}: expected an object or a list")
    pairs: Iterable[object] = raw.items() if isinstance(raw, dict) else raw
    durations: dict[str, float] = {}
    for pair in pairs:
        if (
            not isinstance(pair, (tuple, list))
            or len(pair) != 2
            or not isinstance(pair[0], str)
            or isinstance(pair[1], bool)
            or not isinstance(pair[1], (int, float))
        ):
            raise ShardError(f"cannot read durations from {path}: expected nodeid → seconds, got {pair!r}")
        durations[pair[0]] = float(pair[1])
    return durations


def durations_for_sharding(config: Config) -> dict[str, float]:
    """The durations ``--shard`` balances by: the durations file only, never this machine's cache, so every
    job computes the same split. A file that cannot be read is a usage error (exit 4) before anything runs."""
    try:
        return load_durations(config.durations_file())
    except ShardError as exc:
        raise ConfigError(f"--shard: {exc}") from None
