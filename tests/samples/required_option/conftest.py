import pytest


def pytest_addoption(parser):
    # required=True: pytest's one parse of every argument (addopts included) must find it.
    parser.addoption("--dsn", required=True)
    parser.addoption("--workers", type=int, default=1)
    parser.addoption("--backend", choices=["memory", "disk"], default="memory")


@pytest.fixture
def dsn(request):
    return request.config.getoption("--dsn")
