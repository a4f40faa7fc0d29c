"""A suite checking a failed comparison's message against pytest's private
``_compare_eq_iterable`` (pytest-mock's way): the shim's lines are those the assertion shows."""

import sys

import pytest
from _pytest.assertion._compare_sequence import _compare_eq_iterable


def _plain(text: str, *args: object, **kwargs: object) -> str:
    return text


VERBOSE = int(any(arg.startswith("-v") for arg in sys.argv))


@pytest.mark.parametrize(
    ("left", "right"),
    [(("a", 1, {"x"}), ("b", 2, {"y"})), ([1, 2, 3], [1, 2]), ({"k": 1}, {"k": 2})],
    ids=["tuple", "list", "dict"],
)
def test_the_lines_are_in_the_assertion_message(left: object, right: object) -> None:
    with pytest.raises(AssertionError) as info:
        assert left == right
    expected = "\n  ".join(_compare_eq_iterable(left, right, _plain, VERBOSE))
    assert expected in str(info.value)


def test_verbose_gives_the_full_diff() -> None:
    lines = list(_compare_eq_iterable([1, 2], [1, 3], _plain, 1))
    assert lines[:2] == ["", "Full diff: (-: missing in left side, +: extra in left side)"]
    assert "-     3," in lines and "+     2," in lines


def test_a_wrong_expectation_fails() -> None:
    with pytest.raises(AssertionError) as info:
        assert [1] == [2]
    assert "\n  ".join(_compare_eq_iterable([5], [6], _plain, 1)) in str(info.value)
