"""Duplicate parametrize ids made unique: a numbered id that a renamed duplicate freed may be reused."""

import pytest


# "1_1" twice, then "1_1_1" once, then "1" twice (a str and an int). The first pair becomes
# 1_1_0 and 1_1_2 (1_1_1 is still a row's id); the second pair 1_0 and 1_1, free by then.
@pytest.mark.parametrize("value", ["1_1", b"1_1", b"1_1_1", "1", 1])
def test_freed_id_reused(value):
    assert value != 1


# The other way round: while the "1_1" rows are still ahead, the "1" pair must skip 1_1.
@pytest.mark.parametrize("value", ["1", 1, "1_1", b"1_1", b"1_1_1"])
async def test_id_ahead_skipped(value):
    assert value != "1"


# Ids without a trailing digit get no underscore; an existing "a0" pushes the pair to a1, a2.
@pytest.mark.parametrize("value", ["a", "a0", "a"], ids=lambda value: value)
def test_letters(value):
    assert value
