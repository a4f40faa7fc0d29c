"""What a test prints into capsys / capfd and never reads: pytest's capture fixture stops at the end of
each phase and hands its unread output to that phase's capture, so a failing test shows it under
"Captured stdout call" (or setup), and ``readouterr`` still returns it afterwards."""

import sys

import pytest


@pytest.fixture
def reads_at_teardown(capsys):
    yield
    # The call's unread output is still there for a later readouterr.
    assert capsys.readouterr().out == "printed by the test\n"


@pytest.fixture
def prints_in_setup(capsys):
    print("printed while setting up")


def test_unread_output_is_the_calls(capsys):
    print("never read")
    sys.stderr.write("never read either\n")
    assert False


def test_output_after_a_read(capfd):
    print("read")
    assert capfd.readouterr().out == "read\n"
    print("printed after the read")
    assert False


def test_unread_output_is_read_at_teardown(reads_at_teardown):
    print("printed by the test")


def test_setup_output_is_the_setups(prints_in_setup, capsys):
    assert capsys.readouterr().out == "printed while setting up\n"
    print("and the call's")
    assert False


async def test_an_async_test_too(capsys):
    print("from a coroutine")
    assert False
