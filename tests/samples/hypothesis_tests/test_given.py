"""hypothesis's pytest plugin's checks, made by asynctestrun in its place: decorators without
``@given``, a ``@composite`` strategy collected as a test, the function-scoped fixture health check;
async ``@given`` tests run each example on the test's loop."""

import asyncio

import pytest
from hypothesis import HealthCheck, example, given, settings, strategies as st


@given(st.integers())
async def test_async_given(x):
    await asyncio.sleep(0)
    assert isinstance(x, int)


@given(st.integers(min_value=0, max_value=10))
async def test_async_given_finds_a_counterexample(x):
    assert x < 5


@pytest.fixture
def function_value():
    return 3


@pytest.fixture(scope="module")
def module_value():
    return 4


@pytest.fixture(autouse=True)
def autouse_function_fixture():
    return None


@given(st.integers())
def test_function_scoped_fixture_fails_the_health_check(function_value, x):
    pass


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=5)
@given(x=st.integers())
async def test_suppressed_health_check(function_value, x):
    assert function_value == 3


@given(st.integers())
def test_module_scoped_fixture_is_fine(module_value, x):
    assert module_value == 4


@example(1)
def test_example_without_given(x=0):
    pass


@settings(max_examples=3)
def test_settings_without_given():
    pass


@st.composite
def test_composite_collected_as_a_test(draw):
    return draw(st.integers())


@pytest.mark.parametrize("p", [1, 2])
@given(st.integers())
async def test_parametrized(p, x):
    assert p in (1, 2)


@pytest.fixture(params=["a", "b"], scope="module")
def letter(request):
    return request.param


@given(st.booleans())
def test_fixture_params(letter, b):
    assert letter in "ab"


class TestMethods:
    @given(st.booleans())
    async def test_async_method(self, b):
        assert b in (True, False)
