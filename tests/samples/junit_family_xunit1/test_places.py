"""Under junit_family = xunit1 each testcase names its file and the 0-based line of its definition."""

import pytest


def test_plain():
    pass


@pytest.mark.skip(reason="the line is the decorator's")
def test_decorated():
    pass


class TestInClass:
    @pytest.mark.parametrize("value", [1, 2])
    def test_method(self, value):
        assert value == 1


async def test_async():
    pass
