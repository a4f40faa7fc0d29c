"""Failures whose listed source has blank lines, whitespace-only lines and trailing spaces."""

import pytest


def helper(value):   
    doubled = value * 2  
        
    assert doubled == 3


def test_nested_frames():
    start = 1


    helper(start)


async def test_async_blank_line():
    total = 1

    assert total == 2


@pytest.fixture
def broken():
    reason = 'setup'

    raise RuntimeError(reason)


def test_fixture_error(broken):
    pass


class TestMethod:
    def test_in_class(self):
        items = [1]

        assert items == [

            2,
        ]


def test_passes():
    value = 1

    assert value == 1
