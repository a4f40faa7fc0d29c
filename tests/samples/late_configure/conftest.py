# pytest_configure is a historic hook: a plugin registered later, even from inside another plugin's
# pytest_configure (inline-snapshot sets its state up this way), and a conftest first imported during
# collection (sub/conftest.py) get it called when they register.
import pytest

from record import CALLS


class LatePlugin:
    def pytest_configure(self, config):
        CALLS.append("late plugin")


def pytest_addoption(parser):
    # A declared option, never given: the paths on the command line must still select what runs.
    parser.addoption("--flavour", default="plain")


def pytest_configure(config):
    CALLS.append("root conftest")
    config.pluginmanager.register(LatePlugin(), "late-plugin")


@pytest.fixture
def calls():
    return CALLS
