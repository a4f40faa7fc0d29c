"""Older runs' temporary directories are deleted when the session ends, as pytest's tmpdir plugin does
at pytest_sessionfinish, not while a test makes the run's base temp: there the deletion counted
against that test's timeout, and a suite leaving hundreds of directories had its first tmp_path test,
or a session fixture and so every test, time out."""

from conftest import PLANTED, TEMP_ROOT


def test_base_temp_is_in_the_planted_root(tmp_path):
    assert TEMP_ROOT in tmp_path.parents


def test_older_runs_are_still_there_while_tests_run(tmp_path_factory):
    tmp_path_factory.mktemp("more")
    assert [path for path in PLANTED if not path.exists()] == []
