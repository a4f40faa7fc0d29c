"""Failures whose section titles leave no room for two rule characters on each side.

pytest's rule keeps at least one character each side of a title (``_ title _``), however long the
title is; under the e2e width of 120 these ids make titles of 117, 118 and 140 characters.
"""

import pytest


@pytest.mark.parametrize("name", ["a" * 88, "b" * 89, "c" * 111], ids=lambda name: name)
async def test_failing_with_a_long_id(name):
    assert name == ""


async def test_short_title_keeps_its_full_rule():
    assert 1 == 2
