"""Registered and built-in marks are fine; warnings inside tests are errors there too."""

import warnings

import pytest


@pytest.mark.slow
def test_registered_mark():
    pass


@pytest.mark.asyncio
async def test_asyncio_mark():
    pass


def test_warning_in_a_test_fails_it():
    warnings.warn("deprecated call", DeprecationWarning)


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_mark_filter_wins():
    warnings.warn("deprecated call", DeprecationWarning)


def test_ini_ignore_applies_in_tests():
    warnings.warn("legacy helper", UserWarning)
