"""Skipped and expected-to-fail blocks of the ``subtests`` fixture in the short test summary."""

import pytest


def test_first_skip_is_a_subtests(subtests):
    with subtests.test("skips"):
        pytest.skip("block skipped")
    with subtests.test("passes"):
        pass


@pytest.mark.skip(reason="marked")
def test_marked_skip():
    pass


def test_expected_failure_in_a_block(subtests):
    with subtests.test(i=1):
        pytest.xfail("not yet")


@pytest.mark.xfail(reason="marked xfail")
def test_marked_xfail():
    assert 0
