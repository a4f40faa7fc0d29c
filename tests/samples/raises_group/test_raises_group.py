"""pytest.RaisesGroup / pytest.RaisesExc: which groups match, and the tests that fail when not."""

import asyncio

import pytest
from pytest import RaisesExc, RaisesGroup


def group(*excs, message="eg"):
    return ExceptionGroup(message, list(excs))


def test_one_type():
    with RaisesGroup(ValueError):
        raise group(ValueError("v"))


def test_any_order():
    with RaisesGroup(ValueError, TypeError):
        raise group(TypeError(), ValueError())


def test_raises_exc_with_match_and_check():
    with RaisesGroup(RaisesExc(ValueError, match="^bad"), RaisesExc(check=lambda e: e.args == (1,))):
        raise group(KeyError(1), ValueError("bad value"))


def test_nested_group():
    with RaisesGroup(RaisesGroup(ValueError), TypeError):
        raise group(TypeError(), group(ValueError()))


def test_flatten_subgroups():
    with RaisesGroup(ValueError, ValueError, flatten_subgroups=True):
        raise group(ValueError(), group(ValueError()))


def test_nested_without_flatten_fails():
    with RaisesGroup(ValueError, ValueError):
        raise group(ValueError(), group(ValueError()))


def test_allow_unwrapped():
    with RaisesGroup(ValueError, allow_unwrapped=True):
        raise ValueError("bare")


def test_bare_exception_without_allow_unwrapped_fails():
    with RaisesGroup(ValueError):
        raise ValueError("bare")


def test_too_few_fails():
    with RaisesGroup(ValueError, ValueError):
        raise group(ValueError())


def test_unexpected_extra_fails():
    with RaisesGroup(ValueError):
        raise group(ValueError(), TypeError())


def test_greedy_pairing_fails_where_another_pairing_exists():
    with RaisesGroup(ValueError, RaisesExc(ValueError, match="specific")):
        raise group(ValueError("specific"), ValueError("other"))


def test_group_match_is_on_the_group_message():
    with RaisesGroup(ValueError, match="^outer$"):
        raise group(ValueError("inner"), message="outer")


def test_group_match_mismatch_fails():
    with RaisesGroup(ValueError, match="inner"):
        raise group(ValueError("inner"), message="outer")


def test_group_check():
    with RaisesGroup(ValueError, check=lambda eg: len(eg.exceptions) == 1) as excinfo:
        raise group(ValueError())
    assert excinfo.group_contains(ValueError)


def test_nothing_raised_fails():
    with RaisesGroup(ValueError):
        pass


def test_matches_method():
    assert RaisesGroup(ValueError).matches(group(ValueError()))
    assert not RaisesGroup(ValueError).matches(ValueError())
    assert RaisesExc(OSError, match="disk").matches(OSError("disk full"))


def test_raises_exc_as_context_manager():
    with RaisesExc(ValueError, match="x") as excinfo:
        raise ValueError("x marks")
    assert excinfo.value.args == ("x marks",)


def test_raises_exc_lets_another_type_through():
    with RaisesExc(ValueError):
        raise KeyError("k")


@pytest.mark.asyncio
async def test_task_group_failures():
    async def fail(exc):
        await asyncio.sleep(0)
        raise exc

    with RaisesGroup(RaisesExc(ValueError, match="one"), RaisesExc(KeyError)):
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail(ValueError("one")))
            tg.create_task(fail(KeyError("two")))
