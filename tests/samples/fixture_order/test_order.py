import pytest
import pytest_asyncio
from eventlog import record


@pytest.fixture(autouse=True)
def module_autouse():
    record("setup module_autouse")
    yield
    record("teardown module_autouse")


@pytest.fixture
def base():
    record("setup base")
    yield "base"
    record("teardown base")


@pytest.fixture
def dependent(base):
    record("setup dependent")
    yield base + "+dependent"
    record("teardown dependent")


@pytest_asyncio.fixture
async def async_dependent(dependent):
    record("setup async_dependent")
    yield dependent + "+async"
    record("teardown async_dependent")


@pytest.fixture
def independent():
    record("setup independent")
    yield
    record("teardown independent")


@pytest.fixture(scope="module", params=["m1", "m2"])
def module_param(request):
    record(f"setup module_param[{request.param}]")
    request.addfinalizer(lambda: record(f"finalizer module_param[{request.param}]"))
    yield request.param
    record(f"teardown module_param[{request.param}]")


def test_dependencies_set_up_first_torn_down_last(independent, dependent):
    record("run test_dependencies_set_up_first_torn_down_last")


@pytest.mark.asyncio
async def test_async_fixture_on_top_of_sync_chain(async_dependent):
    record("run test_async_fixture_on_top_of_sync_chain")
    assert async_dependent == "base+dependent+async"


def test_module_param_first_user(module_param):
    record(f"run test_module_param_first_user[{module_param}]")


def test_module_param_second_user(module_param):
    record(f"run test_module_param_second_user[{module_param}]")


def test_session_param_in_first_module(backend):
    record(f"run test_session_param_in_first_module[{backend}]")


class TestClassAutouse:
    @pytest.fixture(autouse=True)
    def class_autouse(self, base):
        record("setup class_autouse")
        yield
        record("teardown class_autouse")

    def test_class_autouse_runs_after_module_autouse(self):
        record("run test_class_autouse_runs_after_module_autouse")
