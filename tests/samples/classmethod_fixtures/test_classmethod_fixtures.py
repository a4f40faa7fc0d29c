import pytest
import pytest_asyncio

from conftest import log


class TestGenerator:
    @pytest.fixture(scope="class")
    @classmethod
    def resource(cls):
        log(f"set up resource for {cls.__name__}")
        cls.opened = True
        yield "resource"
        log(f"tear down resource for {cls.__name__}")

    @pytest.fixture
    @classmethod
    def per_test(cls, resource):
        log("set up per_test")
        yield resource.upper()
        log("tear down per_test")

    def test_value(self, resource):
        assert resource == "resource"
        assert self.opened

    def test_function_scoped(self, per_test):
        assert per_test == "RESOURCE"


class TestAsyncGenerator:
    @pytest_asyncio.fixture(scope="class", loop_scope="class")
    @classmethod
    async def connection(cls):
        log(f"open connection for {cls.__name__}")
        yield 42
        log(f"close connection for {cls.__name__}")

    @pytest.mark.asyncio(loop_scope="class")
    async def test_value(self, connection):
        assert connection == 42


class TestTeardownFails:
    @pytest.fixture(scope="class")
    @classmethod
    def broken(cls):
        yield
        log("tear down broken")
        raise RuntimeError("teardown of a classmethod fixture")

    def test_uses_it(self, broken):
        pass

    def test_last(self):
        pass


def test_after_the_classes():
    log("test_after_the_classes")
