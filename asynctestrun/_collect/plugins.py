"""Loading installed pytest plugins (``pytest11`` entry points) through the shim.

pytest-asyncio is skipped (asynctestrun is its replacement), as are plugins disabled with ``-p no:NAME``
and plugins whose job asynctestrun does itself. A plugin that fails to import is named in a warning; the
tests that need its fixtures then fail with "fixture not found", never silently.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

from .._config.config import Config, ConfigError, PluginImportError
from . import entry_points

if TYPE_CHECKING:
    from .._rewrite.hook import RewritingFinder
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
        "timeout",
        "pytest-describe",
    }
)


# pytest's own plugins, which ``-p NAME`` may name: asynctestrun does their work itself, or not at all.
PYTEST_INTERNAL = frozenset(
    {
        "assertion",
        "cacheprovider",
        "capture",
        "debugging",
        "doctest",
        "faulthandler",
        "fixtures",
        "freeze_support",
        "helpconfig",
        "junitxml",
        "legacypath",
        "logging",
        "main",
        "mark",
        "monkeypatch",
        "nose",
        "pastebin",
        "pytester",
        "pytester_assertions",
        "python",
        "python_path",
        "recwarn",
        "reports",
        "runner",
        "setuponly",
        "setupplan",
        "skipping",
        "stepwise",
        "subtests",
        "terminal",
        "threadexception",
        "tmpdir",
        "unittest",
        "unraisableexception",
        "warnings",
    }
)
# Packages whose plugin asynctestrun replaces, whatever its entry point is called.
REPLACED_PACKAGES = ("pytest_asyncio", "anyio", "xdist", "hypothesis", "pytest_cov", "pytest_describe")

# Plugins whose work asynctestrun does itself only when they are installed and enabled, as their
# effect under pytest depends on that: the entry point's module is swapped for asynctestrun's own,
# which declares the same options, ini keys and marks. Entry point name -> (plugin module, stand-in).
STAND_INS = {
    "rerunfailures": ("pytest_rerunfailures", "asynctestrun._builtins.rerunfailures"),
    "benchmark": ("pytest_benchmark", "asynctestrun._builtins.benchmark"),
    "codspeed": ("pytest_codspeed", "asynctestrun._builtins.codspeed"),
    "flaky": ("flaky", "asynctestrun._builtins.flaky"),
    "pytest-retry": ("pytest_retry", "asynctestrun._builtins.retry"),
}


def _stand_in(name: str) -> str | None:
    """The stand-in module for a plugin named by its entry point or its module, if it is installed."""
    for entry_name, (plugin_module, stand_in) in STAND_INS.items():
        if name in (entry_name, plugin_module) and importlib.util.find_spec(plugin_module) is not None:
            return stand_in
    return None


def load_named_plugins(collector: Collector, config: Config) -> None:
    """``-p NAME``: the entry point of that name, else the module, registered before any other
    plugin; a name that cannot be imported is a usage error, as in pytest."""
    for name in config.early_plugins:
        if collector.register_bundled(name):
            continue
        top = name.split(".", 1)[0]
        if name in REPLACED or name in PYTEST_INTERNAL or top in (*REPLACED_PACKAGES, "_pytest", "pytest"):
            continue
        entry_point = next((ep for ep in _pytest11() if ep.name == name), None)
        try:
            stand_in = _stand_in(name)
            if stand_in is not None:
                module = importlib.import_module(stand_in)
            elif entry_point is not None:
                module = entry_point.load()
            else:
                module = _import(name, config.invocation_dir)
        except ModuleNotFoundError as exc:
            if exc.name is not None and (exc.name == name or name.startswith(f"{exc.name}.")):
                raise ConfigError(f'Error importing plugin "{name}": {exc}') from None
            raise _import_failure(name, exc) from None
        except Exception as exc:
            raise _import_failure(name, exc) from None
        if isinstance(module, ModuleType):
            collector.load_declared_plugins(module)
        collector.register_plugin(name, module)


def _import_failure(name: str, exc: Exception) -> PluginImportError:
    """pytest's report of a plugin that was found but raised while importing (one of its own imports
    missing included): the plugin's frames in the short style, without asynctestrun's and importlib's,
    and without the exceptions it was raised from."""
    from .._execute.failures import format_exception, is_internal_file

    tb = exc.__traceback__
    while tb is not None and (
        is_internal_file(tb.tb_frame.f_code.co_filename)
        or "importlib" in Path(tb.tb_frame.f_code.co_filename).parts
    ):
        tb = tb.tb_next
    exc.__cause__ = None
    exc.__suppress_context__ = True
    shown = format_exception(exc.with_traceback(tb), style="short", relative_to=Path.cwd())
    return PluginImportError(f'Error while loading plugin "{name}".\n{shown.rstrip()}')


def _import(name: str, invocation_dir: Path) -> Any:
    """The module ``name``; found from the invocation directory too, as ``python -m pytest`` would."""
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as exc:
        top = name.split(".", 1)[0]
        if exc.name != top or str(invocation_dir) in sys.path:
            raise
    sys.path.insert(0, str(invocation_dir))
    return importlib.import_module(name)


def mark_plugins_for_rewrite(rewriter: RewritingFinder | None, config: Config) -> None:
    """Have the asserts of the installed plugins rewritten, as pytest's ``_mark_plugins_for_rewrite``
    does before it loads them: a plugin's own ``assert`` then fails with a test's introspection
    (pytest-mock's wrapped ``assert_called_with`` adds "pytest introspection follows" with it, and
    says nothing more without it).

    Marked: the outermost package, not a namespace package, of each entry point's module.
    pytest marks every top-level module of the plugin's distribution (from its RECORD); for the one
    package that is the plugin that comes to the same, without reading those files on every start.
    Plugins asynctestrun replaces are left alone: their modules are not loaded."""
    if rewriter is None or not config.plugin_autoload:
        return
    for ep in _pytest11():
        module = ep.value.partition(":")[0].strip()
        if ep.name in REPLACED or module.startswith(REPLACED_PACKAGES) or _stand_in(ep.name) is not None:
            continue
        name = _outermost_package(module)
        if name is not None and name not in sys.modules:
            rewriter.mark_rewrite(name)


def _outermost_package(module: str) -> str | None:
    """The outermost package of ``module`` that is not a namespace package (one such may be shared
    with unrelated distributions), found without importing anything; None when it is not found."""
    from importlib.machinery import PathFinder

    parts = module.split(".")
    search_path: list[str] | None = None
    for index, part in enumerate(parts):
        spec = PathFinder.find_spec(part, search_path)
        if spec is None:
            return None
        if spec.origin is not None and spec.has_location:
            return ".".join(parts[: index + 1])
        search_path = list(spec.submodule_search_locations or ())
    return None


def load_entry_point_plugins(collector: Collector, config: Config) -> list[str]:
    warnings: list[str] = []
    if not config.plugin_autoload:
        return warnings
    blocked = config.blocked_plugins()
    for ep in _pytest11():
        if ep.name in REPLACED or ep.name in blocked:
            continue
        if ep.value.startswith(REPLACED_PACKAGES):
            continue
        stand_in = _stand_in(ep.name) or _stand_in(ep.value.split(":", 1)[0])
        try:
            module = importlib.import_module(stand_in) if stand_in else ep.load()
        except Exception as exc:
            warnings.append(
                f"plugin {ep.name!r} ({ep.value}) could not be loaded and is ignored: "
                f"{type(exc).__name__}: {exc}"
            )
            continue
        collector.register_plugin(ep.name, module)
    return warnings


# Plugin objects pytest registers under these names besides its modules (``getplugin("terminalreporter")``).
PYTEST_INTERNAL_OBJECTS = ("terminalreporter", "capturemanager", "logging-plugin", "funcmanage", "session")


def pytest_registered_names(config: Config) -> list[str]:
    """The names ``config.pluginmanager.hasplugin`` knows under pytest in this run: pytest's own
    plugins and every installed ``pytest11`` entry point, less the blocked ones (asynctestrun loads
    or replaces them, but a conftest asking ``hasplugin("xdist")`` gets pytest's answer)."""
    blocked = config.blocked_plugins()
    names = [name for name in (*PYTEST_INTERNAL, *PYTEST_INTERNAL_OBJECTS) if name not in blocked]
    if config.plugin_autoload:
        names += [ep.name for ep in _pytest11() if ep.name not in blocked]
    if not config.asyncio_plugin:
        names = [name for name in names if name != "asyncio"]
    return names


def _pytest11() -> list[Any]:
    found = entry_points.pytest11()
    if found is not None:
        return found
    from importlib.metadata import entry_points as metadata_entry_points

    return list(metadata_entry_points(group=entry_points.GROUP))
