"""--shard i/N (asynctestrun._plan.shard): parsing, and the partition's properties."""

import json
import random
from dataclasses import dataclass

import pytest

from asynctestrun._plan.shard import (
    ShardError,
    file_of,
    file_weights,
    load_durations,
    lpt,
    parse_shard,
    shard,
)


@pytest.mark.parametrize(("text", "expected"), [("1/1", (1, 1)), ("2/4", (2, 4)), (" 3 / 3 ", (3, 3))])
def test_parse_shard(text, expected):
    assert parse_shard(text) == expected


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("2", "expects INDEX/COUNT"),
        ("a/b", "expects INDEX/COUNT"),
        ("-1/2", "expects INDEX/COUNT"),
        ("1/0", "count must be at least 1"),
        ("0/4", "between 1 and 4"),
        ("5/4", "between 1 and 4"),
    ],
)
def test_parse_shard_errors_say_what_is_expected(text, match):
    with pytest.raises(ShardError, match=match):
        parse_shard(text)


def _suite(rng, files=30, max_tests=12):
    nodeids = []
    for f in range(files):
        for t in range(rng.randint(1, max_tests)):
            nodeids.append(f"tests/sub{f % 3}/test_{f}.py::test_{t}")
    return nodeids


def _all_shards(items, count, durations):
    return [shard(items, i, count, durations) for i in range(1, count + 1)]


@pytest.mark.parametrize("seed", range(8))
@pytest.mark.parametrize("count", [1, 2, 3, 7, 50])
@pytest.mark.parametrize("with_durations", [False, True])
def test_shards_partition_the_items(seed, count, with_durations):
    rng = random.Random(seed)
    items = _suite(rng)
    durations = {n: rng.uniform(0, 3) for n in items if rng.random() < 0.7} if with_durations else {}
    shards = _all_shards(items, count, durations)
    flat = [n for s in shards for n in s]
    assert sorted(flat) == sorted(items)  # every test exactly once
    for part in shards:
        members = set(part)
        assert part == [n for n in items if n in members]  # input order kept
    owner = {file_of(n): i for i, part in enumerate(shards) for n in part}
    for i, part in enumerate(shards):
        assert all(owner[file_of(n)] == i for n in part)  # a file is never split
    assert shards == _all_shards(list(items), count, dict(durations))  # deterministic


@pytest.mark.parametrize("seed", range(8))
def test_balanced_by_recorded_durations(seed):
    rng = random.Random(seed)
    items = _suite(rng, files=40)
    durations = {n: rng.expovariate(1.0) for n in items}
    count = 4
    loads = [sum(durations[n] for n in part) for part in _all_shards(items, count, durations)]
    heaviest_file = max(file_weights(sorted({file_of(n) for n in items}), durations))
    # The LPT bound: the last file put on the fullest shard went to the lightest one at the time.
    assert max(loads) - min(loads) <= heaviest_file + 1e-9
    assert max(loads) <= 1.34 * sum(loads) / count + heaviest_file


def test_without_durations_files_are_dealt_evenly():
    items = [f"test_{f}.py::t{t}" for f in range(10) for t in range(f + 1)]
    counts = [len({file_of(n) for n in part}) for part in _all_shards(items, 3, {})]
    assert sorted(counts) == [3, 3, 4]


def test_without_durations_the_order_is_a_stable_hash_not_the_alphabet():
    items = [f"tests/test_db_{i:02d}.py::t" for i in range(12)]
    first = shard(items, 1, 3, {})
    assert len(first) == 4
    assert first != items[:4]  # alphabetical neighbours are spread over the shards
    assert shard(list(reversed(items)), 1, 3, {}) == list(reversed(first))  # independent of input order


def test_worked_example_from_the_docstring():
    durations = {"a.py::t": 8.0, "b.py::t": 5.0, "c.py::t": 4.0, "d.py::t": 3.0}
    items = ["a.py::t", "b.py::t", "c.py::t", "d.py::t", "e.py::t"]
    assert shard(items, 1, 2, durations) == ["a.py::t", "c.py::t"]
    assert shard(items, 2, 2, durations) == ["b.py::t", "d.py::t", "e.py::t"]


def test_unknown_files_weigh_the_mean_of_known_ones():
    durations = {"a.py::t1": 1.0, "a.py::t2": 2.0, "b.py::t": 1.0, "gone.py::t": 100.0}
    assert file_weights(["a.py", "b.py", "new.py"], durations) == [3.0, 1.0, 2.0]
    assert file_weights(["x.py", "y.py"], {}) == [1.0, 1.0]


def test_more_shards_than_files_leaves_some_empty():
    items = ["a.py::t", "b.py::t"]
    shards = _all_shards(items, 5, {})
    assert sorted(n for s in shards for n in s) == items
    assert sum(1 for s in shards if not s) == 3


@dataclass(frozen=True)
class Item:
    nodeid: str


def test_items_with_a_nodeid_are_sharded_like_their_ids():
    ids = _suite(random.Random(1))
    items = [Item(n) for n in ids]
    for index in (1, 2, 3):
        assert [i.nodeid for i in shard(items, index, 3, {})] == shard(ids, index, 3, {})


def test_file_level_targets_shard_like_their_tests():
    """-n with --shard shards the file list before any worker collects: the same split as the tests'."""
    ids = _suite(random.Random(2))
    files = list(dict.fromkeys(file_of(n) for n in ids))
    durations = dict.fromkeys(ids[::3], 1.0)
    for index in (1, 2, 3, 4):
        assert shard(files, index, 4, durations) == list(
            dict.fromkeys(file_of(n) for n in shard(ids, index, 4, durations))
        )


def test_shard_index_out_of_range():
    with pytest.raises(ShardError):
        shard(["a.py::t"], 0, 2, {})


def test_lpt_is_deterministic_and_fills_the_lightest_bin():
    assert lpt([5.0, 1.0, 4.0, 3.0], 2) == [[0, 1], [2, 3]]
    assert lpt([1.0, 1.0, 1.0], 2) == [[0, 2], [1]]
    assert lpt([], 3) == [[], [], []]


def test_load_durations_reads_both_layouts(tmp_path):
    as_object = tmp_path / "object.json"
    as_object.write_text(json.dumps({"a.py::t": 1.5, "b.py::t": 2}))
    as_pairs = tmp_path / "pairs.json"
    as_pairs.write_text(json.dumps([["a.py::t", 1.5], ["b.py::t", 2]]))
    assert load_durations(as_object) == load_durations(as_pairs) == {"a.py::t": 1.5, "b.py::t": 2.0}
    assert load_durations(tmp_path / "missing.json") == {}


@pytest.mark.parametrize("content", ["{not json", '"text"', '{"a.py::t": "slow"}', '[["a.py::t"]]'])
def test_load_durations_errors_name_the_file(tmp_path, content):
    path = tmp_path / ".test_durations"
    path.write_text(content)
    with pytest.raises(ShardError, match=r"cannot read durations from .*\.test_durations"):
        load_durations(path)
