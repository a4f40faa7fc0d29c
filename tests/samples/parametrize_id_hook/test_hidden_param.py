"""pytest.HIDDEN_PARAM: a parameter set that adds nothing to the test id."""

import pytest


@pytest.mark.parametrize("x", [pytest.param(1, id=pytest.HIDDEN_PARAM)])
def test_only_hidden(x):
    assert x == 1


@pytest.mark.parametrize("x", [pytest.param(1, id=pytest.HIDDEN_PARAM), 2])
def test_one_hidden(x):
    pass


@pytest.mark.parametrize("y", ["a", "b"])
@pytest.mark.parametrize("x", [pytest.param(1, id=pytest.HIDDEN_PARAM)])
def test_stacked(x, y):
    pass


@pytest.mark.parametrize("x", [1, 2], ids=[pytest.HIDDEN_PARAM, "two"])
def test_ids_list(x):
    pass
