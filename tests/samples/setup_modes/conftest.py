"""A fixture only this conftest defines, and a file it keeps out of collection: both go with --noconftest."""

import pytest
from eventlog import record

collect_ignore = ["test_ignored_by_conftest.py"]


@pytest.fixture
def from_conftest():
    record("setup from_conftest")
    yield "conftest"
    record("teardown from_conftest")
