import pytest


def pytest_addoption(parser):
    group = parser.getgroup("recording")
    # A renamed option kept under its old dest, as pytest-vcr's deprecated --vcr-record-mode.
    group.addoption("--record-mode", action="store", dest="deprecated_record", default=None)
    # A short and a long name: argparse's dest is the long one's.
    group.addoption("-R", "--replay-all", action="store_true")
    # Not given in any scenario: its value is its declared default, None.
    group.addoption("--dsn", default=None)


@pytest.fixture(scope="module")
def record_mode(request):
    # pytest-vcr's vcr fixture asks by the option string, not the dest.
    return request.config.getoption("--record-mode")
