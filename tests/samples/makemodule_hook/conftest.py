import importlib.util

import pytest


class EmptyModule(pytest.Module):
    """A module collector that collects nothing: how a suite leaves out a file whose optional
    dependency is not installed, without a collection error."""

    def collect(self):
        return []


def pytest_pycollect_makemodule(module_path, parent):
    source = module_path.read_text()
    if "import not_installed_dependency" in source:
        assert importlib.util.find_spec("not_installed_dependency") is None
        return EmptyModule.from_parent(parent, path=module_path, name=module_path.name)
    if module_path.name == "test_default_module.py":
        # pytest's own answer, made by the conftest: collected as usual.
        return pytest.Module.from_parent(parent, path=module_path)
    return None  # the next implementation (pytest's) makes the module
