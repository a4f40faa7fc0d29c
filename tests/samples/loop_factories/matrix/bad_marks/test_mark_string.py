import pytest


@pytest.mark.asyncio(loop_factories="a")
async def test_string_instead_of_list():
    pass


def test_neighbour_is_lost_too():
    pass
