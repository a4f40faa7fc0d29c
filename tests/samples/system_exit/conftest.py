"""sys.exit() where pytest's session wrapper runs (pytest_configure to the test loop's end) is an
internal error, exit 3, whatever its code; in pytest_sessionfinish or pytest_unconfigure the process
exits with its code (after the report, from pytest_unconfigure)."""

import sys


def pytest_addoption(parser):
    parser.addoption("--exit-in", default="", help="the hook that calls sys.exit()")


def pytest_configure(config):
    if config.getoption("--exit-in") == "configure":
        sys.exit(0)


def pytest_collection_modifyitems(config, items):
    if config.getoption("--exit-in") == "modifyitems":
        sys.exit("leaving while collecting")


def pytest_sessionfinish(session):
    if session.config.getoption("--exit-in") == "sessionfinish":
        sys.exit(5)


def pytest_unconfigure(config):
    if config.getoption("--exit-in") == "unconfigure":
        sys.exit(6)
    if config.getoption("--exit-in") == "unconfigure-error":
        raise RuntimeError("an error after the report: its traceback, exit status 1")
