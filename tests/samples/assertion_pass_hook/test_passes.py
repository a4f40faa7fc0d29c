import pytest


def test_an_assert_passes(assertion_pass_calls):
    assert 1 + 1 == 2
    assert assertion_pass_calls == []


@pytest.mark.asyncio
async def test_an_async_assert_passes(assertion_pass_calls):
    assert [1] == [1]
    assert assertion_pass_calls == []


def test_the_switch_is_off(pytestconfig):
    assert pytestconfig.getini("enable_assertion_pass_hook") is False
