import pytest
from eventlog import record


def test_first(traced):
    record("call test_first")


@pytest.mark.asyncio
async def test_async(traced):
    record("call test_async")


class TestInAClass:
    @pytest.mark.parametrize("x", [1])
    def test_param(self, x):
        assert x == 2
