import asyncio

from mypkg import double


def test_double():
    assert double(2) == 4


async def test_double_after_a_switch():
    await asyncio.sleep(0)
    assert double(3) == 7
