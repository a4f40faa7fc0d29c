"""HookedErrors (asynctestrun._execute.unraisable): what the collection after the last test frees."""

import sys
import warnings

from asynctestrun._declare.pytest_warnings import PytestUnraisableExceptionWarning
from asynctestrun._execute.unraisable import HookedErrors


class _RaisesWhenFreed:
    def __init__(self) -> None:
        self.self = self  # a cycle: only the garbage collector frees it

    def __del__(self) -> None:
        raise ValueError("raised in __del__")


def _left_in_a_cycle() -> None:
    _RaisesWhenFreed()


def test_an_unraisable_made_an_error_by_the_session_filters_is_returned() -> None:
    hooked = HookedErrors()
    saved = sys.unraisablehook
    hooked.install()
    _left_in_a_cycle()
    leftovers, error = hooked.uninstall(lambda: warnings.simplefilter("error"))
    assert sys.unraisablehook is saved
    assert leftovers == []
    assert isinstance(error, PytestUnraisableExceptionWarning)
    assert isinstance(error.__cause__, ValueError)


def test_otherwise_it_is_a_warning_for_the_session() -> None:
    hooked = HookedErrors()
    hooked.install()
    _left_in_a_cycle()
    leftovers, error = hooked.uninstall(lambda: warnings.simplefilter("always"))
    assert error is None
    assert [category for category, _ in leftovers] == ["PytestUnraisableExceptionWarning"]
    assert "raised in __del__" in leftovers[0][1]


def test_an_ignored_one_is_dropped() -> None:
    hooked = HookedErrors()
    hooked.install()
    _left_in_a_cycle()
    leftovers, error = hooked.uninstall(lambda: warnings.simplefilter("ignore"))
    assert (leftovers, error) == ([], None)
