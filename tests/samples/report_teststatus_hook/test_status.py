import pytest


def test_plain():
    print("plain output")


@pytest.mark.flaky_network
def test_network_up():
    print("network output")


@pytest.mark.flaky_network
def test_network_down():
    assert False, "no route"


@pytest.mark.flaky_network
@pytest.mark.asyncio
async def test_network_async():
    pass


@pytest.mark.skip(reason="not today")
def test_hidden_skip():
    pass


def test_failing():
    assert 1 == 2


@pytest.mark.flaky_network
def test_network_teardown_error(broken_teardown):
    pass
