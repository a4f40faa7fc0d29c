"""Indirect parametrization takes the fixture's scope: set-ups once per value, tests grouped by value."""

import pytest

from conftest import SETUPS


@pytest.fixture(scope="module")
def db(request):
    SETUPS.append(("db", request.param))
    yield request.param


@pytest.fixture(scope="class")
def conn(request):
    SETUPS.append(("conn", request.param))
    return request.param


@pytest.mark.parametrize("db", ["a", "b"], indirect=True)
def test_one(db):
    assert db in "ab"


@pytest.mark.parametrize("db", ["a", "b"], indirect=True)
def test_two(db):
    assert db in "ab"


@pytest.mark.parametrize("db", ["a", "b"], indirect=["db"])
def test_three_indirect_list(db):
    assert db in "ab"


@pytest.mark.parametrize("db, n", [("a", 1), ("b", 2)], indirect=["db"])
def test_direct_argument_keeps_function_scope(db, n):
    assert (db, n) in (("a", 1), ("b", 2))


@pytest.mark.parametrize("db", ["a"], indirect=True, scope="function")
def test_explicit_scope_wins(db):
    assert db == "a"


class TestClassScoped:
    @pytest.mark.parametrize("conn", [1, 2], indirect=True)
    def test_x(self, conn):
        assert conn in (1, 2)

    @pytest.mark.parametrize("conn", [1, 2], indirect=True)
    def test_y(self, conn):
        assert conn in (1, 2)


@pytest.mark.parametrize("server", ["s1", "s2"], indirect=True)
def test_session_server(server):
    assert server in ("s1", "s2")


@pytest.mark.asyncio(loop_scope="module")
@pytest.mark.parametrize("pool", ["p1", "p2"], indirect=True)
async def test_async_pool(pool):
    assert pool in ("p1", "p2")


@pytest.mark.asyncio(loop_scope="module")
@pytest.mark.parametrize("pool", ["p1", "p2"], indirect=True)
async def test_async_pool_again(pool):
    assert pool in ("p1", "p2")


def test_setups_in_this_module():
    # db: once per value for the indirect tests, again for the function-scoped ones
    assert SETUPS == [
        ("db", "a"),
        ("db", "b"),
        ("db", "a"),
        ("db", "b"),
        ("db", "a"),
        ("conn", 1),
        ("conn", 2),
        ("server", "s1"),
        ("server", "s2"),
        ("pool", "p1"),
        ("pool", "p2"),
    ]
