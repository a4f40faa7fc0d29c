"""Under --setup-only the fixtures run but no test is called; under --setup-plan not even the fixtures.
Every test that fails here fails in its call, so under both only set-up failures and skips remain."""

import pytest
import pytest_asyncio
from eventlog import record


@pytest.fixture
def sync_fixture():
    record("setup sync_fixture")
    yield 1
    record("teardown sync_fixture")


@pytest_asyncio.fixture
async def async_fixture():
    record("setup async_fixture")
    yield 2
    record("teardown async_fixture")


@pytest.fixture(scope="module")
def module_fixture():
    record("setup module_fixture")
    yield 3
    record("teardown module_fixture")


@pytest.fixture
def broken_fixture():
    record("setup broken_fixture")
    raise RuntimeError("the fixture fails to set up")


@pytest.fixture
def needs_the_value(sync_fixture):
    # Under --setup-plan its dependency's value is None and this fixture is not called at all.
    assert sync_fixture == 1
    return sync_fixture


def test_fails_when_called(sync_fixture, module_fixture):
    assert sync_fixture == 0


@pytest.mark.asyncio
async def test_async_fails_when_called(async_fixture, module_fixture):
    assert async_fixture == 0


def test_with_a_broken_fixture(broken_fixture):
    pass


def test_with_a_dependent_fixture(needs_the_value):
    assert needs_the_value is None


def test_with_the_conftest_fixture(from_conftest):
    assert from_conftest == "other"


@pytest.mark.skip(reason="skipped at set-up")
def test_skipped():
    pass


@pytest.mark.xfail(run=False, reason="never run")
def test_xfail_not_run():
    pass


@pytest.mark.xfail(reason="fails in its call")
def test_xfail():
    assert False


@pytest.mark.parametrize("value", [1, 2])
def test_parametrized(value, sync_fixture):
    assert value == 0


def test_missing_fixture(no_such_fixture):
    pass
