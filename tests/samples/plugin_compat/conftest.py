# What pytest-trio's plugin does for @pytest.mark.trio tests, reduced: an old-style
# pytest_runtest_call hookwrapper replaces item.obj by a sync function that runs the coroutine.
import asyncio
import functools

import pytest


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_call(item):
    if item.get_closest_marker("myrunner") is not None:
        fn = item.obj

        @functools.wraps(fn)
        def wrapper(**kwargs):
            return asyncio.run(fn(**kwargs))

        item.obj = wrapper
    yield
