"""pytest-asyncio cannot run an async generator test it takes: it adds ``xfail(run=False)`` to it, a
mark like any other (``-m xfail`` selects it, ``--runxfail`` ignores it and the test then fails)."""

import pytest


@pytest.mark.asyncio
async def test_marked_generator():
    yield 1


async def test_unmarked_generator():
    yield 1


@pytest.mark.asyncio
async def test_coroutine():
    pass


@pytest.mark.asyncio
class TestMarkedClass:
    async def test_generator_method(self):
        yield 1

    async def test_method(self):
        pass
