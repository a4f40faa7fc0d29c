"""WarningsRecorder, warns() and deprecated_call() (asynctestrun._declare.warns)."""

import inspect
import warnings

import pytest

from asynctestrun._declare.outcomes import Failed, Skipped
from asynctestrun._declare.warns import WarningsRecorder, deprecated_call, warns


@pytest.fixture
def outer():
    """Warnings that escape the block under test (re-emitted ones end up here)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        yield caught


def test_recorder_records_and_pops():
    with WarningsRecorder() as rec:
        warnings.warn("user", UserWarning, stacklevel=1)
        warnings.warn("user", UserWarning, stacklevel=1)  # same location again: still recorded ("always")
        warnings.warn("syntax", SyntaxWarning, stacklevel=1)
        assert len(rec) == 3  # the list is live inside the block
    assert [str(w.message) for w in rec] == ["user", "user", "syntax"]
    assert rec[2].category is SyntaxWarning
    assert rec.list[0].category is UserWarning
    assert rec.pop(SyntaxWarning).category is SyntaxWarning
    assert len(rec) == 2
    rec.clear()
    assert len(rec) == 0


def test_pop_prefers_exact_then_most_specific():
    with WarningsRecorder() as rec:
        warnings.warn("a", UserWarning, stacklevel=1)
        warnings.warn("b", SyntaxWarning, stacklevel=1)
    assert str(rec.pop().message) == "b"  # Warning: SyntaxWarning is not a UserWarning subclass
    with pytest.raises(AssertionError, match="not found in warning list"):
        rec.pop(RuntimeWarning)


def test_recorder_cannot_be_entered_twice():
    rec = WarningsRecorder()
    with rec, pytest.raises(RuntimeError, match="twice"):
        rec.__enter__()


def test_warns_passes_and_returns_recorder(outer):
    with warns(UserWarning, match="^hel+o$") as rec:
        warnings.warn("hello", stacklevel=1)
    assert len(rec) == 1
    assert outer == []


def test_did_not_warn(outer):
    with pytest.raises(Failed) as excinfo, warns(UserWarning):
        pass
    assert str(excinfo.value) == (
        "DID NOT WARN. No warnings of type (<class 'UserWarning'>,) were emitted.\n Emitted warnings: []."
    )


def test_wrong_type_is_reported_and_reemitted(outer):
    with pytest.raises(Failed) as excinfo, warns((UserWarning, DeprecationWarning)):
        warnings.warn("b", RuntimeWarning, stacklevel=1)
    assert str(excinfo.value) == (
        "DID NOT WARN. No warnings of type (<class 'UserWarning'>, <class 'DeprecationWarning'>) were "
        "emitted.\n Emitted warnings: [RuntimeWarning('b')]."
    )
    assert [(w.category, str(w.message)) for w in outer] == [(RuntimeWarning, "b")]


def test_regex_mismatch_message(outer):
    with pytest.raises(Failed) as excinfo, warns(UserWarning, match="a"):
        warnings.warn("b", stacklevel=1)
        warnings.warn("c", RuntimeWarning, stacklevel=1)
    assert str(excinfo.value) == (
        "Regex pattern did not match any of the 2 warnings emitted.\n Regex: 'a'\n"
        " Emitted warnings: [UserWarning('b'), RuntimeWarning('c')]."
    )


def test_non_matching_warnings_are_reemitted_with_their_location(outer):
    with warns(UserWarning, match="wanted"):
        warnings.warn("wanted", stacklevel=1)
        warnings.warn("unrelated", RuntimeWarning, stacklevel=1)
        line = inspect.currentframe().f_lineno - 1
    assert [(w.category, str(w.message), w.lineno) for w in outer] == [(RuntimeWarning, "unrelated", line)]


def test_exception_in_block_still_checks_but_control_flow_passes(outer):
    with pytest.raises(Failed, match="DID NOT WARN"), warns(UserWarning):
        raise ValueError("x")
    with pytest.raises(Skipped), warns(UserWarning):
        raise Skipped("skip me")
    with pytest.raises(ValueError), warns(UserWarning):
        warnings.warn("seen", stacklevel=1)
        raise ValueError("x")


def test_call_form_returns_result():
    def func(x, *, y):
        warnings.warn("in func", stacklevel=1)
        return x + y

    assert warns(UserWarning, func, 1, y=2) == 3


def test_bad_expected_warning():
    with pytest.raises(TypeError, match="exceptions must be derived from Warning"):
        warns(int)
    with pytest.raises(TypeError, match="Unexpected keyword arguments passed to warns: foo"):
        warns(UserWarning, foo=1)


def test_deprecated_call():
    with deprecated_call(match="old"):
        warnings.warn("old api", DeprecationWarning, stacklevel=1)
    with deprecated_call():
        warnings.warn("soon", PendingDeprecationWarning, stacklevel=1)
    assert deprecated_call(lambda: warnings.warn("f", FutureWarning, stacklevel=1) or 7) == 7
    with pytest.raises(Failed) as excinfo, deprecated_call():
        pass
    assert "(<class 'DeprecationWarning'>, <class 'PendingDeprecationWarning'>, <class 'FutureWarning'>)" in (
        str(excinfo.value)
    )
