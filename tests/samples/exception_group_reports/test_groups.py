"""Failures that are, or are chained to, exception groups: pytest shows a group in Python's own
traceback layout (``+ Exception Group Traceback``, each sub-exception's frames), keeping only the
frames it would list, and the chain ends there; an error raised from a group has that layout first,
then its own entry. The report is compared with pytest's in ``test_terminal_layout``."""

import asyncio

import pytest


def helper():
    raise ExceptionGroup("two problems", [ValueError("first"), KeyError("second")])


def test_group():
    helper()


def fails(n):
    __tracebackhide__ = n == 2
    raise ValueError(f"task {n}")


async def task(n):
    await asyncio.sleep(0)
    fails(n)


@pytest.mark.asyncio
async def test_task_group():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(task(1))
        tg.create_task(task(2))


def test_raised_from_group():
    try:
        helper()
    except ExceptionGroup as eg:
        raise RuntimeError("wrapped") from eg


def test_group_while_handling():
    try:
        {}["missing"]
    except KeyError:
        helper()


def test_nested_groups():
    raise ExceptionGroup("outer", [ValueError("a"), ExceptionGroup("inner", [TypeError("b")])])


@pytest.fixture
def broken_resource():
    helper()


def test_fixture_raising_a_group(broken_resource):
    pass


def test_single_exception_group():
    raise ExceptionGroup("one", [OSError("only")])


def test_plain_failure():
    assert 1 + 1 == 3
