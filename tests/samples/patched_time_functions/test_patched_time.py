"""Tests that replace time's and os's functions the runner might use itself: pytest times its
phases and reads its capture with functions it bound at import, so the fakes only see the test."""

import asyncio
import os
import time
from unittest import mock

import pytest


def elapsed(clock):
    start = clock()
    return clock() - start


@pytest.fixture
def two_perf_counter_readings(monkeypatch):
    monkeypatch.setattr(time, "perf_counter", mock.Mock(side_effect=[10.0, 12.5]))


@pytest.fixture
def two_time_readings(monkeypatch):
    monkeypatch.setattr(time, "time", mock.Mock(side_effect=[100.0, 101.0]))


def test_perf_counter_readings_are_the_tests(two_perf_counter_readings):
    assert elapsed(time.perf_counter) == 2.5


def test_time_readings_are_the_tests(two_time_readings):
    assert elapsed(time.time) == 1.0


@pytest.mark.asyncio
async def test_async_perf_counter_readings_are_the_tests(two_perf_counter_readings):
    await asyncio.sleep(0)
    assert elapsed(time.perf_counter) == 2.5


def test_perf_counter_that_is_no_number(monkeypatch):
    monkeypatch.setattr(time, "perf_counter", lambda: "not a number")


def test_time_that_is_no_number(monkeypatch):
    monkeypatch.setattr(time, "time", lambda: "not a number")


def test_perf_counter_replaced_in_a_subtest(subtests, monkeypatch):
    with subtests.test("replaced"):
        monkeypatch.setattr(time, "perf_counter", lambda: "not a number")


def test_lseek_that_fails(monkeypatch):
    def fails(*args):
        raise OSError("no seeking here")

    monkeypatch.setattr(os, "lseek", fails)
    print("captured while lseek fails")


def test_after_them():
    pass


def _no_relpath(*args, **kwargs):
    raise RuntimeError("relpath is broken")


def test_relpath_that_fails_in_a_failing_test(monkeypatch):
    # The failure's frames are placed relative to the working directory after the call, while the
    # replacement is still in force: it is reported as this test's failure.
    monkeypatch.setattr(os.path, "relpath", _no_relpath)
    assert 0
