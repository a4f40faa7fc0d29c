import pytest


@pytest.fixture
def needs_missing(also_missing):
    return also_missing


@pytest.fixture
def broken_setup():
    raise RuntimeError("setup exploded")


@pytest.fixture
def broken_teardown():
    yield
    raise RuntimeError("teardown exploded")


@pytest.fixture(scope="module")
def broken_module_fixture():
    raise RuntimeError("module setup exploded")


@pytest.fixture
def narrow():
    return 1


@pytest.fixture(scope="session")
def wide(narrow):
    return narrow


@pytest.fixture
def chicken(egg):
    return egg


@pytest.fixture
def egg(chicken):
    return chicken


def test_requests_unknown_fixture(no_such_fixture):
    pass


def test_neighbour_of_missing_fixture_passes():
    pass


def test_fixture_dependency_is_missing(needs_missing):
    pass


@pytest.mark.asyncio
async def test_async_test_requests_unknown_fixture(no_such_async_fixture):
    pass


def test_fixture_setup_raises(broken_setup):
    pass


def test_fixture_teardown_raises(broken_teardown):
    pass


def test_failure_and_teardown_error_together(broken_teardown):
    assert False


def test_first_user_of_broken_module_fixture(broken_module_fixture):
    pass


def test_second_user_of_broken_module_fixture(broken_module_fixture):
    pass


def test_scope_mismatch_is_an_error(wide):
    pass


def test_fixture_dependency_cycle_is_an_error(chicken):
    pass


@pytest.fixture
def skips():
    pytest.skip("skipped before the missing fixture is reached")


def test_skip_before_missing_fixture(skips, no_such_fixture):
    pass


def test_missing_fixture_before_skip(no_such_fixture, skips):
    pass


def test_last_test_still_runs():
    pass
