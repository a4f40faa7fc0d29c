import pytest


def test_plain(described):
    assert described == ("test_plain", "test_plain", True, "test_definition.py")


@pytest.mark.parametrize("n", [1, 2])
def test_parametrized(described, n):
    assert described == ("test_parametrized", "test_parametrized", True, "test_definition.py")


class TestInClass:
    @pytest.mark.asyncio
    async def test_method(self, described):
        assert described == ("test_method", "test_method", True, "test_definition.py")
