"""Run with ``-p no:asyncio``: pytest-asyncio is off, so no async fixture is run, however it is declared.

pytest fails a test that requests one (a set-up error, or a failure when the test asks for it with
``getfixturevalue``) instead of handing over the coroutine; pytest-asyncio's own fixtures are gone.
"""

import pytest
import pytest_asyncio


@pytest.fixture
async def plain_coroutine():
    return 1


@pytest.fixture
async def plain_async_generator():
    yield 2


@pytest_asyncio.fixture
async def declared_for_asyncio():
    return 3


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def declared_module_scoped():
    yield 4


@pytest.fixture(scope="module")
async def module_scoped():
    return 5


@pytest.fixture
def sync_over_async(declared_for_asyncio):
    return declared_for_asyncio


def test_plain_coroutine_fixture(plain_coroutine):
    pass


def test_plain_async_generator_fixture(plain_async_generator):
    pass


def test_pytest_asyncio_fixture(declared_for_asyncio):
    pass


def test_pytest_asyncio_module_fixture(declared_module_scoped):
    pass


def test_module_scoped_first(module_scoped):
    pass


def test_module_scoped_again(module_scoped):
    pass


def test_through_a_sync_fixture(sync_over_async):
    pass


def test_requested_in_the_body(request):
    request.getfixturevalue("plain_coroutine")


class TestInClass:
    @pytest_asyncio.fixture
    async def method_fixture(self):
        return 6

    def test_method_fixture(self, method_fixture):
        pass


async def test_async_test_with_async_fixture(declared_for_asyncio):
    pass


@pytest.mark.asyncio
async def test_async_test_alone():
    pass


def test_pytest_asyncio_fixtures_are_gone(unused_tcp_port):
    pass


def test_event_loop_policy_is_not_autouse(request):
    assert "event_loop_policy" not in request.fixturenames


def test_sync_fixtures_still_work(tmp_path):
    assert tmp_path.is_dir()
