"""raises() and ExceptionInfo (asynctestrun._declare.raises), checked against pytest 9's messages."""

import re
import sys

import pytest

from asynctestrun._declare.outcomes import Failed
from asynctestrun._declare.raises import ExceptionInfo, raises


def _failure(block):
    """Run ``block`` and return the BaseException it raised (None if none)."""
    try:
        block()
    except BaseException as exc:
        return exc
    return None


def test_context_manager_fills_exception_info():
    with raises(ValueError) as excinfo:
        raise ValueError("bad value")
    assert excinfo.type is ValueError
    assert str(excinfo.value) == "bad value"
    assert excinfo.typename == "ValueError"
    assert excinfo.tb is excinfo.value.__traceback__
    assert len(excinfo.traceback) == 1
    assert excinfo.traceback[-1].name == "test_context_manager_fills_exception_info"
    assert excinfo.exconly() == "ValueError: bad value"
    assert repr(excinfo) == "<ExceptionInfo ValueError('bad value') tblen=1>"


def test_tuple_and_subclass_match():
    with raises((KeyError, ValueError)) as excinfo:
        raise UnicodeDecodeError("utf-8", b"\xff", 0, 1, "bad")  # a ValueError subclass
    assert excinfo.errisinstance(ValueError)
    assert not excinfo.errisinstance(KeyError)


def test_did_not_raise_messages():
    def single():
        with raises(ValueError):
            pass

    def several():
        with raises((ValueError, TypeError)):
            pass

    exc = _failure(single)
    assert isinstance(exc, Failed)
    assert str(exc) == "DID NOT RAISE ValueError"
    assert str(_failure(several)) == "DID NOT RAISE any of (ValueError, TypeError)"


def test_other_exception_propagates_unchanged():
    def block():
        with raises(ValueError, match="q"):
            raise TypeError("q")

    exc = _failure(block)
    assert type(exc) is TypeError


def test_base_exception_is_not_caught_by_exception():
    def block():
        with raises(Exception):
            raise KeyboardInterrupt

    assert type(_failure(block)) is KeyboardInterrupt


def test_match_searches_message_and_notes():
    with raises(ValueError, match=r"a\.b"):
        raise ValueError("xx a.b yy")
    error = ValueError("main")
    error.add_note("the note")
    with raises(ValueError, match="the note"):
        raise error
    with raises(ValueError, match=re.compile("Q", re.IGNORECASE)):
        raise ValueError("q")


def test_match_failure_message():
    def block():
        with raises(ValueError, match="abc"):
            raise ValueError("xyz")

    exc = _failure(block)
    assert isinstance(exc, AssertionError)
    assert str(exc) == "Regex pattern did not match.\n  Expected regex: 'abc'\n  Actual message: 'xyz'"


def test_match_failure_suggests_escape_for_literal_text():
    def block():
        with raises(ValueError, match="f(x)"):
            raise ValueError("f(x)")

    assert str(_failure(block)).endswith("\n Did you mean to `re.escape()` the regex?")


def test_check_predicate():
    with raises(OSError, check=lambda e: e.errno == 2):
        raise OSError(2, "missing")

    def block():
        with raises(OSError, check=lambda e: e.errno == 3):
            raise OSError(2, "missing")

    exc = _failure(block)
    assert isinstance(exc, AssertionError)
    assert str(exc).startswith("check <function") and str(exc).endswith("did not return True")


def test_match_without_type_catches_anything():
    with raises(match="x"):
        raise KeyboardInterrupt("x")
    exc = _failure(lambda: raises(match="x").__exit__(None, None, None))
    assert str(exc) == "DID NOT RAISE any exception"


def test_invalid_expected_arguments():
    assert str(_failure(lambda: raises(3))) == "Expected a BaseException type, but got 'int'"
    assert type(_failure(lambda: raises(int))) is ValueError
    exc = _failure(lambda: raises(ValueError()))
    assert type(exc) is TypeError and "exception instance: ValueError" in str(exc)
    assert str(_failure(lambda: raises(()))) == "You must specify at least one parameter to match on."


def test_call_form():
    excinfo = raises(ZeroDivisionError, lambda x, y=1: y / x, 0, y=5)
    assert excinfo.type is ZeroDivisionError
    assert excinfo.traceback[0].name == "<lambda>"
    exc = _failure(lambda: raises(ValueError, lambda: None))
    assert isinstance(exc, Failed) and str(exc) == "DID NOT RAISE ValueError"
    assert type(_failure(lambda: raises(ValueError, "not callable"))) is TypeError


def test_exception_info_match_method():
    with raises(ValueError) as excinfo:
        raise ValueError("q")
    assert excinfo.match("q") is True
    exc = _failure(lambda: excinfo.match("z"))
    assert str(exc) == "Regex pattern did not match.\n  Expected regex: 'z'\n  Actual message: 'q'"


def test_unfilled_exception_info():
    excinfo = ExceptionInfo.for_later()
    assert repr(excinfo) == "<ExceptionInfo for raises contextmanager>"
    exc = _failure(lambda: excinfo.value)
    assert str(exc) == ".value can only be used after the context manager exits"


def test_group_contains():
    with raises(ExceptionGroup) as excinfo:
        raise ExceptionGroup("outer", [ValueError("v"), ExceptionGroup("inner", [KeyError("k")])])
    assert excinfo.group_contains(ValueError)
    assert excinfo.group_contains(KeyError)
    assert not excinfo.group_contains(KeyError, depth=1)
    assert excinfo.group_contains(KeyError, depth=2)
    assert excinfo.group_contains(ValueError, match="^v$")
    assert not excinfo.group_contains(ValueError, match="w")
    assert not excinfo.group_contains(TypeError)


def test_group_contains_requires_a_group():
    with raises(ValueError) as excinfo:
        raise ValueError("x")
    exc = _failure(lambda: excinfo.group_contains(ValueError))
    assert str(exc) == "Captured exception is not an instance of `BaseExceptionGroup`"


def test_group_match_uses_group_message_only():
    with raises(ExceptionGroup, match="^g$"):
        raise ExceptionGroup("g", [ValueError("v")])


def test_from_current_and_from_exc_info():
    try:
        raise ValueError("z")
    except ValueError:
        current = ExceptionInfo.from_current()
        explicit = ExceptionInfo.from_exc_info(sys.exc_info())
    assert current.value is explicit.value
    assert repr(current) == "<ExceptionInfo ValueError('z') tblen=1>"
    with pytest.raises(AssertionError, match="no current exception"):
        ExceptionInfo.from_current()


def test_exconly_tryshort_strips_rewritten_assertion_prefix():
    try:
        raise AssertionError("assert 1 == 2")
    except AssertionError:
        excinfo = ExceptionInfo.from_current()
    assert excinfo.exconly() == "AssertionError: assert 1 == 2"
    assert excinfo.exconly(tryshort=True) == "assert 1 == 2"
