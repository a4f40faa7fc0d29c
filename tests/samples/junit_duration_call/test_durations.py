"""junit_duration_report = call: a testcase's time is its call's, not its slow set-up's and teardown's."""

import asyncio
import time

import pytest


@pytest.fixture
def slow_setup_and_teardown():
    time.sleep(0.2)
    yield
    time.sleep(0.2)


def test_quick_call(slow_setup_and_teardown):
    pass


async def test_slow_call():
    await asyncio.sleep(0.3)
