"""@given on anyio tests: each example runs on anyio's runner, as anyio's plugin runs them."""

import pytest
from anyio import sleep
from anyio._core._eventloop import current_async_library
from hypothesis import given
from hypothesis.strategies import integers, just

EXAMPLES = []


@pytest.fixture(scope="module")
async def resource():
    await sleep(0)
    yield "r"


@pytest.mark.anyio
@given(x=just(1))
async def test_mark_first(x):
    await sleep(0)
    assert x == 1


@given(x=just(1))
@pytest.mark.anyio
async def test_mark_last(x):
    assert current_async_library() == "asyncio"


@pytest.mark.anyio
@given(x=integers(0, 3))
async def test_every_example_runs(x):
    EXAMPLES.append(x)


def test_the_examples_ran():
    assert EXAMPLES


@pytest.mark.anyio
@given(x=just(1))
async def test_with_the_backend_and_an_async_fixture(x, anyio_backend, resource):
    assert (anyio_backend, resource) == ("asyncio", "r")


@pytest.mark.xfail(strict=True)
@pytest.mark.anyio
@given(x=just(1))
async def test_pytest_fail_in_an_example(x):
    pytest.fail("failed on purpose")


@pytest.mark.anyio
@given(x=integers(0, 10))
async def test_a_failing_example(x):
    assert x < 5


class TestInAClass:
    @pytest.mark.anyio
    @given(x=just(1))
    async def test_method(self, x, anyio_backend):
        assert current_async_library() == anyio_backend


@given(x=just(1))
def test_sync_given(x):
    assert x == 1
