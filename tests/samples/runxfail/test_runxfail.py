"""xfail marks and pytest.xfail() with and without --runxfail, and the helpers' ``Exception``
attributes (``pytest.fail.Exception`` and friends), which suites catch or expect."""

import pytest


@pytest.mark.xfail
def test_marked_and_failing():
    assert 0


@pytest.mark.xfail
async def test_marked_and_passing():
    pass


@pytest.mark.xfail(strict=True)
def test_strict_and_passing():
    pass


@pytest.mark.xfail(run=False)
def test_not_run_unless_runxfail():
    pass


@pytest.mark.xfail(raises=ValueError)
def test_raises_another_error():
    raise TypeError


def test_imperative_xfail_then_continues():
    pytest.xfail("reason")
    assert "only reached" == "under --runxfail"


@pytest.fixture
def xfailing_fixture():
    pytest.xfail("from a fixture")


def test_xfail_from_fixture(xfailing_fixture):
    pass


def test_helpers_carry_their_exception():
    with pytest.raises(pytest.fail.Exception):
        pytest.fail("expected")
    with pytest.raises(pytest.skip.Exception):
        pytest.skip("expected")
    with pytest.raises(pytest.xfail.Exception):
        raise pytest.xfail.Exception("expected")
    with pytest.raises(pytest.exit.Exception):
        pytest.exit("expected")


async def test_skip_exception_caught_in_async_test():
    try:
        pytest.skip("caught")
    except pytest.skip.Exception as exc:
        assert exc.msg == "caught"
