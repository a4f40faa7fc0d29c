"""pytest command-line options a suite's addopts may carry: each changes the run as under pytest."""

import asyncio
import logging
import warnings

import pytest


def test_warns_once():
    warnings.warn("deprecated helper", UserWarning)


@pytest.mark.asyncio
async def test_async_needs_the_asyncio_plugin():
    await asyncio.sleep(0)


def test_noisy_logger_can_be_disabled(caplog):
    # With --log-disable=noisy nothing reaches caplog; its child logger is not disabled with it.
    logging.getLogger("noisy").warning("chatter")
    logging.getLogger("noisy.child").warning("child chatter")
    assert [r.name for r in caplog.records] == ["noisy.child"]


def test_prints_and_passes(capsys):
    print("to stdout")


@pytest.mark.asyncio
async def test_leaves_a_task_running():
    # asynctestrun reports the task left pending (a warning pytest does not give): not counted
    # against --max-warnings.
    asyncio.get_running_loop().create_task(asyncio.sleep(10))
