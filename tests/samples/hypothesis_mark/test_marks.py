"""hypothesis's plugin marks every @given test ``hypothesis``, so ``-m hypothesis`` selects them."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st


@settings(max_examples=3)
@given(st.integers())
def test_given(n):
    assert isinstance(n, int)


@settings(max_examples=3)
@given(st.integers())
async def test_async_given(n):
    assert isinstance(n, int)


@pytest.mark.parametrize("x", [1, 2])
@settings(max_examples=3)
@given(st.integers())
def test_parametrized_given(x, n):
    assert x in (1, 2)


def test_plain():
    pass


async def test_plain_async():
    pass


class TestInAClass:
    @settings(max_examples=3)
    @given(st.text())
    def test_method_given(self, s):
        assert isinstance(s, str)

    def test_plain_method(self):
        pass
