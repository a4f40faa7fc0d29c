"""What a ``subtests`` block prints is captured on its own and shown with that subtest's failure."""

import logging
import sys

import pytest


@pytest.fixture
def announced():
    print("set up the fixture")
    yield
    print("tore down the fixture")


def test_blocks_print(subtests, announced):
    print("before the blocks")
    for i in range(3):
        with subtests.test(i=i):
            print(f"block {i}")
            print(f"block {i} to stderr", file=sys.stderr)
            assert i != 1
    print("after the blocks")


def test_a_passing_block_prints(subtests):
    with subtests.test("passes"):
        print("printed by a passing block")
    print("printed by the test")


def test_capsys_keeps_the_blocks_output(subtests, capsys):
    with subtests.test("reads"):
        print("seen by capsys")
    assert capsys.readouterr().out == "seen by capsys\n"
    with subtests.test("fails"):
        print("also seen by capsys")
        assert capsys.readouterr().out == "not what was printed\n"


async def test_async_blocks(subtests):
    for i in range(2):
        with subtests.test(i=i):
            print(f"async block {i}")
            assert i == 0


def test_a_block_logs(subtests):
    logging.getLogger("blocks").warning("before")
    with subtests.test("logs"):
        logging.getLogger("blocks").warning("inside")
        assert False
