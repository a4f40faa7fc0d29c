"""pytest.exit() in a file's first test: pytest names the file (its id under -v) as the test starts,
so the report shows where the run stopped."""

import pytest


def test_exit_at_once():
    pytest.exit("stopped in the first test")


def test_never_reached():
    pass
