"""``pytest.exit()`` in a session hook, chosen by ``--exit-in``: the session ends with its status."""

import pytest


def pytest_addoption(parser):
    parser.addoption("--exit-in", default="", help="the session hook that calls pytest.exit()")


def pytest_sessionstart(session):
    if session.config.getoption("--exit-in") == "sessionstart":
        pytest.exit("stopped in pytest_sessionstart", returncode=3)


def pytest_collection_modifyitems(config, items):
    if config.getoption("--exit-in") == "modifyitems":
        pytest.exit("stopped in pytest_collection_modifyitems", returncode=0)


def pytest_runtestloop(session):
    if session.config.getoption("--exit-in") == "runtestloop":
        pytest.exit("stopped in pytest_runtestloop")
