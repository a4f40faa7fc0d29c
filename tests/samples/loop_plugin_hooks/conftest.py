"""A plugin extending pytest-asyncio's loops the way looptime does: it marks each loop as
pytest-asyncio's runner fixture makes it, and flags the test's running loop around the call."""

import asyncio

import pytest
import pytest_asyncio

pytest_plugins = ["call_log_plugin"]


@pytest.hookimpl(wrapper=True)
def pytest_fixture_setup(fixturedef, request):
    result = yield
    # looptime's test: a fixture of the module getplugin("asyncio") is, whose value is a Runner.
    asyncio_plugin = request.config.pluginmanager.getplugin("asyncio")
    if fixturedef.func.__module__ == asyncio_plugin.__name__ and isinstance(result, asyncio.Runner):
        result.get_loop().made_by = f"{fixturedef.argname} ({fixturedef.scope})"
    return result


@pytest.hookimpl(wrapper=True)
def pytest_pyfunc_call(pyfuncitem):
    if not pytest_asyncio.is_async_test(pyfuncitem):
        return (yield)
    # The running loop as looptime finds it: through the policy, before the test runs.
    loop = pyfuncitem.funcargs["event_loop_policy"].get_event_loop()
    loop.running_test = pyfuncitem.name
    try:
        result = yield
    finally:
        loop.running_test = None
    if pyfuncitem.get_closest_marker("fail_in_wrapper"):
        raise AssertionError("failed by the pytest_pyfunc_call wrapper after the test")
    return result


def pytest_configure(config):
    config.addinivalue_line("markers", "fail_in_wrapper: the wrapper fails the test after its call")
