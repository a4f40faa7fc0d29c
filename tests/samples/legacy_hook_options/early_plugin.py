"""Loaded with ``-p early_plugin``: its import-time warning and its old-style hook mark are in the
warnings summary, as pytest records them while loading plugins."""

import pytest


@pytest.yield_fixture
def early_value():
    yield 1


@pytest.mark.trylast
def pytest_runtest_setup(item):
    pass
