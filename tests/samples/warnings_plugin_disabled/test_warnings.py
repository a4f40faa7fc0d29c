"""Run with and without ``-p no:warnings``: without pytest's warnings plugin no filter (ini, -W,
mark) is applied around a test, no warning is recorded, and a filter a test sets is not undone."""

import warnings

import pytest


class ProbeWarning(Warning):
    """Python's own filters show it (action "default"); nothing here turns it into an error."""


def test_user_warning():
    warnings.warn("careful", UserWarning)


@pytest.mark.filterwarnings("ignore::UserWarning")
def test_mark_ignores():
    warnings.warn("careful", UserWarning)


@pytest.mark.filterwarnings("error::RuntimeWarning")
def test_mark_errors():
    warnings.warn("runtime", RuntimeWarning)


def test_pytest_warns():
    with pytest.warns(UserWarning):
        warnings.warn("expected", UserWarning)


@pytest.mark.asyncio
async def test_async_user_warning():
    warnings.warn("from a coroutine", UserWarning)


def test_sets_a_filter():
    warnings.simplefilter("error", ProbeWarning)


def test_after_the_filter():
    warnings.warn("probe", ProbeWarning)
