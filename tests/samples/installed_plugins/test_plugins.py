"""Fixtures and marks of installed plugins: pytest-mock's mocker, pytest-timeout's timeout mark."""

import asyncio
import os
import time

import pytest


def test_mocker_patches_and_undoes(mocker):
    mocker.patch("os.getcwd", return_value="/nowhere")
    assert os.getcwd() == "/nowhere"


def test_the_patch_was_undone():
    assert os.getcwd() != "/nowhere"


@pytest.mark.asyncio
async def test_async_mock(mocker):
    fetch = mocker.AsyncMock(return_value=42)
    assert await fetch() == 42
    fetch.assert_awaited_once()


def test_spy(mocker):
    spy = mocker.spy(os.path, "join")
    os.path.join("a", "b")
    spy.assert_called_once_with("a", "b")


@pytest.mark.timeout(0.5)
@pytest.mark.asyncio
async def test_async_test_past_its_timeout_fails():
    await asyncio.sleep(5)


@pytest.mark.timeout(0.5)
def test_sync_test_past_its_timeout_fails():
    time.sleep(5)


@pytest.mark.timeout(5)
@pytest.mark.asyncio
async def test_within_its_timeout_passes():
    await asyncio.sleep(0.01)
