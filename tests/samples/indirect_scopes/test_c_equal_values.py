"""A fixture instance is reused while the parameter compares equal, whichever list it came from."""

import pytest

SETUPS = []


@pytest.fixture(scope="module")
def res(request):
    SETUPS.append(request.param)
    return request.param


@pytest.mark.parametrize("res", ["x", "y"], indirect=True)
def test_a(res):
    assert res in "xy"


@pytest.mark.parametrize("res", ["y", "x"], indirect=True)
def test_b(res):
    assert res in "xy"


@pytest.mark.parametrize("res", [[1], [1]], indirect=True)
def test_equal_lists(res):
    assert res == [1]


@pytest.mark.parametrize("res", [1000, 1000.0], indirect=True)
def test_equal_numbers(res):
    assert res == 1000


def test_setups():
    assert SETUPS == ["x", "y", [1], 1000]
