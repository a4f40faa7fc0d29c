"""Failures of tests whose item.obj a conftest replaced: pytest cuts their tracebacks at the
replacement's code, not the test function's."""

import pytest

from helpers import gather


def fails():
    raise ValueError("raised in the test file")


@pytest.mark.run_by_conftest
def test_group_of_a_replaced_test():
    gather(fails)


def test_group_of_a_plain_test():
    gather(fails)


@pytest.mark.run_by_conftest
def test_assert_of_a_replaced_test():
    assert 1 == 2


@pytest.mark.run_by_conftest
def test_passes():
    pass
