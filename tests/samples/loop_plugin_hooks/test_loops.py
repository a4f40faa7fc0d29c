import asyncio

import pytest

import call_log_plugin


async def test_function_loop_is_seen_by_the_plugin():
    loop = asyncio.get_running_loop()
    assert loop.made_by == "_function_scoped_runner (function)"
    assert loop.running_test == "test_function_loop_is_seen_by_the_plugin"


@pytest.mark.asyncio(loop_scope="module")
async def test_module_loop_is_seen_by_the_plugin():
    loop = asyncio.get_running_loop()
    assert loop.made_by == "_module_scoped_runner (module)"
    assert loop.running_test == "test_module_loop_is_seen_by_the_plugin"


@pytest.mark.asyncio(loop_scope="module")
async def test_module_loop_is_shared():
    loop = asyncio.get_running_loop()
    assert loop.made_by == "_module_scoped_runner (module)"
    assert loop.running_test == "test_module_loop_is_shared"


@pytest.mark.asyncio(loop_scope="module")
async def test_the_module_runner_is_among_the_funcargs(request):
    runners = {name: value for name, value in request.node.funcargs.items() if isinstance(value, asyncio.Runner)}
    assert list(runners) == ["_module_scoped_runner"]
    assert runners["_module_scoped_runner"].get_loop() is asyncio.get_running_loop()


async def test_failing_test_goes_through_the_wrappers():
    assert False


@pytest.mark.fail_in_wrapper
async def test_wrapper_fails_a_passing_test():
    pass


def test_sync_test_goes_through_the_wrappers():
    pass


def test_outcomes_seen_by_the_old_style_wrapper():
    assert call_log_plugin.OUTCOMES == [
        ("test_function_loop_is_seen_by_the_plugin", "returned"),
        ("test_module_loop_is_seen_by_the_plugin", "returned"),
        ("test_module_loop_is_shared", "returned"),
        ("test_the_module_runner_is_among_the_funcargs", "returned"),
        ("test_failing_test_goes_through_the_wrappers", "raised"),
        ("test_wrapper_fails_a_passing_test", "raised"),  # the wrapper inside this one raised
        ("test_sync_test_goes_through_the_wrappers", "returned"),
    ]


async def test_the_runner_is_among_the_funcargs(request):
    runners = {name: value for name, value in request.node.funcargs.items() if isinstance(value, asyncio.Runner)}
    assert list(runners) == ["_function_scoped_runner"]
    assert runners["_function_scoped_runner"].get_loop() is asyncio.get_running_loop()

