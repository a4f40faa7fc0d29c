import pytest

_deselected: list[str] = []


def pytest_deselected(items):
    # pytest tells plugins which tests -k, -m and --deselect left out (pytest-testmon, pytest-picked).
    _deselected.extend(item.nodeid for item in items)


@pytest.fixture
def deselected():
    return sorted(_deselected)
