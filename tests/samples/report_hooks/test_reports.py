import pytest

from conftest import SEEN


def test_passes(result_aware):
    assert request_reports_exist()


def request_reports_exist():
    return True


def test_fails(result_aware):
    assert 1 == 2


@pytest.mark.skip(reason="not today")
def test_skipped():
    pass


@pytest.mark.xfail(reason="known")
def test_xfails():
    raise ValueError


@pytest.mark.asyncio
async def test_async_passes(result_aware):
    pass


def test_what_the_hooks_saw():
    assert SEEN == [
        ("test_passes", "setup", "passed", False),
        ("test_passes", "call", "passed", False),
        ("test_passes", "teardown", "passed", False),
        ("test_fails", "setup", "passed", False),
        ("test_fails", "call", "failed", True),
        ("test_fails", "noticed failure"),
        ("test_fails", "teardown", "passed", False),
        ("test_skipped", "setup", "skipped", True),
        ("test_skipped", "teardown", "passed", False),
        ("test_xfails", "setup", "passed", False),
        ("test_xfails", "call", "skipped", True),
        ("test_xfails", "teardown", "passed", False),
        ("test_async_passes", "setup", "passed", False),
        ("test_async_passes", "call", "passed", False),
        ("test_async_passes", "teardown", "passed", False),
        ("test_what_the_hooks_saw", "setup", "passed", False),
    ]
