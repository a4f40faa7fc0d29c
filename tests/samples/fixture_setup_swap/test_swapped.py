import asyncio

import pytest

from conftest import LOG


@pytest.fixture
async def answer(own_loop):
    await asyncio.sleep(0)
    return 42


@pytest.fixture
async def resource(own_loop):
    LOG.append("resource up")
    yield asyncio.get_running_loop()
    LOG.append("resource down")


def test_a_coroutine_fixture_runs_through_the_swapped_function(answer):
    assert answer == 42
    assert ("looked up", "own_loop", True) in LOG


def test_an_async_generator_fixture_is_torn_down_by_the_plugin(resource, own_loop):
    assert resource is own_loop
    assert LOG.count("resource up") == 1


def test_the_teardown_ran():
    assert LOG.count("resource down") == 1


async def test_an_async_test_on_the_plugins_loop(answer, own_loop):
    assert asyncio.get_running_loop() is own_loop
    assert answer == 42


def test_the_lookup_gives_the_value(request):
    fixturedef = request._get_active_fixturedef("own_loop")
    assert fixturedef.cached_result[0] is request.getfixturevalue("own_loop")


def test_a_failing_fixture_assertion(answer):
    assert answer == 43
