import pytest
import pytest_asyncio


@pytest.fixture(scope="module")
def shared():
    print("module set-up")
    yield
    print("module teardown")


@pytest.fixture
def resource(shared):
    print("resource set-up")
    yield
    print("resource teardown")


@pytest_asyncio.fixture
async def async_resource():
    yield
    print("async teardown")


@pytest.fixture
def failing_teardown():
    yield
    print("before the teardown fails")
    raise RuntimeError("teardown failed")


@pytest.fixture
def failing_setup():
    print("before the set-up fails")
    raise RuntimeError("set-up failed")


def test_passes(resource):
    print("in the test")


@pytest.mark.asyncio
async def test_async_passes(async_resource):
    pass


def test_fails(resource):
    assert 0


def test_teardown_fails(failing_teardown):
    pass


def test_setup_fails(failing_setup, resource):
    pass


@pytest.mark.xfail(reason="known")
def test_xfails(resource):
    assert 0


def test_skips(resource):
    pytest.skip("not here")


def test_last(resource):
    pass
