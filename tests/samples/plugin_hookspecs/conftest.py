"""A plugin-like conftest: declares its own hook with pytest_addhooks, calls it from pytest_configure
and hands what the implementations added to the tests through a fixture."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from eventlog import record  # noqa: E402

SETTINGS = {}


def pytest_addhooks(pluginmanager):
    import myhooks

    record("addhooks")
    pluginmanager.add_hookspecs(myhooks)


def pytest_configure(config):
    config.hook.pytest_collect_settings(settings=SETTINGS, config=config)
    record(f"settings {sorted(SETTINGS.items())}")


def pytest_collect_settings(settings, config):
    settings["root"] = "conftest"


@pytest.fixture
def settings():
    return SETTINGS
