"""TempPathFactory and make_tmp_path (asynctestrun._builtins.tmpdir), isolated under tmp_path."""

import os

import pytest

from asynctestrun._builtins.tmpdir import TempPathFactory, make_numbered_dir, make_tmp_path


def _user_root(temproot):
    (root,) = [p for p in temproot.iterdir() if p.name.startswith("asynctestrun-of-")]
    return root


def test_basetemp_is_numbered_per_run(tmp_path):
    first = TempPathFactory(temproot=tmp_path).getbasetemp()
    second = TempPathFactory(temproot=tmp_path).getbasetemp()
    assert first.name == "asynctestrun-0"
    assert second.name == "asynctestrun-1"
    assert first.parent == second.parent == _user_root(tmp_path)
    assert (first.parent / "asynctestrun-current").resolve() == second


def test_basetemp_is_created_once_per_factory(tmp_path):
    factory = TempPathFactory(temproot=tmp_path)
    assert factory.getbasetemp() is factory.getbasetemp()


def test_user_root_is_private(tmp_path):
    TempPathFactory(temproot=tmp_path).getbasetemp()
    assert _user_root(tmp_path).stat().st_mode & 0o077 == 0


def test_only_recent_runs_are_kept(tmp_path):
    factories = [TempPathFactory(temproot=tmp_path, retention_count=3) for _ in range(5)]
    for factory in factories:
        factory.getbasetemp()
        factory.close()  # released: old ones may be deleted
    names = sorted(p.name for p in _user_root(tmp_path).iterdir() if p.name[-1].isdigit())
    assert names == ["asynctestrun-2", "asynctestrun-3", "asynctestrun-4"]


def _run_and_close(temproot, retention_count=1):
    factory = TempPathFactory(temproot=temproot, retention_count=retention_count)
    factory.getbasetemp()
    factory.close()


def test_directory_locked_by_a_live_run_is_kept(tmp_path):
    live = TempPathFactory(temproot=tmp_path, retention_count=1)
    live_dir = live.getbasetemp()  # lock holds our own (alive) pid
    for _ in range(2):
        _run_and_close(tmp_path)
    assert live_dir.exists()
    live.close()
    _run_and_close(tmp_path)
    assert not live_dir.exists()


def test_older_runs_are_deleted_when_the_session_ends_not_when_the_base_temp_is_made(tmp_path):
    # As pytest (cleanup at pytest_sessionfinish): making the base temp happens inside a test, whose
    # timeout must not count the deletion of old runs.
    for _ in range(3):
        _run_and_close(tmp_path)
    factory = TempPathFactory(temproot=tmp_path, retention_count=1)
    factory.getbasetemp()
    names = sorted(p.name for p in _user_root(tmp_path).iterdir() if p.name[-1].isdigit())
    assert names == ["asynctestrun-2", "asynctestrun-3"]
    factory.close()
    names = sorted(p.name for p in _user_root(tmp_path).iterdir() if p.name[-1].isdigit())
    assert names == ["asynctestrun-3"]


def test_given_basetemp_is_wiped_and_used(tmp_path):
    given = tmp_path / "given"
    given.mkdir()
    (given / "stale.txt").write_text("old")
    factory = TempPathFactory(given)
    assert factory.getbasetemp() == given.resolve()
    assert list(given.iterdir()) == []


def test_mktemp_numbered_and_plain(tmp_path):
    factory = TempPathFactory(tmp_path / "base")
    assert factory.mktemp("data").name == "data0"
    assert factory.mktemp("data").name == "data1"
    plain = factory.mktemp("exact", numbered=False)
    assert plain.name == "exact" and plain.is_dir()
    with pytest.raises(FileExistsError):
        factory.mktemp("exact", numbered=False)


@pytest.mark.parametrize("bad", ["../escape", "/absolute", "a/b"])
def test_mktemp_refuses_paths_outside_basetemp(tmp_path, bad):
    factory = TempPathFactory(tmp_path / "base")
    with pytest.raises(ValueError, match="is not a normalized and relative path"):
        factory.mktemp(bad)


def test_make_tmp_path_sanitises_and_truncates(tmp_path):
    factory = TempPathFactory(tmp_path / "base")
    assert make_tmp_path(factory, "test_add[1-2]").name == "test_add_1_2_0"
    assert make_tmp_path(factory, "test_add[1-2]").name == "test_add_1_2_1"
    long_name = "test_" + "x" * 40 + "[param]"
    path = make_tmp_path(factory, long_name)
    assert path.name == long_name[:30] + "0"
    assert path.parent == factory.getbasetemp()


def test_make_numbered_dir_skips_taken_numbers(tmp_path):
    (tmp_path / "run-0").mkdir()
    (tmp_path / "run-7").mkdir()
    (tmp_path / "run-x").mkdir()
    assert make_numbered_dir(tmp_path, "run-").name == "run-8"


def test_dirs_are_private(tmp_path):
    factory = TempPathFactory(temproot=tmp_path)
    assert os.stat(factory.getbasetemp()).st_mode & 0o077 == 0
