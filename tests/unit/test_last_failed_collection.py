"""--lf while collecting (asynctestrun._collect.last_failed): what pytest's cache plugin skips and leaves out."""

import dataclasses
from pathlib import Path

from asynctestrun._collect.last_failed import LastFailedFilter


@dataclasses.dataclass(frozen=True)
class Item:
    nodeid: str


def items(*nodeids):
    return [Item(nodeid) for nodeid in nodeids]


def ids(kept):
    return [item.nodeid for item in kept]


def make(tmp_path, lastfailed, initial=()):
    for name in ("a.py", "b.py", "sub/c.py", "d.py"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("")
    return LastFailedFilter.of(dict.fromkeys(lastfailed, True), tmp_path, [tmp_path / p for p in initial])


def test_paths_are_the_failures_files_and_their_directories_that_exist(tmp_path):
    lf = make(tmp_path, ["sub/c.py::t1", "gone.py::t1"])
    assert tmp_path / "sub/c.py" in lf.paths
    assert tmp_path / "sub" in lf.paths
    assert tmp_path / "gone.py" not in lf.paths


def test_files_with_failures_come_first_otherwise_in_order(tmp_path):
    lf = make(tmp_path, ["b.py::t1", "sub/c.py::t1"])
    order = [tmp_path / "a.py", tmp_path / "b.py", tmp_path / "d.py", tmp_path / "sub"]
    assert lf.first(order, lambda path: path) == [
        tmp_path / "b.py",
        tmp_path / "sub",
        tmp_path / "a.py",
        tmp_path / "d.py",
    ]


def test_files_are_skipped_only_once_a_failure_was_collected(tmp_path):
    lf = make(tmp_path, ["b.py::t1"])
    assert not lf.skips(tmp_path / "a.py")
    kept = lf.keep(tmp_path / "b.py", "b.py", items("b.py::t1", "b.py::t2"))
    assert ids(kept) == ["b.py::t1"]
    assert lf.skips(tmp_path / "d.py")
    assert not lf.skips(tmp_path / "b.py")
    assert lf.skipped_files == 1


def test_a_file_whose_records_are_all_stale_is_collected_whole(tmp_path):
    lf = make(tmp_path, ["b.py::removed", "b.py"])
    kept = lf.keep(tmp_path / "b.py", "b.py", items("b.py::t1", "b.py::t2"))
    assert ids(kept) == ["b.py::t1", "b.py::t2"]
    assert not lf.active
    assert not lf.skips(tmp_path / "a.py")


def test_tests_in_classes_are_kept_for_later_deselection(tmp_path):
    lf = make(tmp_path, ["a.py::t1", "b.py::TestK::test_fail"])
    lf.keep(tmp_path / "a.py", "a.py", items("a.py::t1"))
    collected = items("b.py::TestK::test_fail", "b.py::TestK::test_ok", "b.py::test_plain[a::b]")
    kept = lf.keep(tmp_path / "b.py", "b.py", collected)
    assert ids(kept) == ["b.py::TestK::test_fail", "b.py::TestK::test_ok"]


def test_a_failure_inside_a_class_does_not_start_the_skipping(tmp_path):
    # pytest looks for the failures among what the module collects directly: the class, not its tests.
    lf = make(tmp_path, ["b.py::TestK::test_fail"])
    collected = items("b.py::TestK::test_fail", "b.py::TestK::test_ok", "b.py::test_plain")
    assert ids(lf.keep(tmp_path / "b.py", "b.py", collected)) == ids(collected)
    assert not lf.skips(tmp_path / "a.py")


def test_a_file_named_on_the_command_line_keeps_all_its_tests(tmp_path):
    lf = make(tmp_path, ["b.py::t1"], initial=["b.py"])
    assert ids(lf.keep(tmp_path / "b.py", "b.py", items("b.py::t1", "b.py::t2"))) == ["b.py::t1", "b.py::t2"]
    assert lf.skips(tmp_path / "a.py")  # named or not, a file without failures is skipped


def test_workers_are_given_only_the_files_with_failures(tmp_path):
    lf = make(tmp_path, ["b.py::t1", "sub/c.py::t1"])
    assert lf.worker_files(["a.py", "b.py", "d.py", "sub/c.py"], tmp_path) == ["b.py", "sub/c.py"]
    stale = make(tmp_path, ["gone.py::t1"])
    assert stale.worker_files(["a.py", "b.py"], tmp_path) == ["a.py", "b.py"]
