"""The one place that makes ``pytest``, ``pytest_asyncio`` and ``_pytest.*`` importable inside a run.

The real pytest is never used, even when installed: user code and plugins importing these names get
the shim modules, so fixtures and marks they declare are asynctestrun's own.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import sys
import types
from collections.abc import Sequence
from typing import Any

from . import pytest_api, pytest_asyncio_api

_SHIMMED = ("pytest", "pytest_asyncio", "_pytest", "py")
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
            raise AttributeError(f"module {self.__name__!r} has no attribute {name!r} in asynctestrun's shim") from None


class ShimFinder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: types.ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        root = fullname.split(".", 1)[0]
        if root not in ("_pytest", "pytest_asyncio", "pytest") or fullname in ("pytest", "pytest_asyncio"):
            return None
        return importlib.machinery.ModuleSpec(fullname, self, is_package=True)

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> types.ModuleType:
        if spec.name.startswith("pytest_asyncio."):
            module = types.ModuleType(spec.name)
            module.__dict__.update({k: v for k, v in vars(pytest_asyncio_api).items() if not k.startswith("__")})
            module.__path__ = []
            return module
        module = _AliasModule(spec.name)
        module.__path__ = []
        return module

    def exec_module(self, module: types.ModuleType) -> None:
        return None


_finder = ShimFinder()


def install(rewriter: Any = None) -> None:
    global _rewriter  # noqa: PLW0603 - set once per run by the session
    _rewriter = rewriter
    for name in list(sys.modules):
        if name.split(".", 1)[0] in ("pytest", "pytest_asyncio", "_pytest"):
            del sys.modules[name]
    sys.modules["pytest"] = pytest_api
    sys.modules["pytest_asyncio"] = pytest_asyncio_api
    if _finder not in sys.meta_path:
        sys.meta_path.insert(0, _finder)
