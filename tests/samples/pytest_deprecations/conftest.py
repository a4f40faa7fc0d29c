import pytest


class Plugin:
    """A plugin object's fixtures are bound to it: ``self`` is not a fixture."""

    @pytest.fixture
    def plugin_value(self):
        return 3

    @pytest.fixture(scope="session")
    def plugin_session_value(self):
        return 4


def pytest_configure(config):
    config.pluginmanager.register(Plugin(), "sample-plugin")
