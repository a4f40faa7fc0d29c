"""Duplicate parametrize ids are a collection error of the module under strict_parametrization_ids."""

import pytest


@pytest.mark.parametrize("x", [1, 1, 2])
def test_duplicate_values(x):
    pass


def test_never_runs():
    pass
