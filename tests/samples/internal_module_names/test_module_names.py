"""Only the submodules a real pytest 9.2 / pytest-asyncio 1.5 install has can be imported."""

import importlib
import importlib.util

import pytest
from _pytest.fixtures import fixture
from _pytest.mark.structures import ParameterSet


@pytest.mark.parametrize(
    "name",
    ["_pytest.python_api", "_pytest.fixtures.missing", "pytest.missing", "pytest_asyncio.missing"],
)
def test_a_module_pytest_does_not_have_is_not_found(name):
    with pytest.raises(ModuleNotFoundError):
        importlib.import_module(name)


def test_find_spec_finds_no_removed_module():
    assert importlib.util.find_spec("_pytest.python_api") is None


@pytest.mark.parametrize(
    "name", ["_pytest.raises", "_pytest.mark.structures", "_pytest.assertion.rewrite", "pytest_asyncio.plugin"]
)
def test_a_real_module_imports(name):
    importlib.import_module(name)


@fixture
def answer():
    return 42


@pytest.mark.asyncio
async def test_names_from_real_internal_modules_work(answer):
    assert answer == 42
    assert isinstance(pytest.param(1), ParameterSet)
