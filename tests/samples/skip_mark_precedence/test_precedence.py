"""pytest evaluates every skipif mark (nearest first) before any skip mark: a true skipif further out
names the reason, even for a test with a skip mark of its own."""

import pytest

pytestmark = pytest.mark.skipif(True, reason="module skipif")


@pytest.mark.skip(reason="own skip")
def test_own_skip():
    pass


@pytest.mark.parametrize("value", [])
def test_empty_parameter_set(value):
    pass


@pytest.mark.skipif(False, reason="not taken")
@pytest.mark.skip(reason="own skip under a false skipif")
@pytest.mark.asyncio
async def test_false_skipif_then_skip():
    pass


class TestClass:
    pytestmark = pytest.mark.skip(reason="class skip")

    @pytest.mark.skipif(True, reason="method skipif")
    def test_method_skipif(self):
        pass

    def test_class_skip(self):
        pass
