"""The shim's list of importable ``_pytest`` / ``pytest`` / ``pytest_asyncio`` submodules is pytest's own.

Checked against the installed reference's file list (read from its metadata, not imported: inside a run
these names are the shim's), where the installed versions are the ones asynctestrun copies.
"""

from __future__ import annotations

import importlib
import importlib.metadata

import pytest

from asynctestrun._shim.module_names import PACKAGES, REAL_MODULES

_REFERENCE = {"pytest": ("9.2.", ("_pytest", "pytest")), "pytest-asyncio": ("1.5.", ("pytest_asyncio",))}


def _modules_in(distribution: str) -> tuple[set[str], set[str]]:
    """(modules, packages) of an installed distribution's top-level packages."""
    version, tops = _REFERENCE[distribution]
    try:
        dist = importlib.metadata.distribution(distribution)
    except importlib.metadata.PackageNotFoundError:
        pytest.skip(f"{distribution} is not installed")
    if not dist.version.startswith(version):
        pytest.skip(f"{distribution} {dist.version} is not the {version}x that asynctestrun copies")
    modules, packages = set(), set()
    for file in dist.files or ():
        if file.parts[0] not in tops or file.suffix != ".py":
            continue
        name = ".".join(file.parts)[: -len(".py")]
        if name.endswith(".__init__"):
            name = name[: -len(".__init__")]
            packages.add(name)
        modules.add(name)
    return modules, packages


@pytest.mark.parametrize("distribution", sorted(_REFERENCE))
def test_the_shims_modules_are_the_installed_references(distribution: str) -> None:
    modules, packages = _modules_in(distribution)
    tops = _REFERENCE[distribution][1]
    shimmed = {name for name in REAL_MODULES if name.split(".", 1)[0] in tops}
    # ``pytest`` and ``pytest_asyncio`` themselves are the shim modules, not found by name.
    assert shimmed == modules - {"pytest", "pytest_asyncio"}
    assert {name for name in PACKAGES if name.split(".", 1)[0] in tops} == packages - {
        "pytest",
        "pytest_asyncio",
    }


def test_a_removed_module_is_not_found() -> None:
    with pytest.raises(ModuleNotFoundError):
        importlib.import_module("_pytest.python_api")
