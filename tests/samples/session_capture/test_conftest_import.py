import sys

import helper_streams


def test_stdout_kept_by_conftest_import():
    assert helper_streams.stdout is sys.stdout


def test_stderr_kept_by_conftest_import():
    assert helper_streams.stderr is sys.stderr
