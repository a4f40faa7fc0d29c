"""Loaded through ``pytest_plugins`` in conftest.py: its fixtures become visible everywhere."""

import pytest


@pytest.fixture
def from_plugin():
    return "plugin fixture"
