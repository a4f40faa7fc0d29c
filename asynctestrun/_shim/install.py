"""The one place that makes ``pytest``, ``pytest_asyncio`` and ``_pytest.*`` importable inside a run.

The real pytest is never used, even when installed: user code and plugins importing these names get
the shim modules, so fixtures and marks they declare are asynctestrun's own.
"""

from __future__ import annotations

import importlib.machinery
import importlib.util
import sys
import types
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .._declare.fixtures import FixtureFunction
from .._declare.outcomes import xfail, xfail_ignored
from . import internals, pytest_api, pytest_asyncio_api
from .module_names import PACKAGES, REAL_MODULES

_SHIMMED = ("pytest", "pytest_asyncio", "_pytest", "py")
# ``_pytest`` modules with names of their own, which the pytest shim's names do not cover: plugins
# import them from there (syrupy's ``from _pytest.mark.expression import Expression``,
# pytest-examples's ``from _pytest.assertion.rewrite import AssertionRewritingHook``).
_OWN_NAMES = {
    "_pytest.mark.expression": "asynctestrun._shim.mark_expression",
    "_pytest.assertion.rewrite": "asynctestrun._shim.rewriting_hook",
}
# Names pytest's own modules hold beyond what ``pytest`` exports, read by libraries that find pytest's
# modules already imported (a plugin such as pytest-randomly imports ``_pytest.*``): hypothesis's
# ``@given`` compares ``_pytest.__version__`` and checks ``isinstance(f, FixtureFunctionDefinition)``,
# so without them every ``@given`` test module failed to import.
_VERSION: dict[str, object] = {
    "__version__": pytest_api.__version__,
    "version_tuple": pytest_api.version_tuple,
}
_MODULE_NAMES: dict[str, dict[str, object]] = {
    **internals.MODULE_NAMES,
    "_pytest": _VERSION,
    "_pytest._version": {**_VERSION, "version": pytest_api.__version__},
    "_pytest.fixtures": {
        "FixtureFunctionDefinition": FixtureFunction,
        "TopRequest": pytest_api.FixtureRequest,
    },
}
# pytest's own modules that are always imported under pytest, and that libraries look for in
# ``sys.modules`` instead of importing them: hypothesis counts ``_pytest.outcomes.Failed`` (pytest.fail
# in a ``@given`` test) as a failure to shrink and report, and refuses ``@given`` on a fixture.
_ALWAYS_IMPORTED = ("_pytest", "_pytest.outcomes", "_pytest.fixtures")
_rewriter: Any = None  # the active assertion rewriter, for register_assert_rewrite()


def current_rewriter() -> Any:
    return _rewriter


class _AliasModule(types.ModuleType):
    """``_pytest.something``: every attribute falls back to the pytest shim's names."""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        try:
            return getattr(pytest_api, name)
        except AttributeError:
            raise AttributeError(
                f"module {self.__name__!r} has no attribute {name!r} in asynctestrun's shim"
            ) from None


if TYPE_CHECKING:
    from importlib.abc import Loader as _Loader
else:
    _Loader = object


class ShimFinder(_Loader):
    """A meta path finder and loader by its methods (``importlib.abc``'s bases would cost an import)."""

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: types.ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        root = fullname.split(".", 1)[0]
        if root not in ("_pytest", "pytest_asyncio", "pytest") or fullname in ("pytest", "pytest_asyncio"):
            return None
        if fullname not in REAL_MODULES:
            # A module pytest 9.2 does not have (``_pytest.python_api``, gone since pytest 9) fails
            # to import there, and so the test module importing it is a collection error: not found
            # here either, so the import raises the same ModuleNotFoundError.
            return None
        return importlib.machinery.ModuleSpec(fullname, self, is_package=fullname in PACKAGES)

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> types.ModuleType:
        if spec.name in ("_pytest._py.path", "_pytest._py.error"):
            return _legacy_py_module(spec.name)
        if spec.name.startswith("pytest_asyncio."):
            module = types.ModuleType(spec.name)
            module.__dict__.update(
                {k: v for k, v in vars(pytest_asyncio_api).items() if not k.startswith("__")}
            )
            return module
        module = _AliasModule(spec.name)
        if spec.submodule_search_locations is not None:
            module.__path__ = []
        if spec.name in _OWN_NAMES:
            own = importlib.import_module(_OWN_NAMES[spec.name])
            module.__dict__.update({name: getattr(own, name) for name in own.__all__})
        module.__dict__.update(_MODULE_NAMES.get(spec.name, {}))
        return module

    def exec_module(self, module: types.ModuleType) -> None:
        return None


def _legacy_py_module(name: str) -> types.ModuleType:
    """``py.path.local`` and ``py.error`` for suites still using the legacy ``py`` library names."""
    from .._builtins.legacypath import LocalPath

    module = types.ModuleType(name)
    if name.endswith(".path"):
        module.LocalPath = LocalPath  # type: ignore[attr-defined]
        module.local = LocalPath  # type: ignore[attr-defined]
    else:
        setattr(module, "__getattr__", _errno_error)  # noqa: B010 - module-level __getattr__
        module.Error = OSError  # type: ignore[attr-defined]
    return module


_ERRNO_CLASSES: dict[str, type[OSError]] = {
    "ENOENT": FileNotFoundError,
    "EEXIST": FileExistsError,
    "EISDIR": IsADirectoryError,
    "ENOTDIR": NotADirectoryError,
    "EACCES": PermissionError,
    "EPERM": PermissionError,
}


def _errno_error(name: str) -> type[OSError]:
    if name.startswith("__"):
        raise AttributeError(name)
    return _ERRNO_CLASSES.get(name, OSError)


def _install_py() -> None:
    """``import py``: the real library or pytest's ``py.py`` shim when installed, else ours."""
    if importlib.util.find_spec("py") is not None:
        return
    module = types.ModuleType("py")
    module.path = _legacy_py_module("_pytest._py.path")  # type: ignore[attr-defined]
    module.error = _legacy_py_module("_pytest._py.error")  # type: ignore[attr-defined]
    sys.modules["py"] = module


_finder = ShimFinder()


def use_runxfail(enabled: bool) -> None:
    """--runxfail: as pytest, when the run is configured, ``pytest.xfail`` becomes a function that does
    nothing (test modules imported from then on see it)."""
    pytest_api.xfail = xfail_ignored if enabled else xfail  # type: ignore[assignment]


def install(rewriter: Any = None) -> None:
    global _rewriter
    _rewriter = rewriter
    for name in list(sys.modules):
        if name.split(".", 1)[0] in ("pytest", "pytest_asyncio", "_pytest"):
            del sys.modules[name]
    sys.modules["pytest"] = pytest_api
    sys.modules["pytest_asyncio"] = pytest_asyncio_api
    # Both are packages in the real world (``pytest_asyncio.plugin``, ``pytest.__main__``): without a
    # ``__path__`` the import system refuses their submodules before asking ShimFinder.
    for shim in (pytest_api, pytest_asyncio_api):
        if not hasattr(shim, "__path__"):
            shim.__path__ = []
    if _finder not in sys.meta_path:
        sys.meta_path.insert(0, _finder)
    for name in _ALWAYS_IMPORTED:
        importlib.import_module(name)
    _install_py()
