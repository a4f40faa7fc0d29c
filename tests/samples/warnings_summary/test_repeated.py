import warnings

import pytest


def helper():
    warnings.warn("shared helper is deprecated", DeprecationWarning)


# Twelve tests raising the same warning: collapsed into one "file: N warnings" line.
@pytest.mark.parametrize("i", range(12))
def test_many(i):
    helper()


# Three raising it: each test named above the one block.
@pytest.mark.parametrize("i", range(3))
def test_few(i):
    warnings.warn("a few times", UserWarning)


@pytest.mark.asyncio
async def test_mixed():
    helper()
    warnings.warn(UserWarning("a message\nover two lines"))
    warnings.warn("other", FutureWarning)
