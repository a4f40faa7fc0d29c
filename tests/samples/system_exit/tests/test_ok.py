import sys

import pytest


def test_passes() -> None:
    pass


def test_exit_in_a_test_fails_it() -> None:
    sys.exit("from a test")


@pytest.mark.asyncio
async def test_exit_in_an_async_test_fails_it() -> None:
    sys.exit(0)
