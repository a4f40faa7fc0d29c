"""pytest.skip / pytest.fail called as pytest 9 takes them: allow_module_level and pytrace may be
positional; the msg= keyword (removed in pytest 8) is a TypeError, so the test fails."""

import pytest


def test_skip_with_msg_keyword():
    pytest.skip(msg="old spelling")


def test_skip_allow_module_level_positional():
    pytest.skip("a reason", False)


async def test_async_skip_with_msg_keyword():
    pytest.skip(msg="old spelling")


def test_fail_with_msg_keyword():
    pytest.fail(msg="old spelling")


def test_fail_pytrace_positional():
    pytest.fail("a reason", False)


def test_skip_reason_keyword():
    pytest.skip(reason="new spelling")
