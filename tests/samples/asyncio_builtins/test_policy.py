"""Overriding event_loop_policy: the tests' loops come from the suite's own policy."""

import asyncio

import pytest


class CountingPolicy(asyncio.DefaultEventLoopPolicy):
    made = 0

    def new_event_loop(self):
        CountingPolicy.made += 1
        loop = super().new_event_loop()
        loop.made_by_counting_policy = True
        return loop


@pytest.fixture(scope="module")
def event_loop_policy():
    return CountingPolicy()


@pytest.mark.asyncio
async def test_loop_comes_from_the_policy():
    assert getattr(asyncio.get_running_loop(), "made_by_counting_policy", False)


@pytest.mark.asyncio
async def test_each_function_loop_is_a_new_one():
    assert CountingPolicy.made >= 2
