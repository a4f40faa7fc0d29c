"""Tests using pytest-benchmark's fixture: what the benchmarked function returns is what they check."""

import pytest


def fib(n: int) -> int:
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def test_call_returns_the_result(benchmark):
    assert benchmark(fib, 10) == 55


def test_pedantic_with_setup(benchmark):
    assert benchmark.pedantic(fib, setup=lambda: ((12,), {}), rounds=3) == 144


def test_pedantic_rejects_bad_rounds(benchmark):
    with pytest.raises(ValueError, match="rounds"):
        benchmark.pedantic(fib, args=(3,), rounds=0)


def test_used_twice_fails(benchmark):
    benchmark(fib, 1)
    benchmark(fib, 1)


@pytest.mark.benchmark(group="small")
def test_group_and_extra_info(benchmark):
    benchmark.extra_info["size"] = 1
    assert benchmark.group == "small"
    assert benchmark(lambda: "done") == "done"


def test_wrong_result_fails(benchmark):
    assert benchmark(fib, 5) == 6


@pytest.mark.asyncio
async def test_async_test_without_benchmark():
    assert fib(3) == 2
