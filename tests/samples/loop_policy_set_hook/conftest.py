import asyncio
import warnings

import pytest


class ClosingPolicy(asyncio.DefaultEventLoopPolicy):
    """Closes the loop it replaces on every set_event_loop, even when the new loop is that same
    loop (hikari's test suite installs such a policy to close stale loops)."""

    def set_event_loop(self, loop):
        if self._local._loop:
            self._local._loop.close()
        super().set_event_loop(loop)


with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    asyncio.set_event_loop_policy(ClosingPolicy())


@pytest.hookimpl(wrapper=True)
def pytest_pyfunc_call(pyfuncitem):
    # A wrapper around the call: the test's loop is made current before it, as pytest-asyncio does.
    return (yield)
