"""Imports failing inside a test: importlib.import_module goes through the frozen import machinery,
whose frames pytest lists (with ??? for their source); an import statement's are removed by Python."""

import importlib

import pytest


def test_import_module_of_a_missing_module():
    importlib.import_module("no_such_module_in_this_sample")


def test_import_module_of_a_missing_submodule():
    importlib.import_module("json.no_such_submodule_in_this_sample")


@pytest.mark.asyncio
async def test_async_import_module_of_a_missing_module():
    importlib.import_module("no_such_module_in_this_sample")


def test_import_statement_of_a_missing_module():
    import no_such_module_in_this_sample  # noqa: F401


def test_passes():
    pass
