import pytest


@pytest.mark.fast
def test_fast():
    pass


@pytest.mark.slow
@pytest.mark.asyncio
async def test_slow():
    pass


@pytest.mark.skipif(False, reason="never")
def test_builtin_mark():
    pass


def test_unmarked():
    pass
