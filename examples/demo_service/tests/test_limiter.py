"""The token-bucket rate limiter, driven by a fake clock (fast) and once by real time (slow)."""

import pytest

from demo_service import RateLimiter, RateLimitExceeded


def test_starts_full(limiter: RateLimiter) -> None:
    assert limiter.tokens == 3


def test_refuses_when_empty(limiter: RateLimiter) -> None:
    assert [limiter.try_acquire() for _ in range(4)] == [True, True, True, False]


@pytest.mark.parametrize(("elapsed", "expected"), [(0.0, 0.0), (0.25, 0.5), (1.0, 2.0), (60.0, 3.0)])
def test_refills_at_rate_up_to_capacity(limiter: RateLimiter, clock, elapsed: float, expected: float) -> None:
    for _ in range(3):
        assert limiter.try_acquire()
    clock.advance(elapsed)
    assert limiter.tokens == pytest.approx(expected)


@pytest.mark.parametrize(("rate", "capacity"), [(0, 1), (1, 0), (-1.0, 5)])
def test_rejects_bad_settings(rate: float, capacity: int) -> None:
    with pytest.raises(ValueError, match="must be positive"):
        RateLimiter(rate=rate, capacity=capacity)


async def test_acquire_takes_a_token_without_waiting(limiter: RateLimiter) -> None:
    await limiter.acquire(timeout=0.1)
    assert limiter.tokens == 2


async def test_acquire_times_out_when_no_token_frees_up() -> None:
    limiter = RateLimiter(rate=0.001, capacity=1)
    await limiter.acquire()
    with pytest.raises(RateLimitExceeded, match="no token within"):
        await limiter.acquire(timeout=0.01)


@pytest.mark.slow
async def test_acquire_waits_for_a_refill() -> None:
    limiter = RateLimiter(rate=50.0, capacity=1)
    await limiter.acquire()
    await limiter.acquire(timeout=1.0)  # one token takes 20 ms to come back
    assert limiter.tokens < 1
