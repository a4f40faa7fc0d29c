"""Tests for pytest-codspeed: without --codspeed they all run and each benchmarked function runs as a
plain call; with --codspeed (or $CODSPEED_ENV) only the benchmarks run, seeded and checked."""

import gc
import random

import pytest

FIRST_DRAWS: list[float] = []


def fib(n: int) -> int:
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def test_call_returns_the_result(benchmark):
    assert benchmark(fib, 10) == 55


def test_decorator_and_keyword_arguments(benchmark):
    @benchmark
    def result():
        return fib(n=6)

    assert result == 8


def test_used_twice_fails(benchmark):
    benchmark(fib, 1)
    benchmark(fib, 1)


def test_wrong_result_fails(benchmark):
    assert benchmark(fib, 5) == 6


def test_pedantic_passes_the_arguments_to_setup(codspeed_benchmark):
    seen = []
    result = codspeed_benchmark.pedantic(fib, args=(7,), setup=seen.append, teardown=seen.append)
    assert result == 13
    assert seen[:2] == [7, 7]


def test_pedantic_setup_returning_arguments_beside_args(codspeed_benchmark):
    with pytest.raises(ValueError, match="setup cannot return a value"):
        codspeed_benchmark.pedantic(fib, args=(3,), setup=lambda n: ((n,), {}))


def test_pedantic_rejects_negative_rounds(codspeed_benchmark):
    with pytest.raises(ValueError, match="rounds must be positive"):
        codspeed_benchmark.pedantic(fib, args=(3,), rounds=-1)


def test_extra_info_and_attributes(codspeed_benchmark):
    codspeed_benchmark.extra_info["size"] = 1
    assert not hasattr(codspeed_benchmark, "group")


def test_seeded_when_measured(codspeed_benchmark):
    # pytest-codspeed seeds random with 0 before it measures (only under --codspeed)
    assert codspeed_benchmark(random.random) == random.Random(0).random()


def test_measured_without_the_garbage_collector(benchmark):
    assert benchmark(gc.isenabled) is False


@pytest.mark.benchmark
def test_whole_test_marked():
    assert fib(8) == 21


@pytest.mark.codspeed_benchmark
@pytest.mark.asyncio
async def test_async_test_marked():
    assert fib(4) == 3


@pytest.mark.benchmark(min_rounds=3)
def test_mark_with_an_unknown_option():
    # pytest-codspeed checks the mark's keywords only when it measures
    assert fib(2) == 1


@pytest.mark.codspeed_benchmark(group="small", max_rounds=1)
def test_mark_seeds_random():
    # measured, the test runs several times: its first run starts from random.seed(0)
    FIRST_DRAWS.append(random.random())
    assert FIRST_DRAWS[0] == random.Random(0).random()


def test_not_a_benchmark():
    assert fib(3) == 2


@pytest.mark.asyncio
async def test_async_not_a_benchmark():
    assert fib(3) == 2
