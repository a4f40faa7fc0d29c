import asyncio

import pytest
import pytest_asyncio

LOOPS = {}


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def module_fixture_loop():
    return asyncio.get_running_loop()


@pytest_asyncio.fixture
async def default_loop_scope_fixture():
    # asyncio_default_fixture_loop_scope = module in pytest.ini
    return asyncio.get_running_loop()


@pytest_asyncio.fixture(loop_scope="function")
async def function_loop_fixture():
    return asyncio.get_running_loop()


@pytest.mark.asyncio(loop_scope="module")
async def test_module_loop_first():
    LOOPS["module"] = asyncio.get_running_loop()


@pytest.mark.asyncio(loop_scope="module")
async def test_module_loop_second_shares_the_loop():
    assert asyncio.get_running_loop() is LOOPS["module"]


@pytest.mark.asyncio
async def test_function_loop_first():
    LOOPS["function"] = asyncio.get_running_loop()
    assert LOOPS["function"] is not LOOPS["module"]


@pytest.mark.asyncio
async def test_function_loop_second_gets_a_fresh_loop():
    loop = asyncio.get_running_loop()
    assert loop is not LOOPS["function"]
    assert loop is not LOOPS["module"]


@pytest.mark.asyncio(loop_scope="module")
async def test_module_fixture_runs_in_the_module_loop(module_fixture_loop):
    assert module_fixture_loop is asyncio.get_running_loop() is LOOPS["module"]


@pytest.mark.asyncio(loop_scope="module")
async def test_default_fixture_loop_scope_from_ini(default_loop_scope_fixture):
    assert default_loop_scope_fixture is asyncio.get_running_loop()


@pytest.mark.asyncio
async def test_function_loop_fixture_shares_the_test_loop(function_loop_fixture):
    assert function_loop_fixture is asyncio.get_running_loop()


@pytest.mark.asyncio(loop_scope="module")
async def test_module_loop_test_may_use_function_loop_fixture(function_loop_fixture):
    assert function_loop_fixture is not asyncio.get_running_loop()


@pytest.mark.asyncio
async def test_function_loop_test_gets_module_loop_fixture_value(default_loop_scope_fixture):
    assert default_loop_scope_fixture is LOOPS["module"]
    assert default_loop_scope_fixture is not asyncio.get_running_loop()


@pytest.mark.asyncio(loop_scope="class")
class TestClassLoop:
    loop = None

    async def test_first_records_class_loop(self):
        type(self).loop = asyncio.get_running_loop()
        assert type(self).loop is not LOOPS["module"]

    async def test_second_shares_class_loop(self):
        assert asyncio.get_running_loop() is type(self).loop


class TestClassLoopViaPytestmark:
    pytestmark = pytest.mark.asyncio(loop_scope="class")
    loop = None

    async def test_first(self):
        type(self).loop = asyncio.get_running_loop()
        assert type(self).loop is not TestClassLoop.loop

    async def test_second(self):
        assert asyncio.get_running_loop() is type(self).loop


@pytest.mark.asyncio(loop_scope="session")
async def test_session_loop_recorded(loops_seen):
    loops_seen["session"] = asyncio.get_running_loop()
