"""Tests marked flaky: each fails a known number of times before it passes (pytest-rerunfailures)."""

import unittest

import pytest

from attempts import COUNTS, attempt


@pytest.mark.flaky(reruns=2)
def test_passes_on_second_attempt():
    assert attempt("second") >= 2


@pytest.mark.flaky(reruns=1)
def test_fails_every_attempt():
    attempt("always")
    assert False


@pytest.mark.flaky(reruns=3)
@pytest.mark.asyncio
async def test_async_passes_on_third_attempt():
    assert attempt("async") >= 3


@pytest.mark.flaky(reruns=1)
def test_module_fixture_set_up_again(module_resource):
    assert module_resource == "ready"


@pytest.mark.flaky(reruns=1)
def test_teardown_error_is_rerun(flaky_teardown):
    pass


@pytest.fixture
def skips_in_teardown():
    yield
    raise unittest.SkipTest("a skip in teardown is not a failure")


@pytest.mark.flaky(reruns=2)
def test_teardown_skip_is_not_rerun(skips_in_teardown):
    pass


@pytest.mark.flaky(reruns=2, only_rerun=["ConnectionError"])
def test_only_rerun_does_not_match():
    attempt("only")
    raise ValueError("not a connection problem")


@pytest.mark.flaky(reruns=2, rerun_except="KeyError")
def test_rerun_except_matches():
    attempt("except")
    raise KeyError("never rerun")


@pytest.mark.flaky(reruns=2, condition="sys.platform == 'no-such-platform'")
def test_condition_false_means_no_rerun():
    attempt("condition")
    assert False


@pytest.mark.flaky(reruns=2)
@pytest.mark.xfail(reason="expected failures are not rerun")
def test_expected_failure_not_rerun():
    attempt("xfail")
    assert False


class TestInstance:
    seen = 0

    @pytest.mark.flaky(reruns=1)
    def test_fresh_instance_per_attempt(self):
        self.seen += 1
        assert self.seen == 1  # a new instance each attempt
        assert attempt("instance") >= 2


@pytest.mark.flaky(reruns=1)
@pytest.mark.parametrize("n", [1, 2])
def test_parametrized(n):
    assert attempt(f"param{n}") >= 2


def test_unmarked_is_not_rerun():
    attempt("unmarked")
    assert False


def test_zz_attempt_counts():
    assert COUNTS == {
        "second": 2,
        "always": 2,
        "async": 3,
        "module_resource": 2,
        "flaky_teardown": 2,
        "only": 1,
        "except": 1,
        "condition": 1,
        "xfail": 1,
        "instance": 2,
        "param1": 2,
        "param2": 2,
        "unmarked": 1,
    }
