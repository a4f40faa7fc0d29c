import pytest
from helpers import check_total


def test_a_passing_check():
    check_total([1, 2], 3)


def test_a_failing_check_is_a_plain_assert():
    with pytest.raises(AssertionError) as info:
        check_total([1, 2], 4)
    assert str(info.value) == ""
