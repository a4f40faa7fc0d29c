from .helper import VALUE


async def test_value(value):
    assert value == VALUE
