"""Parameter ids holding "::" (IPv6 addresses, as network suites parametrize): pytest heads a
failure with the test's dotted path, its "[...]" part kept as it is: "TestHost.test_connect[::1]"."""

import pytest


@pytest.mark.parametrize("host", ["::1", "127.0.0.1"])
class TestHost:
    async def test_connect(self, host):
        assert host == ""

    @pytest.fixture
    def broken(self):
        raise RuntimeError("no server")

    def test_setup_error(self, host, broken):
        pass


@pytest.mark.parametrize("address", ["a::b::c"])
def test_module_level(address):
    assert address == ""
