import pytest

def test_fails():
    assert 0

def test_setup_error(broken_setup):
    pass

def test_teardown_error(broken_teardown):
    pass

def test_skip():
    pytest.skip("no")

@pytest.mark.xfail
def test_xfail():
    assert 0

@pytest.mark.asyncio
async def test_async_fails():
    raise ValueError("x")

def test_passes():
    pass
