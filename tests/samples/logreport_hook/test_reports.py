import pytest


def test_passes():
    pass


def test_fails():
    assert False


@pytest.mark.skip(reason="not now")
def test_skipped():
    pass


@pytest.mark.xfail(reason="known")
def test_xfails():
    assert False


def test_setup_error(broken):
    pass


def test_teardown_error(broken_teardown):
    pass


@pytest.mark.asyncio
async def test_async_passes():
    pass
