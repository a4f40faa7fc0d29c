import pytest

from conftest import SETUPS


@pytest.mark.parametrize("server", ["s1", "s2"], indirect=True)
def test_session_server_again(server):
    assert server in ("s1", "s2")


def test_all_setups():
    # the session server was set up once per value for both modules
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
