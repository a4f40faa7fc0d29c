import pytest


@pytest.fixture
def value():
    return 42


@pytest.mark.myrunner
async def test_async_run_by_the_plugin_wrapper(value):
    assert value == 42


@pytest.mark.myrunner
async def test_async_failing_run_by_the_plugin_wrapper():
    assert False
