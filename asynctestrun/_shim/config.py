"""``config`` and ``parser`` as conftests and plugins see them (``pytest_addoption``, ``getoption``...).

Options declared by ``pytest_addoption`` are collected as argparse specs; the CLI parses the arguments
it did not know itself against them once conftests are loaded.
"""

from __future__ import annotations

import os
import sys
import warnings
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any, NoReturn

from .._config.config import Config, ConfigError
from .._config.known_ini import ALIASES, builtin_spec
from .ini_values import convert, default_for, kinds_of
from .option_names import PYTEST_OPTION_DESTS, declared_dest

if TYPE_CHECKING:
    import argparse

_NOTSET = object()

# pytest's logging plugin's options about its live log and log file, None unless given.
_LOGGING_OUTPUT_OPTIONS = (
    "log_auto_indent",
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
)

# pytest option dest -> a function of our Config giving its value.
_BUILTIN_OPTIONS: dict[str, Any] = {
    "asyncio_mode": lambda c: c.given_options.get("asyncio_mode"),
    "asyncio_debug": lambda c: c.given_options.get("asyncio_debug"),
    "verbose": lambda c: c.verbose,
    "capture": lambda c: c.capture,
    "keyword": lambda c: c.keyword,
    "markexpr": lambda c: c.markexpr,
    "tbstyle": lambda c: c.tb_style,
    "xmlpath": lambda c: str(c.junitxml) if c.junitxml else None,
    "maxfail": lambda c: c.maxfail or None,  # pytest 9: None unless -x / --maxfail gave one
    "basetemp": lambda c: str(c.basetemp) if c.basetemp else None,
    # pytest's values are the command line's as given: None without --rootdir / -c, not the rootdir or
    # ini file in effect (config.rootpath, config.inipath).
    "rootdir": lambda c: c.given_options.get("rootdir"),
    "inifilename": lambda c: c.given_options.get("inifilename"),
    "collectonly": lambda c: c.collect_only,
    "showlocals": lambda c: c.showlocals,
    "strict_markers": lambda c: c.given_options.get("strict_markers"),
    "strict": lambda c: c.given_options.get("strict"),
    "importmode": lambda c: c.import_mode,
    "reportchars": lambda c: c.report_chars,
    "durations": lambda c: c.durations,
    "usepdb": lambda c: c.pdb,
    "trace": lambda c: c.trace,
    "timeout": lambda c: c.timeout,
    "file_or_dir": lambda c: list(c.given_args),
    "plugins": lambda c: list(c.plugin_args),
    "pythonwarnings": lambda c: list(c.warning_args) or None,
    "color": lambda c: c.color,
    "lf": lambda c: c.last_failed,
    "last_failed_no_failures": lambda c: c.last_failed_no_failures,
    "cacheclear": lambda c: c.cache_clear,
    "numprocesses": lambda c: None,
    "log_level": lambda c: c.given_options.get("log_level"),
    "logger_disable": lambda c: list(c.log_disable),
    "ignore": lambda c: list(c.ignore) or None,
    "ignore_glob": lambda c: list(c.ignore_glob) or None,
    "deselect": lambda c: list(c.deselect) or None,
    "continue_on_collection_errors": lambda c: c.continue_on_collection_errors,
    "strict_config": lambda c: c.given_options.get("strict_config"),
    "failedfirst": lambda c: c.failed_first,
    "newfirst": lambda c: c.new_first,
    "stepwise": lambda c: c.stepwise,
    "stepwise_skip": lambda c: c.stepwise_skip,
    # pytest options asynctestrun has no counterpart for, at the values a plain run has: plugins read
    # them (syrupy reads ``pyargs`` to know which tests ran).
    "pyargs": lambda c: c.pyargs,
    "assertmode": lambda c: "rewrite",  # unless --assert (a tolerated option, whose value wins) says plain
    "confcutdir": lambda c: None,
    "markers": lambda c: c.show_markers,
    "show_fixtures_per_test": lambda c: c.fixtures_per_test,
    "cacheshow": lambda c: c.cache_show,
    "noconftest": lambda c: c.noconftest,
    "runxfail": lambda c: c.runxfail,
    "fulltrace": lambda c: False,
    "showcapture": lambda c: "all",
    "setuponly": lambda c: c.setup_only,
    "setupplan": lambda c: c.setup_plan,
    "setupshow": lambda c: c.setup_show,
    "debug": lambda c: None,
    "help": lambda c: False,
    "version": lambda c: 0,
    "override_ini": lambda c: None,
    "doctestmodules": lambda c: c.doctest_modules,
    "doctestglob": lambda c: list(c.doctest_globs),
    "doctestreport": lambda c: c.doctest_report,
    "doctest_continue_on_failure": lambda c: c.doctest_continue_on_failure,
    "doctest_ignore_import_errors": lambda c: c.doctest_ignore_import_errors,
    "durations_min": lambda c: c.durations_min,
    "max_warnings": lambda c: c.max_warnings,
    "showfixtures": lambda c: c.show_fixtures,
    "usepdb_cls": lambda c: tuple(c.pdbcls.split(":", 1)) if c.pdbcls and ":" in c.pdbcls else None,
    "disable_plugin_autoload": lambda c: bool(c.given_options.get("disable_plugin_autoload")),
    # pytest's options that only shape its own output, at a plain run's values: the tolerated options'
    # values (_config/tolerated.py) replace them when given. A plugin or conftest reading one
    # (``getoption("no_header")``, ``option.log_cli_level``) got a ValueError or AttributeError.
    "code_highlight": lambda c: "yes",
    "collect_in_virtualenv": lambda c: False,
    "disable_warnings": lambda c: False,
    "fold_skipped": lambda c: True,
    "force_short_summary": lambda c: False,
    "junitprefix": lambda c: None,
    "keepduplicates": lambda c: False,
    "no_header": lambda c: False,
    "no_summary": lambda c: False,
    "pastebin": lambda c: None,
    "traceconfig": lambda c: False,
    "xfail_tb": lambda c: False,
    **dict.fromkeys(_LOGGING_OUTPUT_OPTIONS, lambda c: None),
}

# Options of pytest's own plugins and pytest-asyncio's that ``-p no:NAME`` takes away with the plugin:
# its pytest_addoption never runs under pytest, so ``getoption`` raises ValueError for them (a plugin
# asking for one then stops the run, as pytest-aiohttp's pytest_configure does without pytest-asyncio).
# Blocking cacheprovider blocks stepwise too in pytest.
_PLUGIN_OPTIONS: dict[str, tuple[str, ...]] = {
    "asyncio": ("asyncio_mode", "asyncio_debug"),
    "cacheprovider": (
        "lf",
        "last_failed_no_failures",
        "failedfirst",
        "newfirst",
        "cacheclear",
        "cacheshow",
        "stepwise",
        "stepwise_skip",
    ),
    "stepwise": ("stepwise", "stepwise_skip"),
    "junitxml": ("xmlpath", "junitprefix"),
    "logging": ("log_level", "logger_disable", *_LOGGING_OUTPUT_OPTIONS),
    "doctest": (
        "doctestmodules",
        "doctestglob",
        "doctestreport",
        "doctest_continue_on_failure",
        "doctest_ignore_import_errors",
    ),
    "pastebin": ("pastebin",),
    "debugging": ("usepdb", "usepdb_cls", "trace"),
    "setuponly": ("setuponly", "setupshow"),
    "setupplan": ("setupplan",),
    "skipping": ("runxfail",),
}


def _absent_options(config: Config) -> set[str]:
    """The built-in options whose plugin takes no part in this run (``-p no:NAME``; pytest-asyncio's
    also when plugin autoload is off without ``-p asyncio``)."""
    blocked = config.blocked_plugins()
    absent = {name for plugin, names in _PLUGIN_OPTIONS.items() if plugin in blocked for name in names}
    if not config.asyncio_plugin:
        absent.update(_PLUGIN_OPTIONS["asyncio"])
    return absent


class Argument:
    """One option of a group, as ``group.options`` lists it: plugins read an option back right after
    declaring it (typeguard declares an ini key of the same name and help)."""

    def __init__(self, opts: tuple[str, ...], attrs: dict[str, Any]) -> None:
        self._opts = opts
        self._attrs = attrs

    def names(self) -> list[str]:
        return list(self._opts)

    def attrs(self) -> dict[str, Any]:
        """argparse's reading of the declaration (dest, nargs, const, default, help...)."""
        import argparse

        action = argparse.ArgumentParser(add_help=False).add_argument(
            *self._opts, **_argparse_kwargs(self._attrs)
        )
        return dict(vars(action))

    @property
    def dest(self) -> str:
        return declared_dest(self._opts, self._attrs)

    @property
    def default(self) -> Any:
        return self.attrs()["default"]

    def __repr__(self) -> str:
        return f"Argument(opts: {self.names()!r}, dest: {self.dest!r}, default: {self.default!r})"


def _argparse_kwargs(attrs: dict[str, Any]) -> dict[str, Any]:
    """pytest also accepts the type as a string ("int", "float", "string")."""
    kwargs = dict(attrs)
    if isinstance(kwargs.get("type"), str):
        kwargs["type"] = {"int": int, "float": float, "string": str}.get(kwargs["type"], str)
    return kwargs


class OptionGroup:
    def __init__(self, parser: Parser, name: str, description: str = "") -> None:
        self.parser = parser
        self.name = name
        self.description = description
        self.options: list[Argument] = []

    def addoption(self, *opts: str, **attrs: Any) -> None:
        self.parser.addoption(*opts, **attrs)
        self.options.append(Argument(opts, attrs))

    _addoption = addoption


# Stands, in the arguments parsed again against the declared options, where the CLI took out options of
# its own. pytest parses every option at once, so an option there (``--cov -q tests``) ends the one
# before it; without it a flag with an optional value (``--cov``) would take the next path as its value.
ARGUMENT_BREAK = "--asynctestrun-argument-break"


def _break_action() -> type[argparse.Action]:
    import argparse  # here, as in argparser: most runs declare no option and never need it

    class _Break(argparse.Action):
        """An option that takes no value and sets nothing."""

        def __init__(self, option_strings: Sequence[str], dest: str, **_: Any) -> None:
            super().__init__(
                option_strings, argparse.SUPPRESS, nargs=0, default=argparse.SUPPRESS, help=argparse.SUPPRESS
            )

        def __call__(self, *_: Any, **__: Any) -> None:
            return None

    return _Break


def usage_error_parser() -> type[argparse.ArgumentParser]:
    import argparse

    class _UsageErrorParser(argparse.ArgumentParser):
        """argparse ends the process (status 2, its whole usage text) on a bad value or a missing
        ``required=True`` option; pytest reports the same message as a usage error (exit 4)."""

        def error(self, message: str) -> NoReturn:
            raise ConfigError(message)

    return _UsageErrorParser


class Parser:
    """What ``pytest_addoption(parser)`` receives; also ``pytest.Parser(_ispytest=True)`` built by test
    code as a plain argument parser of its own (pydantic-settings' CLI source), with pytest's
    constructor arguments and ``parse``."""

    def __init__(
        self,
        usage: str | None = None,
        processopt: Callable[[Any], None] | None = None,
        *,
        prog: str | None = None,
        _ispytest: bool = False,
    ) -> None:
        if not _ispytest:
            from .._declare.pytest_warnings import PytestDeprecationWarning

            # As pytest's check_ispytest: the class is pytest's to make (a suite's -W error fails there).
            private = PytestDeprecationWarning("A private pytest class or function was used.")
            warnings.warn(private, stacklevel=2)
        # usage and processopt shape pytest's help text and its config's defaults, which this parser
        # never writes nor owns: accepted for the signature only.
        del usage, processopt
        self._prog = prog
        self.options: list[tuple[tuple[str, ...], dict[str, Any]]] = []
        self.ini: dict[str, tuple[str, str | None, Any]] = {}
        self.groups: dict[str, OptionGroup] = {}
        # The run's option values (pytest's own and the plugins'), under an early parse's: set by the
        # config that owns this parser.
        self.known_values: Callable[[], Mapping[str, Any]] = dict

    def addoption(self, *opts: str, **attrs: Any) -> None:
        taken = {opt for names, _ in self.options for opt in names}
        if any(opt in taken for opt in opts):
            raise ValueError(f"option names {set(opts) & taken} already added")
        self.options.append((opts, attrs))

    def dest_of(self, option: str) -> str | None:
        """The dest of a declared option string (``--vcr-record-mode``), None if none declares it."""
        for opts, attrs in self.options:
            if option in opts:
                return declared_dest(opts, attrs)
        return None

    def getgroup(self, name: str, description: str = "", after: str | None = None) -> OptionGroup:
        if name not in self.groups:
            self.groups[name] = OptionGroup(self, name, description)
        return self.groups[name]

    def addini(self, name: str, help: str, type: str | None = None, default: Any = _NOTSET) -> None:
        self.ini[name] = (help, type, default)

    def argparser(self, *, enforce_required: bool = True) -> argparse.ArgumentParser:
        parser = usage_error_parser()(prog=self._prog, add_help=False, allow_abbrev=False)
        for opts, attrs in self.options:
            kwargs = _argparse_kwargs(attrs)
            if not enforce_required:
                kwargs.pop("required", None)
            parser.add_argument(*opts, **kwargs)
        parser.add_argument("file_or_dir", nargs="*")
        parser.add_argument(ARGUMENT_BREAK, action=_break_action())
        return parser

    def parse(
        self, args: Sequence[str | os.PathLike[str]], namespace: argparse.Namespace | None = None
    ) -> argparse.Namespace:
        """Every declared option and the paths, options and paths in any order, as pytest parses its
        command line; a bad value or an unknown option is a ``UsageError``."""
        from .pytest_api import UsageError  # pytest_api imports this module

        parser = self.argparser()
        try:
            return parser.parse_intermixed_args([os.fspath(arg) for arg in args], namespace)
        except ConfigError as error:
            raise UsageError(f"{parser.format_usage()}{parser.prog}: error: {error}") from None

    @property
    def prog(self) -> str:
        """The program name in usage messages: argparse's default, the script's name, unless given."""
        return self._prog or os.path.basename(sys.argv[0])

    @prog.setter
    def prog(self, value: str) -> None:
        self._prog = value

    def parse_known_args(
        self, args: Sequence[str | os.PathLike[str]], namespace: argparse.Namespace | None = None
    ) -> argparse.Namespace:
        return self.parse_known_and_unknown_args(args, namespace)[0]

    def parse_known_and_unknown_args(
        self, args: Sequence[str | os.PathLike[str]], namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        """pytest's early parse, which pytest-django makes in ``pytest_load_initial_conftests`` to read
        ``--ds`` and pytest's own ``help`` / ``version`` before any conftest is imported: every option,
        the plugins' parsed from ``args``. pytest's own options keep the run's values (the CLI parsed
        them from the same arguments), so their tokens are among the unknown ones here."""
        import argparse

        if namespace is None:
            namespace = argparse.Namespace(**self.known_values())
        paths = getattr(namespace, "file_or_dir", None)
        parsed, unknown = self.argparser(enforce_required=False).parse_known_args(
            [os.fspath(arg) for arg in args], namespace
        )
        if paths is not None:
            # The values of pytest's own options (``-p NAME``) would be taken for paths here.
            parsed.file_or_dir = paths
        return parsed, unknown

    def defaults(self) -> dict[str, Any]:
        if not self.options:  # no plugin option: skip building a parser (and importing argparse)
            return {}
        # Only the defaults: a ``required=True`` option is checked against the arguments (in
        # ``Session.prepare``, with addopts), not here, where no argument is given at all.
        parser = self.argparser(enforce_required=False)
        namespace = parser.parse_args([])
        return {k: v for k, v in vars(namespace).items() if k != "file_or_dir"}


class PluginManager:
    def __init__(self) -> None:
        self._plugins: dict[str, object] = {}
        # Names registered in pytest that have no object here: pytest's own plugins and the installed
        # plugins asynctestrun replaces (``hasplugin("xdist")`` is True wherever xdist is installed).
        self._known: set[str] = set()
        self._blocked: set[str] = set()
        self.skipped_plugins: list[tuple[str, str]] = []
        self.hookspec_names: set[str] = set()  # hooks plugins declared with add_hookspecs
        self.hook: Any = None  # the config's hook caller, set by PytestConfig
        # The session's own registration: a plugin object registered here from a plugin's
        # pytest_configure (pytest-order does that) gets its hooks and fixtures called like any other.
        self.on_register: Callable[[str, object], None] | None = None

    def register(self, plugin: object, name: str | None = None) -> str:
        key = name or self.get_canonical_name(plugin)
        self._plugins[key] = plugin
        # A replacement terminal reporter is kept as a view, its hooks uncalled: asynctestrun's
        # reporter, fed by events, owns the terminal's layout.
        if self.on_register is not None and key != "terminalreporter":
            self.on_register(key, plugin)
        return key

    def record(self, name: str, plugin: object | None = None) -> None:
        """Note a plugin the session loaded itself (or replaces, with no object), without registering
        its hooks again."""
        if plugin is None:
            self._known.add(name)
        else:
            self._plugins.setdefault(name, plugin)

    def unregister(self, plugin: object = None, name: str | None = None) -> None:
        for key, value in list(self._plugins.items()):
            if key == name or value is plugin:
                del self._plugins[key]

    def getplugin(self, name: str) -> object | None:
        return self._plugins.get(name)

    get_plugin = getplugin

    def hasplugin(self, name: str) -> bool:
        return name in self._plugins or name in self._known

    has_plugin = hasplugin  # pluggy's name; ``hasplugin`` is pytest's

    def is_registered(self, plugin: object) -> bool:
        return any(value is plugin for value in self._plugins.values())

    def get_name(self, plugin: object) -> str | None:
        return next((key for key, value in self._plugins.items() if value is plugin), None)

    @staticmethod
    def get_canonical_name(plugin: object) -> str:
        return str(getattr(plugin, "__name__", None) or id(plugin))

    def get_plugins(self) -> set[object]:
        return set(self._plugins.values())

    def list_name_plugin(self) -> list[tuple[str, object]]:
        return list(self._plugins.items())

    def list_plugin_distinfo(self) -> list[tuple[object, object]]:
        return []

    def is_blocked(self, name: str) -> bool:
        return name in self._blocked

    def set_blocked(self, name: str) -> None:
        self._blocked.add(name)
        self._plugins.pop(name, None)
        self._known.discard(name)

    def unblock(self, name: str) -> bool:
        if name not in self._blocked:
            return False
        self._blocked.discard(name)
        return True

    def import_plugin(self, name: str, consider_entry_points: bool = False) -> None:
        import importlib

        if name in self._blocked or self.hasplugin(name):
            return
        self.register(importlib.import_module(name), name)

    def consider_pluginarg(self, arg: str) -> None:
        """``-p`` given from code: ``no:NAME`` blocks NAME, anything else is imported and registered."""
        if arg.startswith("no:"):
            self.set_blocked(arg[3:])
        else:
            self.import_plugin(arg)

    def consider_module(self, module: object) -> None:
        """Registers the plugins a module names in its ``pytest_plugins``."""
        names = getattr(module, "pytest_plugins", ())
        for name in [names] if isinstance(names, str) else names:
            self.import_plugin(name)

    def add_hookspecs(self, module: object) -> None:
        """A plugin's own hooks (``pytest_addhooks``): their implementations elsewhere (pytest-metadata's
        ``pytest_metadata`` in a conftest) are called through ``config.hook``, not named unsupported."""
        self.hookspec_names.update(name for name in dir(module) if name.startswith("pytest_"))


class HookProxy:
    """``config.hook.pytest_something(**kwargs)``: calls the registered implementations."""

    def __init__(self) -> None:
        self._call: Any = None

    def bind(self, call: Any) -> None:
        self._call = call

    def __getattr__(self, name: str) -> Any:
        if not name.startswith("pytest_"):
            raise AttributeError(name)
        call = self._call

        def caller(**kwargs: Any) -> list[Any]:
            return list(call(name, **kwargs)) if call is not None else []

        return caller


class InvocationParams:
    def __init__(self, args: Sequence[str], directory: Path) -> None:
        self.args = tuple(args)
        self.dir = directory
        self.plugins = None


class PytestConfig:
    """What hooks, ``request.config`` and ``pytestconfig`` see."""

    # The run's Cache, set by the session unless ``-p no:cacheprovider``: declared, not assigned, since
    # pytest's config has no ``cache`` attribute without that plugin and plugins test for it with
    # ``hasattr`` before asking for its options (pytest-random-order's ``failedfirst``).
    cache: Any

    def __init__(self, config: Config, parser: Parser, argv: Sequence[str] = ()) -> None:
        self._config = config
        self._parser = parser
        self._ini_lines: dict[str, list[str]] = {}
        self.pluginmanager = PluginManager()
        self.hook = HookProxy()
        self.pluginmanager.hook = self.hook
        self.stash: dict[Any, Any] = {}
        self._cleanups: list[Callable[[], object]] = []
        self.invocation_params = InvocationParams(argv, config.invocation_dir)
        self.option = SimpleNamespace()
        parser.known_values = lambda: vars(self.option)
        self.refresh()

    def refresh(self) -> None:
        values: dict[str, Any] = {name: getter(self._config) for name, getter in _BUILTIN_OPTIONS.items()}
        absent = _absent_options(self._config)
        # pytest gives -q no default: ``option.quiet`` exists only when -q was given.
        if "quiet" in self._config.given_options:
            values["quiet"] = self._config.given_options["quiet"]
        else:
            absent.add("quiet")
        for name in absent:
            values.pop(name, None)
            if hasattr(self.option, name):
                delattr(self.option, name)
        values.update(self._parser.defaults())
        values.update(self._config.plugin_options)
        for key, value in values.items():
            setattr(self.option, key, value)

    def replace_config(self, config: Config) -> None:
        self._config = config
        self.refresh()

    @property
    def config(self) -> Config:
        return self._config

    @property
    def rootpath(self) -> Path:
        return self._config.rootdir

    @property
    def rootdir(self) -> Path:
        return self._config.rootdir

    @property
    def inipath(self) -> Path | None:
        return self._config.inipath

    @property
    def inifile(self) -> Path | None:
        return self._config.inipath

    @property
    def args(self) -> list[str]:
        return list(self._config.args)

    @property
    def known_args_namespace(self) -> SimpleNamespace:
        return self.option

    def getoption(self, name: str, default: Any = _NOTSET, skip: bool = False) -> Any:
        name = self._dest_of(name)
        value = getattr(self.option, name, _NOTSET)
        # As pytest's: ``default`` stands in for an option nobody declared; a declared option's None is
        # its value (``getoption("--dsn", "sqlite://")`` is None without ``--dsn``), unless ``skip``.
        if value is not _NOTSET and not (value is None and skip):
            return value
        if default is not _NOTSET:
            return default
        if skip:
            from .._declare.outcomes import skip as do_skip

            do_skip(f"no {name!r} option found")
        raise ValueError(f"no option named {name!r}")

    getvalue = getoption

    def _dest_of(self, name: str) -> str:
        """The dest an option string names, as pytest's option-string table gives it; any other name
        is a dest already. pytest's table also holds its options spelled as their dest
        (``--capture``), and not those of a plugin ``-p no:NAME`` blocked: a name it lacks stays as it
        is (``no option named '--lf'``)."""
        declared = self._parser.dest_of(name)
        if declared is not None:
            return declared
        dest = PYTEST_OPTION_DESTS.get(name) or name.lstrip("-").replace("-", "_")
        return dest if name.startswith("-") and hasattr(self.option, dest) else name

    def getvalueorskip(self, name: str) -> Any:
        return self.getoption(name, skip=True)

    VERBOSITY_ASSERTIONS = "assertions"
    VERBOSITY_TEST_CASES = "test_cases"
    VERBOSITY_SUBTESTS = "subtests"

    def get_verbosity(self, verbosity_type: str | None = None) -> int:
        """The run's verbosity, or a ``verbosity_<type>`` ini key's where it is set (not "auto")."""
        level = int(getattr(self.option, "verbose", 0) or 0)
        if verbosity_type is not None:
            raw = self._config.ini.get(f"verbosity_{verbosity_type}")
            if isinstance(raw, str) and raw.strip().lstrip("-").isdigit():
                return int(raw)
        return level

    @property
    def inicfg(self) -> Mapping[str, Any]:
        from .._declare.pytest_warnings import PytestRemovedIn10Warning

        warnings.warn(
            PytestRemovedIn10Warning(
                "config.inicfg is deprecated, use config.getini() to access configuration values instead.\n"
                "See https://docs.pytest.org/en/stable/deprecations.html#config-inicfg"
            ),
            stacklevel=2,
        )
        return self._config.ini

    def cwd_relative_nodeid(self, nodeid: str) -> str:
        """``nodeid`` relative to the directory the run was started in, as pytest prints it."""
        invocation_dir = self._config.invocation_dir
        rootdir = self._config.rootdir
        if invocation_dir == rootdir:
            return nodeid
        path, sep, rest = nodeid.partition("::")
        try:
            relative = os.path.relpath(rootdir / path, invocation_dir)
        except ValueError:
            return nodeid
        return relative.replace(os.sep, "/") + sep + rest

    def getini(self, name: str) -> Any:
        """A configuration key's value by its declared type, or its default where the file leaves it
        out: keys declared with ``parser.addini`` and every key pytest itself declares (its plugins
        that are not blocked, pytest-asyncio, replaced plugins that are installed); another name is a
        ValueError, as under pytest."""
        canonical = ALIASES.get(name, name)
        declared = self._parser.ini.get(canonical)
        if declared is not None:
            _, kind, default = declared
            kinds = kinds_of(kind)
            keep_tuple = True
            if default is _NOTSET:
                default = default_for(kinds)
        else:
            disabled = set(self._config.disabled_plugins)
            if not self._config.asyncio_plugin:
                disabled.add("asyncio")
            spec = builtin_spec(canonical, disabled)
            if spec is None:
                raise ValueError(f"unknown configuration value: {name!r}")
            kinds, default, keep_tuple = spec.kinds, spec.default, spec.keep_tuple
        extra = self._ini_lines.get(name, [])
        values = self._config.ini
        # The key's own name wins over an alias where the file sets both.
        key = (
            canonical
            if canonical in values
            else next(
                (alias for alias, target in ALIASES.items() if target == canonical and alias in values), None
            )
        )
        if key is None:
            if isinstance(default, tuple) and not keep_tuple:
                default = list(default)
            return [*default, *extra] if extra and isinstance(default, list) else default
        config = self._config
        base = config.inipath.parent if config.inipath else config.invocation_dir
        value = convert(kinds, name, values[key], base)
        return [*value, *extra] if isinstance(value, list) and extra else value

    def addinivalue_line(self, name: str, line: str) -> None:
        self._ini_lines.setdefault(name, []).append(line)

    def issue_config_time_warning(self, warning: Warning, stacklevel: int) -> None:
        warnings.warn(warning, stacklevel=stacklevel + 1)

    def add_cleanup(self, func: Any) -> None:
        self._cleanups.append(func)

    def run_cleanups(self) -> None:
        """The functions given to ``add_cleanup``, newest first, once the run is unconfigured."""
        while self._cleanups:
            self._cleanups.pop()()

    def get_terminal_writer(self) -> Any:
        reporter: Any = self.pluginmanager.getplugin("terminalreporter")
        return None if reporter is None else reporter._tw

    def getplugin(self, name: str) -> Any:
        return self.pluginmanager.getplugin(name)
