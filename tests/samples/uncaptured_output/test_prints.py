import pytest


@pytest.fixture
def resource():
    print("setting up the resource")
    return 1


def test_prints_in_its_call(resource):
    print("from the test")


def test_silent():
    pass


@pytest.mark.asyncio
async def test_async_prints():
    print("from a coroutine")


def test_prints_and_fails():
    print("before failing")
    assert 0
