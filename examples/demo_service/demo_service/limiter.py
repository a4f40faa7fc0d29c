"""A token-bucket rate limiter for async callers.

The bucket holds up to ``capacity`` tokens and refills at ``rate`` tokens per second. ``try_acquire``
takes a token or returns False; ``acquire`` waits until one is available. The clock is injectable so
tests can drive time without sleeping.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable


class RateLimitExceeded(RuntimeError):
    """Raised by ``acquire(timeout=...)`` when no token frees up in time."""


class RateLimiter:
    def __init__(self, rate: float, capacity: int, clock: Callable[[], float] = time.monotonic) -> None:
        if rate <= 0 or capacity <= 0:
            raise ValueError("rate and capacity must be positive")
        self.rate = rate
        self.capacity = capacity
        self._clock = clock
        self._tokens = float(capacity)
        self._updated = clock()
        self._lock = asyncio.Lock()

    @property
    def tokens(self) -> float:
        self._refill()
        return self._tokens

    def _refill(self) -> None:
        now = self._clock()
        self._tokens = min(self.capacity, self._tokens + (now - self._updated) * self.rate)
        self._updated = now

    def try_acquire(self) -> bool:
        self._refill()
        if self._tokens >= 1:
            self._tokens -= 1
            return True
        return False

    async def acquire(self, timeout: float | None = None) -> None:
        """Wait for a token; raise RateLimitExceeded if ``timeout`` seconds pass first."""
        async with self._lock:
            try:
                async with asyncio.timeout(timeout):
                    while not self.try_acquire():
                        await asyncio.sleep((1 - self._tokens) / self.rate)
            except TimeoutError:
                raise RateLimitExceeded(f"no token within {timeout}s") from None
