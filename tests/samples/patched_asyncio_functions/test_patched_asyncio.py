"""Async tests that replace asyncio's functions with fakes that fail: pytest-asyncio's
asyncio.Runner calls asyncio's own (bound in its modules), so the fakes only reach the test's code."""

import asyncio
from unittest import mock

import pytest


def _refuses(*args):
    raise RuntimeError("not for the runner")


@pytest.mark.asyncio
async def test_all_tasks_replaced(monkeypatch):
    monkeypatch.setattr(asyncio, "all_tasks", _refuses)
    await asyncio.sleep(0)


@pytest.mark.asyncio
async def test_set_event_loop_replaced(monkeypatch):
    monkeypatch.setattr(asyncio, "set_event_loop", _refuses)
    await asyncio.sleep(0)


@pytest.mark.asyncio
async def test_all_tasks_mocked_while_a_task_runs():
    task = asyncio.ensure_future(asyncio.sleep(10))
    with mock.patch("asyncio.all_tasks", side_effect=RuntimeError("mocked")):
        with pytest.raises(RuntimeError, match="mocked"):
            asyncio.all_tasks()
    task.cancel()


@pytest.fixture
def no_set_event_loop(monkeypatch):
    monkeypatch.setattr(asyncio, "set_event_loop", _refuses)


@pytest.mark.asyncio
async def test_set_event_loop_replaced_by_a_fixture(no_set_event_loop):
    await asyncio.sleep(0)


@pytest.mark.asyncio
async def test_after_them():
    await asyncio.sleep(0)
