import sys

import pytest

CALLS = []


@pytest.fixture
def tracked():
    CALLS.append("tracked")
    yield
    CALLS.append("tracked done")


@pytest.mark.skip(reason="not today")
def test_skip_mark_skips():
    raise AssertionError("must not run")


@pytest.mark.skipif(sys.version_info > (3,), reason="condition is true")
def test_skipif_true_condition_skips():
    raise AssertionError("must not run")


@pytest.mark.skipif(False, reason="condition is false")
def test_skipif_false_condition_runs():
    pass


@pytest.mark.skipif("sys.platform == 'no-such-platform'", reason="string condition")
def test_skipif_string_condition_is_evaluated():
    pass


@pytest.mark.xfail(reason="known bug")
def test_xfail_that_fails_is_xfailed():
    assert 1 == 2


@pytest.mark.xfail(reason="already fixed")
def test_xfail_that_passes_is_xpassed():
    pass


@pytest.mark.xfail(strict=True, reason="must fail")
def test_strict_xfail_that_passes_fails():
    pass


@pytest.mark.xfail(raises=ZeroDivisionError)
def test_xfail_raises_matching_exception_is_xfailed():
    1 / 0  # noqa: B018


@pytest.mark.xfail(raises=ZeroDivisionError)
def test_xfail_raises_other_exception_fails():
    raise KeyError("not the expected error")


@pytest.mark.xfail(run=False, reason="would hang")
def test_xfail_run_false_is_not_run():
    raise SystemExit("must not run")


@pytest.mark.asyncio
@pytest.mark.xfail(reason="async bug")
async def test_async_xfail_is_xfailed():
    raise RuntimeError("boom")


def test_imperative_skip():
    pytest.skip("decided at run time")


def test_imperative_xfail():
    pytest.xfail("decided at run time")


def test_imperative_fail():
    pytest.fail("explicit failure")


@pytest.mark.usefixtures("tracked")
def test_usefixtures_runs_the_fixture():
    assert CALLS == ["tracked"]


def test_usefixtures_teardown_ran():
    assert CALLS == ["tracked", "tracked done"]


@pytest.mark.skip(reason="whole class")
class TestSkippedClass:
    def test_method_is_skipped(self):
        raise AssertionError("must not run")
