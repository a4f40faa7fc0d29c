"""Imports only after test_a_configures.py was: under -n, pytest-xdist's workers each collect every
file, so this works in whichever worker runs it."""

import os

import pytest

CONFIGURED = os.environ["XDIST_COLLECTS_ALL_CONFIGURED"]


def test_reads_the_setting():
    assert CONFIGURED == "by test_a_configures"


@pytest.mark.asyncio
async def test_fails_on_its_own():
    assert CONFIGURED == "something else"
