import asyncio

import pytest

from conftest import MODULE_SETUPS


@pytest.mark.flaky(retries=2)
def test_passes_on_the_second_attempt(attempt, module_resource):
    assert attempt == 2
    assert module_resource == 2


@pytest.mark.flaky(retries=2)
def test_fails_every_attempt(attempt):
    assert attempt > 5, f"attempt {attempt}"


@pytest.mark.flaky
def test_bare_mark_retries_once(attempt):
    assert attempt == 3


@pytest.mark.flaky(retries=0)
def test_zero_retries_still_retries_once(attempt):
    assert attempt == 2


@pytest.mark.flaky(retries=3, only_on=[KeyError])
def test_only_on_another_error_is_not_retried(attempt):
    raise ValueError(f"attempt {attempt}")


@pytest.mark.flaky(retries=3, only_on=[LookupError])
def test_only_on_a_base_class_is_not_retried(attempt):
    raise KeyError(f"attempt {attempt}")  # the filter compares exact types


@pytest.mark.flaky(retries=3, exclude=[KeyError])
def test_an_excluded_error_is_not_retried(attempt):
    raise KeyError(f"attempt {attempt}")


@pytest.mark.flaky(retries=3, condition=False)
def test_condition_false_is_not_retried(attempt):
    assert attempt == 2


@pytest.mark.flaky(retries=2)
def test_a_skip_is_not_retried(attempt):
    pytest.skip(f"attempt {attempt}")


@pytest.mark.flaky(retries=2)
@pytest.mark.xfail(reason="expected")
def test_an_expected_failure_is_not_retried(attempt):
    assert attempt == 2


@pytest.fixture
def broken(attempt):
    raise RuntimeError(f"set-up, attempt {attempt}")


@pytest.mark.flaky(retries=2)
def test_a_setup_error_is_not_retried(broken):
    pass


@pytest.mark.flaky(retries=1)
@pytest.mark.asyncio
async def test_async_test_is_retried(attempt):
    await asyncio.sleep(0)
    assert attempt == 2


def test_unmarked_is_not_retried(attempt):
    assert attempt == 2


def test_module_fixture_was_set_up_for_each_retry():
    assert MODULE_SETUPS == [1, 2]
