"""Failures whose failing line has a sub-expression pytest underlines with ``^``."""

import contextlib
import types

import pytest

mod = types.SimpleNamespace()


def boom(value):
    raise ValueError(value)


def relay(value):
    result = boom(value) + 1
    return result


def test_attribute_in_with():
    with contextlib.suppress(mod.Missing):
        pass


def test_call_in_assignment():
    x = boom(1)
    assert x


def test_whole_line_has_no_carets():
    boom(2)


def test_call_over_several_lines_has_no_carets():
    x = boom(
        3
    )
    assert x


def test_trailing_spaces_shift_the_carets():
    x = boom(4)   
    assert x


def test_non_ascii_before_the_expression():
    x = ('été', boom(5))
    assert x


async def test_async_nested_frames():
    total = relay(6) * 2
    assert total


class TestMethod:
    def test_in_class(self):
        value = [mod.missing_in_class, 1]
        assert value


@pytest.fixture
def broken():
    return {'a': 1}['b'] + 1


def test_fixture_error(broken):
    pass


def test_last_line_without_newline():
    x = [boom(7)]