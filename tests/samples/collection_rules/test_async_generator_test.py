import pytest


@pytest.mark.asyncio
async def test_async_generator_function_as_test():
    yield 1


def test_neighbour_of_async_generator():
    pass
