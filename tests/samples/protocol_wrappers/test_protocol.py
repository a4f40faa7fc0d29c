import pytest
def test_a():
    pass
def test_b():
    assert 0
@pytest.mark.flaky(reruns=1)
def test_c():
    assert 0
def pytest_runtest_protocol(item, nextitem):
    raise AssertionError("never called: a test module is not a plugin")
