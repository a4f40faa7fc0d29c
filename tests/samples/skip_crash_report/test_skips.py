import pytest


def skip_quietly(reason):
    __tracebackhide__ = True
    pytest.skip(reason)


def test_skips():
    pytest.skip("in the test")


def test_skips_through_a_hidden_helper():
    skip_quietly("hidden helper")


@pytest.mark.skip(reason="marked")
def test_marked():
    pass


@pytest.mark.asyncio
async def test_async_skips():
    pytest.skip("in an async test")


def test_passes():
    pass
