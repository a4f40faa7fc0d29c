import asyncio

from conftest import CustomEventLoop


async def test_custom(requires_custom_loop):
    assert isinstance(asyncio.get_running_loop(), CustomEventLoop)


async def test_custom_through_a_fixture(indirectly_custom):
    assert isinstance(asyncio.get_running_loop(), CustomEventLoop)


async def test_default():
    assert not isinstance(asyncio.get_running_loop(), CustomEventLoop)
