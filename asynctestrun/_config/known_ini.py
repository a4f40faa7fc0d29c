"""The configuration keys pytest (with pytest-asyncio) declares: which exist, their types and defaults.

Two readers use this table. pytest's "Unknown config option" check: after collecting, pytest compares
the keys of its ini section (and of ``-o``) with the keys that its own plugins, pytest-asyncio, the
installed plugins and the conftests declared; each one nobody declared is a ``PytestConfigWarning``
(a usage error under ``strict_config``/``strict``), so a suite whose ``filterwarnings`` has ``error``
stops with an internal error when its config names a key of a plugin that is not installed. And
``config.getini(name)``: a plugin may read any key pytest declares, set or not, and gets pytest's
default for one the file leaves out (pytest-golden reads ``enable_assertion_pass_hook`` in
``pytest_configure``); a key nobody declared is a ``ValueError``.

asynctestrun does the work of some of those plugins itself, so it cannot ask them: their keys are
listed here, grouped by the plugin that declares them, so that ``-p no:NAME`` and an uninstalled
plugin leave them out as they do under pytest. Keys of plugins and conftests that asynctestrun loads
come from their own ``parser.addini`` calls.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterable, Mapping, Set
from dataclasses import dataclass
from typing import Final


@dataclass(frozen=True, slots=True)
class IniSpec:
    """One key's type and default, as pytest's ``parser.addini`` received them.

    *kinds* holds one of pytest's ini types ("args", "linelist", "paths", "bool", "string", "int",
    "float"), or several for a union, tried in order as pytest tries them (``log_level`` is an int or
    a level name). A choice of words (pytest's literal types) is a "string": pytest checks the word
    when it reads the key for itself, and so does asynctestrun's loader. A tuple default of a list
    type is returned as a fresh list, as pytest hands out its list defaults; *keep_tuple* marks the
    one plugin that declared a tuple (pytest-describe's ``describe_prefixes``).
    """

    kinds: tuple[str, ...]
    default: object
    keep_tuple: bool = False


def _spec(*kinds: str, default: object) -> IniSpec:
    return IniSpec(kinds, default)


_BOOL_FALSE: Final = _spec("bool", default=False)
_BOOL_UNSET: Final = _spec("bool", default=None)
_STRING_UNSET: Final = _spec("string", default=None)
_INT_OR_STRING_UNSET: Final = _spec("int", "string", default=None)
_NO_ARGS: Final = _spec("args", default=())
_NO_LINES: Final = _spec("linelist", default=())
_NO_PATHS: Final = _spec("paths", default=())
_AUTO_VERBOSITY: Final = _spec("int", "string", default="auto")

# Declared by the parts of pytest that cannot be turned off.
_CORE: Final[Mapping[str, IniSpec]] = {
    "addopts": _NO_ARGS,
    "collect_imported_tests": _spec("bool", default=True),
    "consider_namespace_packages": _BOOL_FALSE,
    "empty_parameter_set_mark": _spec("string", default="skip"),
    "filterwarnings": _NO_LINES,
    "markers": _NO_LINES,
    "max_warnings": _INT_OR_STRING_UNSET,
    "minversion": _spec("string", default=""),
    "norecursedirs": _spec(
        "args", default=("*.egg", ".*", "_darcs", "build", "CVS", "dist", "node_modules", "venv", "{arch}")
    ),
    "pythonpath": _NO_PATHS,
    "required_plugins": _NO_ARGS,
    "strict": _BOOL_FALSE,
    "strict_config": _BOOL_UNSET,
    "strict_markers": _BOOL_UNSET,
    "testpaths": _NO_ARGS,
    "usefixtures": _NO_ARGS,
}

# pytest's own plugins that ``-p no:NAME`` can turn off, and pytest-asyncio (always there under pytest).
_BY_PLUGIN: Final[Mapping[str, Mapping[str, IniSpec]]] = {
    "python": {
        "disable_test_id_escaping_and_forfeit_all_rights_to_community_support": _BOOL_FALSE,
        "parametrize_long_str_id_strategy": _spec("string", default="short"),
        "python_classes": _spec("args", default=("Test",)),
        "python_files": _spec("args", default=("test_*.py", "*_test.py")),
        "python_functions": _spec("args", default=("test",)),
        "strict_parametrization_ids": _BOOL_UNSET,
    },
    "terminal": {
        "console_output_style": _spec("string", default="progress"),
        "verbosity_test_cases": _AUTO_VERBOSITY,
    },
    "skipping": {"strict_xfail": _BOOL_UNSET},
    "tmpdir": {
        "tmp_path_retention_count": _spec("int", "string", default=3),
        "tmp_path_retention_policy": _spec("string", default="all"),
    },
    "assertion": {
        "assertion_text_diff_style": _spec("string", default="ndiff"),
        "enable_assertion_pass_hook": _BOOL_FALSE,
        "truncation_limit_chars": _INT_OR_STRING_UNSET,
        "truncation_limit_lines": _INT_OR_STRING_UNSET,
        "verbosity_assertions": _AUTO_VERBOSITY,
    },
    "junitxml": {
        "junit_duration_report": _spec("string", default="total"),
        "junit_family": _spec("string", default="xunit2"),
        "junit_log_passing_tests": _spec("bool", default=True),
        "junit_logging": _spec("string", default="no"),
        "junit_suite_name": _spec("string", default="pytest"),
    },
    "doctest": {
        "doctest_encoding": _spec("string", default="utf-8"),
        "doctest_optionflags": _spec("args", default=("ELLIPSIS",)),
    },
    "cacheprovider": {"cache_dir": _spec("string", default=".pytest_cache")},
    "logging": {
        "log_auto_indent": _spec("int", "bool", "string", default=None),
        "log_cli": _BOOL_FALSE,
        "log_cli_date_format": _STRING_UNSET,
        "log_cli_format": _STRING_UNSET,
        "log_cli_level": _INT_OR_STRING_UNSET,
        "log_date_format": _spec("string", default="%H:%M:%S"),
        "log_file": _STRING_UNSET,
        "log_file_date_format": _STRING_UNSET,
        "log_file_format": _STRING_UNSET,
        "log_file_level": _INT_OR_STRING_UNSET,
        "log_file_mode": _spec("string", default="w"),
        "log_format": _spec("string", default="%(levelname)-8s %(name)s:%(filename)s:%(lineno)d %(message)s"),
        "log_level": _INT_OR_STRING_UNSET,
    },
    "faulthandler": {
        "faulthandler_exit_on_timeout": _BOOL_FALSE,
        "faulthandler_timeout": _spec("float", "string", default=0.0),
    },
    "subtests": {"verbosity_subtests": _AUTO_VERBOSITY},
    "asyncio": {
        "asyncio_debug": _spec("bool", default="false"),
        "asyncio_default_fixture_loop_scope": _STRING_UNSET,
        "asyncio_default_test_loop_scope": _spec("string", default="function"),
        "asyncio_mode": _spec("string", default="strict"),
    },
}

# Another name pytest reads a key by: alias -> the key's own name, which wins where both are set.
ALIASES: Final[Mapping[str, str]] = {"xfail_strict": "strict_xfail"}

_EMPTY_STRING: Final = _spec("string", default="")

# Plugins asynctestrun replaces and never imports (entry point name -> module, keys): their keys are
# known only where the plugin is installed, as under pytest.
_REPLACED: Final[Mapping[str, tuple[str, Mapping[str, IniSpec]]]] = {
    "timeout": (
        "pytest_timeout",
        {
            "session_timeout": _EMPTY_STRING,
            "timeout": _EMPTY_STRING,
            "timeout_disable_debugger_detection": _BOOL_FALSE,
            "timeout_func_only": _BOOL_FALSE,
            "timeout_method": _EMPTY_STRING,
        },
    ),
    "xdist": ("xdist", {"looponfailroots": _NO_PATHS, "rsyncdirs": _NO_PATHS, "rsyncignore": _NO_PATHS}),
    "anyio": ("anyio", {"anyio_mode": _spec("string", default="strict")}),
    "pytest-describe": (
        "pytest_describe",
        {
            "describe_docstrings": _BOOL_FALSE,
            "describe_prefixes": IniSpec(("args",), ("describe",), keep_tuple=True),
        },
    ),
}


def _builtin_specs(disabled_plugins: Iterable[str]) -> dict[str, IniSpec]:
    """Every key pytest's own plugins, pytest-asyncio and the installed replaced plugins declare."""
    disabled = set(disabled_plugins)
    specs = dict(_CORE)
    for plugin, keys in _BY_PLUGIN.items():
        if plugin not in disabled:
            specs.update(keys)
    for plugin, (module, keys) in _REPLACED.items():
        if plugin not in disabled and importlib.util.find_spec(module) is not None:
            specs.update(keys)
    return specs


def every_spec() -> dict[str, IniSpec]:
    """Every key of the table, whatever is installed or blocked, aliases too: for the reference docs."""
    specs = dict(_CORE)
    for keys in _BY_PLUGIN.values():
        specs.update(keys)
    for _, keys in _REPLACED.values():
        specs.update(keys)
    specs.update({alias: specs[name] for alias, name in ALIASES.items()})
    return specs


def builtin_spec(name: str, disabled_plugins: Iterable[str]) -> IniSpec | None:
    """The type and default of *name* (its own name, not an alias), if pytest declares it here."""
    return _builtin_specs(disabled_plugins).get(name)


def known_keys(disabled_plugins: Iterable[str], declared: Iterable[str]) -> frozenset[str]:
    """Every key pytest would know in this environment; *declared*: keys added with ``parser.addini``."""
    known = set(_builtin_specs(disabled_plugins)) | set(declared)
    known.update(alias for alias, name in ALIASES.items() if name in known)
    return frozenset(known)


def unknown_keys(used: Set[str], disabled_plugins: Iterable[str], declared: Iterable[str]) -> list[str]:
    """The keys of *used* pytest would report, in its order (sorted)."""
    return sorted(used - known_keys(disabled_plugins, declared))
