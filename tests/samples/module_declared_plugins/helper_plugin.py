"""A plugin module the test module names in its pytest_plugins (not a test file)."""

import pytest


@pytest.fixture
def greeting() -> str:
    return "hello"
