import asyncio
import logging
import os
import sys
import warnings

import pytest

FINALIZED = []
TMP_PATHS = []


# pytest.raises


def test_raises_catches_expected_exception():
    with pytest.raises(ValueError, match=r"bad \w+") as excinfo:
        int("bad value")
    assert excinfo.type is ValueError
    assert "invalid literal" in str(excinfo.value)


def test_raises_accepts_a_callable():
    excinfo = pytest.raises(ZeroDivisionError, lambda: 1 / 0)
    assert excinfo.type is ZeroDivisionError


def test_raises_fails_when_nothing_is_raised():
    with pytest.raises(ValueError):
        pass


def test_raises_fails_when_match_does_not_match():
    with pytest.raises(ValueError, match="^good"):
        raise ValueError("bad")


def test_raises_lets_other_exceptions_through():
    with pytest.raises(ValueError):
        raise KeyError("different")


@pytest.mark.asyncio
async def test_raises_around_await():
    async def explode():
        await asyncio.sleep(0)
        raise LookupError("async failure")

    with pytest.raises(LookupError, match="async"):
        await explode()


# pytest.approx


def test_approx_equal_floats():
    assert 0.1 + 0.2 == pytest.approx(0.3)


def test_approx_collections_and_tolerances():
    assert [0.1 + 0.2, 1.0] == pytest.approx([0.3, 1.0])
    assert {"x": 2.0000001} == pytest.approx({"x": 2.0})
    assert 10.5 == pytest.approx(10, abs=0.5)


def test_approx_mismatch_fails():
    assert 1.0 == pytest.approx(1.1)


# pytest.warns


def test_warns_captures_matching_warning():
    with pytest.warns(UserWarning, match="careful") as record:
        warnings.warn("be careful", UserWarning, stacklevel=1)
    assert len(record) == 1


def test_warns_fails_when_no_warning():
    with pytest.warns(UserWarning):
        pass


def test_deprecated_call():
    with pytest.deprecated_call():
        warnings.warn("old", DeprecationWarning, stacklevel=1)


# monkeypatch


def test_monkeypatch_setenv_setattr_setitem(monkeypatch):
    monkeypatch.setenv("ASYNCTESTRUN_SAMPLE_VAR", "set")
    monkeypatch.setattr(os, "getcwd", lambda: "/patched")
    settings = {"mode": "real"}
    monkeypatch.setitem(settings, "mode", "fake")
    assert os.environ["ASYNCTESTRUN_SAMPLE_VAR"] == "set"
    assert os.getcwd() == "/patched"
    assert settings["mode"] == "fake"


def test_monkeypatch_is_undone_after_the_test():
    assert "ASYNCTESTRUN_SAMPLE_VAR" not in os.environ
    assert os.getcwd() != "/patched"


def test_monkeypatch_delattr_and_syspath(monkeypatch, tmp_path):
    monkeypatch.delattr(os, "getcwd")
    monkeypatch.syspath_prepend(str(tmp_path))
    assert not hasattr(os, "getcwd")
    assert sys.path[0] == str(tmp_path)


# tmp_path


def test_tmp_path_is_an_empty_writable_directory(tmp_path):
    assert tmp_path.is_dir()
    assert list(tmp_path.iterdir()) == []
    (tmp_path / "file.txt").write_text("content")
    TMP_PATHS.append(tmp_path)


def test_tmp_path_is_fresh_for_each_test(tmp_path):
    assert TMP_PATHS and tmp_path != TMP_PATHS[0]
    assert list(tmp_path.iterdir()) == []


# capsys


def test_capsys_reads_stdout_and_stderr(capsys):
    print("to stdout")
    print("to stderr", file=sys.stderr)
    captured = capsys.readouterr()
    assert captured.out == "to stdout\n"
    assert captured.err == "to stderr\n"
    print("again")
    assert capsys.readouterr().out == "again\n"


@pytest.mark.asyncio
async def test_capsys_in_async_test(capsys):
    await asyncio.sleep(0)
    print("from a coroutine")
    assert capsys.readouterr().out == "from a coroutine\n"


# caplog


def test_caplog_records_warnings(caplog):
    logging.getLogger("sample").warning("disk %s", "full")
    assert [r.getMessage() for r in caplog.records] == ["disk full"]
    assert caplog.records[0].levelname == "WARNING"
    assert "disk full" in caplog.text


def test_caplog_set_level_captures_debug(caplog):
    caplog.set_level(logging.DEBUG, logger="sample.debug")
    logging.getLogger("sample.debug").debug("details")
    assert caplog.messages == ["details"]


def test_caplog_at_level_context(caplog):
    with caplog.at_level(logging.INFO):
        logging.getLogger("sample").info("inside")
    assert "inside" in caplog.messages


# request


@pytest.fixture
def with_finalizer(request):
    request.addfinalizer(lambda: FINALIZED.append("registered first"))
    request.addfinalizer(lambda: FINALIZED.append("registered second"))
    return "value"


@pytest.fixture
def named_value():
    return "looked up by name"


@pytest.fixture(params=["red", "green"])
def colour(request):
    return request.param


def test_request_addfinalizer(with_finalizer, request):
    request.addfinalizer(lambda: FINALIZED.append("from the test"))
    assert with_finalizer == "value"
    assert FINALIZED == []


def test_finalizers_ran_last_in_first_out():
    assert FINALIZED == ["from the test", "registered second", "registered first"]


def test_request_getfixturevalue(request):
    assert request.getfixturevalue("named_value") == "looked up by name"


def test_request_getfixturevalue_unknown_name_fails(request):
    request.getfixturevalue("no_such_fixture")


def test_request_param_in_fixture(colour, request):
    assert colour in ("red", "green")
    assert request.node.name == f"test_request_param_in_fixture[{colour}]"
