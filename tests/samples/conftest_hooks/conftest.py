"""The conftest recipes real suites copy from pytest's docs: --runslow, markers, plugins, runtime marks."""

import pytest

pytest_plugins = ["helpers_plugin"]


def pytest_addoption(parser):
    parser.addoption("--runslow", action="store_true", default=False, help="run slow tests")


def pytest_configure(config):
    config.addinivalue_line("markers", "slow: mark test as slow to run")


def pytest_collection_modifyitems(config, items):
    if config.getoption("--runslow"):
        return
    skip_slow = pytest.mark.skip(reason="need --runslow option to run")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip_slow)


@pytest.fixture(name="renamed")
def _renamed_fixture_implementation():
    return "found by its name= argument"


@pytest.fixture
def marks_test_as_xfail(request):
    request.node.add_marker(pytest.mark.xfail(reason="added at run time by a fixture", strict=True))
