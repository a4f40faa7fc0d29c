import pytest


def pytest_addoption(parser):
    parser.addoption("--sort-items", action="store_true")
    parser.addoption("--reverse-first", action="store_true")


@pytest.fixture(scope="session", params=[1, 2])
def backend(request):
    return request.param


def pytest_collection_modifyitems(config, items):
    # An initial conftest: pytest calls it after its fixture manager has regrouped the tests by the
    # session-scoped parameter, so this order is the one the tests run in.
    if config.getoption("sort_items"):
        items.sort(key=lambda item: item.nodeid)
