"""pytest-describe blocks: nesting, block fixtures, marks on blocks, async tests, module scope per block."""

import pytest
from eventlog import record


@pytest.fixture(scope="module")
def per_block():
    # A block is a module to pytest: this is set up again in each outermost block that asks for it.
    record("setup per_block")
    yield
    record("teardown per_block")


@pytest.fixture
def greeting():
    return "module"


def describe_greeting():
    @pytest.fixture
    def greeting():
        return "block"

    def sees_the_block_fixture(greeting, per_block):
        assert greeting == "block"

    def _helper_is_not_a_test():
        raise AssertionError("never collected")

    class TestNotCollectedInBlocks:
        def test_never(self):
            raise AssertionError("never collected")

    def describe_nested():
        @pytest.fixture
        def greeting(greeting):
            return greeting + "+nested"

        def sees_the_innermost_override(greeting, per_block):
            assert greeting == "block+nested"

        def fails_plainly():
            assert 1 == 2

        @pytest.mark.parametrize("n", [1, 2])
        def parametrized(n):
            assert n in (1, 2)

    @pytest.mark.asyncio
    async def runs_on_a_loop():
        await asyncio_sleep()

    @pytest.mark.xfail(reason="marked in a block", strict=True)
    def expected_failure():
        assert False


@pytest.mark.skip(reason="the whole block")
def describe_skipped_block():
    def never_runs():
        raise AssertionError("skipped")

    def describe_inner():
        def inherits_the_skip():
            raise AssertionError("skipped")


def context_with_the_second_prefix():
    pytestmark = pytest.mark.xfail(reason="local pytestmark", strict=True)

    def fails_as_expected(per_block):
        assert False


def test_plain_module_test(greeting):
    assert greeting == "module"


async def asyncio_sleep():
    import asyncio

    await asyncio.sleep(0)
