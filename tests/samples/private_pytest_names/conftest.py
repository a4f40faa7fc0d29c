"""What plugins import from pytest's private modules while they load, and two things they do with
pytest's machinery: add a fixture to tests from a collection hook (pytest-freezer), and replace the
terminal reporter with a subclass (pytest-pretty, pytest-sugar)."""

import sys

import pytest
from _pytest._code import getfslineno  # noqa: F401 - pytest-forked
from _pytest._code.code import ExceptionChainRepr, ExceptionRepr, ReprEntry, ReprExceptionInfo  # noqa: F401
from _pytest._io.saferepr import saferepr  # noqa: F401 - pytest-unordered
from _pytest.assertion.util import _compare_eq_any  # noqa: F401 - pytest-unordered
from _pytest.compat import safe_getattr  # noqa: F401
from _pytest.config import create_terminal_writer  # noqa: F401 - pytest-split
from _pytest.fixtures import TopRequest  # noqa: F401
from _pytest.reports import BaseReport, CollectReport, TestReport  # noqa: F401
from _pytest.skipping import evaluate_xfail_marks, xfailed_key  # noqa: F401 - pytest-assume
from _pytest.terminal import TerminalReporter, format_session_duration  # noqa: F401 - pytest-sugar

STAMPS = []


@pytest.fixture
def stamp():
    STAMPS.append("set up")
    yield
    STAMPS.append("torn down")


def pytest_collection_modifyitems(items):
    for item in items:
        if item.get_closest_marker("stamped"):
            item.fixturenames.insert(0, "stamp")


class QuietReporter(TerminalReporter):
    """A restyled reporter, registered in place of pytest's as the restyling plugins do."""


@pytest.hookimpl(trylast=True)
def pytest_configure(config):
    standard = config.pluginmanager.getplugin("terminalreporter")
    config.pluginmanager.unregister(standard)
    config.pluginmanager.register(QuietReporter(config, sys.stdout), "terminalreporter")


def pytest_cmdline_main(config):
    return None  # nothing to do instead of the run: pytest's own main goes on
