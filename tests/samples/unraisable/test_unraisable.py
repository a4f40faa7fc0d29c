"""Exceptions raised where nobody can catch them fail the phase they happen in when warnings are errors."""

import gc
import threading
import warnings

import pytest


class RaisesInDel:
    def __del__(self):
        raise RuntimeError("in __del__")


def test_exception_in_del():
    obj = RaisesInDel()
    del obj


def test_exception_in_del_of_a_cycle():
    obj = RaisesInDel()
    obj.me = obj
    del obj
    gc.collect()


def test_exception_in_a_thread():
    thread = threading.Thread(target=lambda: 1 / 0)
    thread.start()
    thread.join()


async def test_coroutine_never_awaited():
    async def forgotten():
        pass

    forgotten()


def test_unclosed_file():
    handle = open(__file__)  # noqa: SIM115
    del handle


@pytest.fixture
def leaves_garbage_at_teardown():
    yield
    obj = RaisesInDel()
    del obj


def test_teardown_error_from_a_fixture(leaves_garbage_at_teardown):
    pass


def test_failing_test_reports_its_own_failure_then_teardown_error():
    obj = RaisesInDel()
    del obj
    assert False


def test_ignored_by_a_mark_filter():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        obj = RaisesInDel()
        del obj


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_category_ignored_by_a_mark():
    obj = RaisesInDel()
    del obj


def test_clean_afterwards():
    pass
