"""Loading installed pytest plugins (``pytest11`` entry points) through the shim.

pytest-asyncio is skipped (asynctestrun is its replacement), as are plugins disabled with ``-p no:NAME``
and plugins whose job asynctestrun does itself. A plugin that fails to import is named in a warning; the
tests that need its fixtures then fail with "fixture not found", never silently.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from .._config.config import Config
from . import entry_points

if TYPE_CHECKING:
    from .collector import Collector

# Entry points whose functionality is built in (or meaningless) here.
REPLACED = frozenset(
    {
        "asyncio",
        "pytest_asyncio",
        "anyio",
        "cacheprovider",
        "xdist",
        "xdist.looponfail",
        "hypothesispytest",
        "pytest_cov",
        "benchmark",
        "codspeed",
        "timeout",
    }
)


def load_entry_point_plugins(collector: Collector, config: Config) -> list[str]:
    warnings: list[str] = []
    if os.environ.get("PYTEST_DISABLE_PLUGIN_AUTOLOAD"):
        return warnings
    disabled = set(config.disabled_plugins)
    for ep in _pytest11():
        if ep.name in REPLACED or ep.name in disabled or ep.value.split(".", 1)[0] in disabled:
            continue
        if ep.value.startswith(("pytest_asyncio", "anyio", "xdist", "hypothesis", "pytest_cov")):
            continue
        try:
            module = ep.load()
        except Exception as exc:
            warnings.append(
                f"plugin {ep.name!r} ({ep.value}) could not be loaded and is ignored: "
                f"{type(exc).__name__}: {exc}"
            )
            continue
        collector.register_plugin(ep.name, module)
    return warnings


def _pytest11() -> list[Any]:
    found = entry_points.pytest11()
    if found is not None:
        return found
    from importlib.metadata import entry_points as metadata_entry_points

    return list(metadata_entry_points(group=entry_points.GROUP))
