"""pytest 9.1 deprecates class-or-wider-scoped fixtures that are plain methods (PytestRemovedIn10Warning,
an error here through filterwarnings = error); classmethods, staticmethods and function-scoped methods
are fine."""

import pytest
import pytest_asyncio


class TestClassScopedMethod:
    @pytest.fixture(scope="class")
    def value(self):
        return 1

    def test_first(self, value):
        assert value == 1

    def test_second(self, value):
        assert value == 1


class TestAsyncClassScopedMethod:
    @pytest_asyncio.fixture(scope="class", loop_scope="class")
    async def value(self):
        return 1

    @pytest.mark.asyncio(loop_scope="class")
    async def test_async(self, value):
        assert value == 1


class TestAllowedForms:
    @pytest.fixture(scope="class")
    @classmethod
    def from_classmethod(cls):
        return 1

    @pytest.fixture(scope="class")
    @staticmethod
    def from_staticmethod():
        return 2

    @pytest.fixture
    def function_scoped(self):
        return 3

    def test_allowed(self, from_classmethod, from_staticmethod, function_scoped):
        assert (from_classmethod, from_staticmethod, function_scoped) == (1, 2, 3)


class TestModuleScopedMethod:
    @pytest.fixture(scope="module")
    def value(self):
        return 1

    def test_module_scoped(self, value):
        assert value == 1


def test_plugin_function_fixture(plugin_value):
    assert plugin_value == 3


def test_plugin_session_fixture(plugin_session_value):
    assert plugin_session_value == 4
