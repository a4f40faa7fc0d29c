"""--setup-show's lines: each fixture's SETUP and TEARDOWN indented by scope, with the fixtures it
uses and its parameter, each test's line with every fixture it uses, directly parametrized arguments
as fixtures of their own, and pytest-asyncio's loop fixtures for async tests and fixtures."""

import pytest
import pytest_asyncio


@pytest.fixture(scope="module")
def connection(database):
    return database + "-conn"


@pytest.fixture(params=[1, "two"], ids=["one", None])
def number(request):
    return request.param


@pytest.fixture(params=[10, 20], ids=lambda p: f"p{p}")
def named(request):
    return request.param


@pytest.fixture
def broken():
    raise RuntimeError("no")


@pytest.fixture(scope="class")
def shared():
    return 1


@pytest_asyncio.fixture
async def client(connection):
    return connection


def test_plain(connection, number):
    print("hello")


def test_named(named):
    assert named


@pytest.mark.parametrize("x", [1, "a" * 60])
def test_direct(x, request):
    assert x


@pytest.mark.parametrize("y", [1, 2], scope="module")
def test_module_param(y):
    assert y


@pytest.mark.parametrize("y", [1, 2], scope="module")
def test_module_param_again(y):
    assert y


def test_broken(broken):
    pass


def test_fails(connection):
    assert connection == "x"


@pytest.mark.asyncio
async def test_async(client):
    assert client


@pytest.mark.asyncio(loop_scope="module")
async def test_async_module_loop():
    pass


@pytest.mark.skip(reason="not today")
def test_skipped(connection):
    pass


class TestGroup:
    def test_in_class(self, shared):
        assert shared
