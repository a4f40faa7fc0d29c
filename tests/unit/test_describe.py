"""pytest-describe blocks: evaluating a block function into its namespace."""

import sys

import pytest

from asynctestrun._collect.describe import UnsupportedBlock, block_namespace, is_block, is_test_name


def test_the_namespace_is_the_blocks_locals_at_return():
    def describe_thing():
        value = 1

        def it_works():
            pass

        def helper():
            return value

        helper()

    namespace = block_namespace(describe_thing)
    assert namespace["value"] == 1
    assert callable(namespace["it_works"])
    assert "helper" in namespace


def test_an_existing_profiler_is_put_back():
    def describe_thing():
        pass

    def profiler(frame, event, arg):
        return None

    sys.setprofile(profiler)
    try:
        block_namespace(describe_thing)
        assert sys.getprofile() is profiler
    finally:
        sys.setprofile(None)


def test_a_block_with_arguments_is_refused():
    def describe_thing(some_fixture):
        pass

    with pytest.raises(UnsupportedBlock, match="arguments"):
        block_namespace(describe_thing)


def test_blocks_are_functions_named_with_a_prefix():
    def describe_a():
        pass

    def context_b():
        pass

    assert is_block(describe_a, ("describe",))
    assert is_block(context_b, ("describe", "context"))
    assert not is_block(context_b, ("describe",))
    assert not is_block(type("describe_class", (), {}), ("describe",))
    assert is_test_name("anything") and not is_test_name("_private")
