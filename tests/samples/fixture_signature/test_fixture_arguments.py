"""pytest.fixture's own arguments, and loop_scope= where it belongs."""

import asyncio

import pytest
import pytest_asyncio


@pytest.fixture(scope="module", params=[1, 2], ids=["one", "two"], name="number")
def _number(request):
    return request.param


@pytest.fixture
def bare():
    return "bare"


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def module_loop():
    return asyncio.get_running_loop()


@pytest.yield_fixture
def old_style():
    yield "old"


def test_number(number, bare):
    assert number in (1, 2)
    assert bare == "bare"


@pytest.mark.asyncio(loop_scope="module")
async def test_module_loop(module_loop):
    assert module_loop is asyncio.get_running_loop()


def test_yield_fixture(old_style):
    assert old_style == "old"


# pytest_asyncio.fixture takes loop_scope as its second positional argument.
positional_loop_scope = pytest_asyncio.fixture(None, "module")


@positional_loop_scope
async def module_loop_by_position():
    return asyncio.get_running_loop()


@pytest.mark.asyncio(loop_scope="module")
async def test_positional_loop_scope(module_loop_by_position):
    assert module_loop_by_position is asyncio.get_running_loop()
