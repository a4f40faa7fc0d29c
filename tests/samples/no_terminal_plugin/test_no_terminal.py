"""``-p no:terminal`` takes pytest's terminal reporter away: a run writes no report at all, only
what the tests print themselves under ``-s``; its exit status is unchanged."""

import pytest

pytest_plugins = ["pytester"]

INNER = """
def test_prints_and_fails():
    print("from the test")
    assert 1 == 2

def test_passes():
    pass
"""


def test_a_failing_run_writes_nothing(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(INNER)
    result = pytester.runpytest_subprocess("-p", "no:terminal")
    assert result.ret == 1
    assert result.stdout.lines == []


def test_only_the_tests_own_output_under_s(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(INNER)
    result = pytester.runpytest_subprocess("-p", "no:terminal", "-s")
    assert result.ret == 1
    assert result.stdout.lines == ["from the test"]


def test_a_passing_run_writes_nothing(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(INNER)
    result = pytester.runpytest_subprocess("-p", "no:terminal", "-k", "passes")
    assert result.ret == 0
    assert result.stdout.lines == []
