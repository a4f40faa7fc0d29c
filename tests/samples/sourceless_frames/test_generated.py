import pytest
from helpers import made, made_last


def test_through_generated_code():
    made(0)


def test_failing_in_generated_code():
    made_last("boom")


@pytest.mark.asyncio
async def test_async_through_generated_code():
    made(0)


def test_passes():
    pass
