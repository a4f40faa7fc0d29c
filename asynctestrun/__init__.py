"""asynctestrun: a fast, standalone runner for async test suites written for pytest + pytest-asyncio.

The public API below is what test code uses (directly, or through the ``pytest`` and
``pytest_asyncio`` shim names). Layering: ``_model`` < ``_declare`` < ``_config`` < ``_collect`` <
``_plan`` < ``_execute`` < ``_report`` < ``session`` < ``cli``; the shim maps onto ``_declare``.
Imports here are lazy so that ``asynctestrun --version`` stays fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from ._declare.approx import approx as approx
    from ._declare.fixtures import asyncio_fixture as asyncio_fixture
    from ._declare.fixtures import fixture as fixture
    from ._declare.marks import mark as mark
    from ._declare.marks import param as param
    from ._declare.outcomes import fail as fail
    from ._declare.outcomes import importorskip as importorskip
    from ._declare.outcomes import skip as skip
    from ._declare.outcomes import xfail as xfail
    from ._declare.raises import raises as raises
    from ._declare.runner_warnings import AsynctestrunWarning as AsynctestrunWarning
    from ._declare.runner_warnings import LeakWarning as LeakWarning
    from ._declare.runner_warnings import LoopScopeWarning as LoopScopeWarning
    from ._declare.runner_warnings import SlowCallbackWarning as SlowCallbackWarning
    from ._declare.warns import warns as warns

_EXPORTS = {
    "approx": "._declare.approx",
    "asyncio_fixture": "._declare.fixtures",
    "fixture": "._declare.fixtures",
    "mark": "._declare.marks",
    "param": "._declare.marks",
    "fail": "._declare.outcomes",
    "importorskip": "._declare.outcomes",
    "skip": "._declare.outcomes",
    "xfail": "._declare.outcomes",
    "raises": "._declare.raises",
    "warns": "._declare.warns",
    "AsynctestrunWarning": "._declare.runner_warnings",
    "LeakWarning": "._declare.runner_warnings",
    "LoopScopeWarning": "._declare.runner_warnings",
    "SlowCallbackWarning": "._declare.runner_warnings",
}

__all__ = [
    "AsynctestrunWarning",
    "LeakWarning",
    "LoopScopeWarning",
    "SlowCallbackWarning",
    "__version__",
    "approx",
    "asyncio_fixture",
    "fail",
    "fixture",
    "importorskip",
    "mark",
    "param",
    "raises",
    "skip",
    "warns",
    "xfail",
]


def __getattr__(name: str) -> Any:
    module_name = _EXPORTS.get(name)
    if module_name is None:
        raise AttributeError(f"module 'asynctestrun' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module_name, __name__), name)
