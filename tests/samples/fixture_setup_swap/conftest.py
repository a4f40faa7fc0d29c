"""A plugin running async fixtures and tests on its own loop fixture, as aiomisc's does: its
pytest_fixture_setup answers None after swapping in a wrapper for the fixture's function (asking for
``request`` too) and looks the loop up through ``request._get_active_fixturedef``."""

import asyncio
import inspect

import pytest

LOG = []


@pytest.fixture
def own_loop():
    loop = asyncio.new_event_loop()
    yield loop
    loop.close()


def pytest_fixture_setup(fixturedef, request):
    func = fixturedef.func
    if not (inspect.iscoroutinefunction(func) or inspect.isasyncgenfunction(func)):
        return None
    strip_request = "request" not in fixturedef.argnames
    if strip_request:
        fixturedef.argnames += ("request",)
    looked_up = request._get_active_fixturedef("own_loop")
    LOG.append(("looked up", looked_up.argname, isinstance(looked_up.cached_result[0], asyncio.AbstractEventLoop)))

    def wrapper(*args, **kwargs):
        sub_request = kwargs.pop("request") if strip_request else kwargs["request"]
        loop = sub_request.getfixturevalue("own_loop")
        if inspect.iscoroutinefunction(func):
            return loop.run_until_complete(func(*args, **kwargs))
        gen = func(*args, **kwargs)

        def finish():
            try:
                loop.run_until_complete(gen.__anext__())
            except StopAsyncIteration:
                pass

        sub_request.addfinalizer(finish)
        return loop.run_until_complete(gen.__anext__())

    fixturedef.func = wrapper
    return None


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem):
    if not inspect.iscoroutinefunction(pyfuncitem.obj):
        return None
    loop = pyfuncitem.funcargs["own_loop"]
    kwargs = {name: pyfuncitem.funcargs[name] for name in pyfuncitem._fixtureinfo.argnames}
    loop.run_until_complete(pyfuncitem.obj(**kwargs))
    return True
