"""pytest_runtest_protocol wrappers around each test: an old-style hookwrapper here, a new-style
tryfirst wrapper in a plugin module (one module cannot hold two of the same name)."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from eventlog import record  # noqa: E402

pytest_plugins = ["newstyle"]


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item, nextitem):
    record(f"protocol start {item.name} next={nextitem.name if nextitem else None}")
    yield
    record(f"protocol end {item.name}")
