"""The configuration keys pytest (with pytest-asyncio) would accept, for its "Unknown config option" check.

After collecting, pytest compares the keys of its ini section (and of ``-o``) with the keys that its own
plugins, pytest-asyncio, the installed plugins and the conftests declared; each one nobody declared is a
``PytestConfigWarning`` (a usage error under ``strict_config``/``strict``). A suite whose
``filterwarnings`` has ``error`` therefore stops with an internal error when its config names a key of
a plugin that is not installed. asynctestrun does the work of some of those plugins itself, so it cannot
ask them: their keys are listed here, grouped by the plugin that declares them, so that ``-p no:NAME`` and
an uninstalled plugin leave them out as they do under pytest. Keys of plugins and conftests that
asynctestrun loads come from their own ``parser.addini`` calls.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterable, Set
from typing import Final

# Declared by the parts of pytest that cannot be turned off.
_CORE: Final = frozenset(
    {
        "addopts",
        "collect_imported_tests",
        "consider_namespace_packages",
        "empty_parameter_set_mark",
        "filterwarnings",
        "markers",
        "max_warnings",
        "minversion",
        "norecursedirs",
        "pythonpath",
        "required_plugins",
        "strict",
        "strict_config",
        "strict_markers",
        "testpaths",
        "usefixtures",
    }
)

# pytest's own plugins that ``-p no:NAME`` can turn off, and pytest-asyncio (always there under pytest).
_BY_PLUGIN: Final[dict[str, frozenset[str]]] = {
    "python": frozenset(
        {
            "disable_test_id_escaping_and_forfeit_all_rights_to_community_support",
            "parametrize_long_str_id_strategy",
            "python_classes",
            "python_files",
            "python_functions",
            "strict_parametrization_ids",
        }
    ),
    "terminal": frozenset({"console_output_style", "verbosity_test_cases"}),
    "skipping": frozenset({"strict_xfail", "xfail_strict"}),
    "tmpdir": frozenset({"tmp_path_retention_count", "tmp_path_retention_policy"}),
    "assertion": frozenset(
        {
            "assertion_text_diff_style",
            "enable_assertion_pass_hook",
            "truncation_limit_chars",
            "truncation_limit_lines",
            "verbosity_assertions",
        }
    ),
    "junitxml": frozenset(
        {
            "junit_duration_report",
            "junit_family",
            "junit_log_passing_tests",
            "junit_logging",
            "junit_suite_name",
        }
    ),
    "doctest": frozenset({"doctest_encoding", "doctest_optionflags"}),
    "cacheprovider": frozenset({"cache_dir"}),
    "logging": frozenset(
        {
            "log_auto_indent",
            "log_cli",
            "log_cli_date_format",
            "log_cli_format",
            "log_cli_level",
            "log_date_format",
            "log_file",
            "log_file_date_format",
            "log_file_format",
            "log_file_level",
            "log_file_mode",
            "log_format",
            "log_level",
        }
    ),
    "faulthandler": frozenset({"faulthandler_exit_on_timeout", "faulthandler_timeout"}),
    "subtests": frozenset({"verbosity_subtests"}),
    "asyncio": frozenset(
        {
            "asyncio_debug",
            "asyncio_default_fixture_loop_scope",
            "asyncio_default_test_loop_scope",
            "asyncio_mode",
        }
    ),
}

# Plugins asynctestrun replaces and never imports (entry point name -> module, keys): their keys are
# known only where the plugin is installed, as under pytest.
_REPLACED: Final[dict[str, tuple[str, frozenset[str]]]] = {
    "timeout": (
        "pytest_timeout",
        frozenset(
            {
                "session_timeout",
                "timeout",
                "timeout_disable_debugger_detection",
                "timeout_func_only",
                "timeout_method",
            }
        ),
    ),
    "xdist": ("xdist", frozenset({"looponfailroots", "rsyncdirs", "rsyncignore"})),
    "anyio": ("anyio", frozenset({"anyio_mode"})),
    "pytest-describe": ("pytest_describe", frozenset({"describe_docstrings", "describe_prefixes"})),
}


def known_keys(disabled_plugins: Iterable[str], declared: Iterable[str]) -> frozenset[str]:
    """Every key pytest would know in this environment; *declared*: keys added with ``parser.addini``."""
    disabled = set(disabled_plugins)
    known = set(_CORE) | set(declared)
    for plugin, keys in _BY_PLUGIN.items():
        if plugin not in disabled:
            known |= keys
    for plugin, (module, keys) in _REPLACED.items():
        if plugin not in disabled and importlib.util.find_spec(module) is not None:
            known |= keys
    return frozenset(known)


def unknown_keys(used: Set[str], disabled_plugins: Iterable[str], declared: Iterable[str]) -> list[str]:
    """The keys of *used* pytest would report, in its order (sorted)."""
    return sorted(used - known_keys(disabled_plugins, declared))
