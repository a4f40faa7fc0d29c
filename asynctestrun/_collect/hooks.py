"""Calling pytest-style hook functions found in conftests, plugins and test modules.

Hook implementations may declare any subset of the hook's arguments (pytest's convention), so each is
called with just the arguments it names. Implementations run innermost first (the last registered
first, as pluggy orders them), unless ``tryfirst``/``trylast`` were set through ``hookimpl``.
"""

from __future__ import annotations

import inspect
import warnings
from collections.abc import Callable, Generator, Iterable, Mapping
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any, Final, TypeVar

from .._declare.pytest_warnings import PytestRemovedIn10Warning

_F = TypeVar("_F")

# Hooks that asynctestrun honours; any other pytest_* function is reported once as unsupported.
KNOWN_HOOKS = frozenset(
    {
        "pytest_addoption",
        "pytest_configure",
        "pytest_unconfigure",
        "pytest_collection_modifyitems",
        "pytest_generate_tests",
        "pytest_make_parametrize_id",
        "pytest_sessionstart",
        "pytest_sessionfinish",
        "pytest_runtest_setup",
        "pytest_runtest_teardown",
        "pytest_runtest_call",
        "pytest_runtest_makereport",
        "pytest_ignore_collect",
        "pytest_report_header",
        "pytest_collection_finish",
        "pytest_plugin_registered",
        "pytest_load_initial_conftests",
        "pytest_itemcollected",
        "pytest_runtest_logreport",
        "pytest_terminal_summary",
        "pytest_deselected",
        "pytest_keyboard_interrupt",
        "pytest_asyncio_loop_factories",
        "pytest_fixture_setup",
        "pytest_assertrepr_compare",
        "pytest_pyfunc_call",
        "pytest_pycollect_makemodule",
        "pytest_configure_node",
        "pytest_collectstart",
        "pytest_report_teststatus",
        "pytest_report_collectionfinish",
        "pytest_runtest_logstart",
        "pytest_runtest_logfinish",
        "pytest_addhooks",
        "pytest_markeval_namespace",
        "pytest_exception_interact",
        "pytest_runtest_protocol",
        "pytest_runtestloop",
        "pytest_cmdline_main",
        "pytest_internalerror",
    }
)
# Known but with no effect here; accepted silently because they only tune pytest's own machinery.
SILENT_HOOKS = frozenset(
    {
        "pytest_plugin_registered",
        "pytest_load_initial_conftests",
        "pytest_itemcollected",
        "pytest_deselected",
        "pytest_keyboard_interrupt",
        "pytest_unconfigure",
        "pytest_internalerror",
    }
)
# pytest-xdist's hooks about its workers (set up, started, ready, down, crashed, their collection):
# only xdist's controller calls them, in a run with workers. A plugin having one (syrupy's
# pytest_testnodedown, registered wherever xdist is installed) loses nothing in a run without -n,
# nor in a worker, so it is named unsupported by the main process of a run with workers alone.
XDIST_CONTROLLER_HOOKS = frozenset(
    {
        "pytest_xdist_setupnodes",
        "pytest_xdist_newgateway",
        "pytest_xdist_rsyncstart",
        "pytest_xdist_rsyncfinish",
        "pytest_xdist_getremotemodule",
        "pytest_xdist_make_scheduler",
        "pytest_xdist_auto_num_workers",
        "pytest_xdist_node_collection_finished",
        "pytest_testnodeready",
        "pytest_testnodedown",
        "pytest_handlecrashitem",
    }
)
# Hooks pytest calls only where an ini key turns them on (pytest-golden has pytest_assertion_pass,
# which pytest calls for each passing assert under enable_assertion_pass_hook = true): a plugin having
# one loses nothing while the key is off, so it is named unsupported only when the key is on.
HOOKS_BEHIND_INI_KEYS: Final[Mapping[str, str]] = {"pytest_assertion_pass": "enable_assertion_pass_hook"}
# Hooks whose pytest implementations all run inside the one call made here, so a hook wrapper around
# the plain implementations sees what it would see under pytest. pytest-randomly shuffles the items
# in a ``wrapper=True`` pytest_collection_modifyitems, before the plain implementations run. Other
# hooks (pytest_generate_tests, pytest_runtest_setup) have their pytest part done outside the call
# here, so a wrapper's code after its ``yield`` would run too early: their wrappers stay skipped.
WRAPPED_HOOKS = frozenset(
    {
        "pytest_collection_modifyitems",
        "pytest_collection_finish",
        "pytest_sessionstart",
        "pytest_sessionfinish",
    }
)


@dataclass(frozen=True, slots=True)
class PluginModule:
    name: str
    module: ModuleType | object
    conftest: bool = False


@dataclass(slots=True)
class HookRegistry:
    plugins: list[PluginModule] = field(default_factory=list)
    # Lookups are repeated per test (pytest_runtest_setup) and per definition: cache them until the
    # next registration. Keyed by identity: plugins and conftest modules live for the whole run.
    _cache: dict[tuple[object, ...], list[Callable[..., Any]]] = field(default_factory=dict)
    # Hooks already called with call_historic, and their arguments: replayed for each later plugin.
    _historic: dict[str, dict[str, Any]] = field(default_factory=dict)
    # Counts registrations, so that lookups cached outside the registry know when to look again.
    version: int = 0

    def register(self, plugin: PluginModule) -> None:
        if all(p.module is not plugin.module for p in self.plugins):
            self.plugins.append(plugin)
            self._cache.clear()
            self.version += 1
            warn_legacy_options(plugin.module)
            for hook, kwargs in self._historic.items():
                impl = getattr(plugin.module, hook, None)
                if callable(impl):
                    self._run([impl], kwargs)

    def call_historic(self, hook: str, **kwargs: Any) -> None:
        """pluggy's historic call, which pytest uses for ``pytest_configure``: a plugin registered later
        gets the call when it registers. That covers a plugin object registered from another plugin's
        ``pytest_configure`` (inline-snapshot sets up its state that way) and a conftest first imported
        during collection."""
        self._historic[hook] = kwargs
        self._run(self.implementations(hook), kwargs)

    def implementations(
        self, hook: str, extra: Iterable[object] = (), owners: Iterable[object] | None = None
    ) -> list[Callable[..., Any]]:
        extra = tuple(extra)
        owners = None if owners is None else tuple(owners)
        if extra and any(callable(getattr(owner, hook, None)) for owner in extra):
            # A test module or class implementing the hook itself: rare, so not cached (the extras
            # differ for every class, and would fill the cache with one-off keys).
            return self._find(hook, extra, owners)
        key = (hook, None if owners is None else tuple(map(id, owners)))
        cached = self._cache.get(key)
        if cached is None:
            cached = self._cache[key] = self._find(hook, (), owners)
        return cached

    def _find(
        self, hook: str, extra: tuple[object, ...], owners: tuple[object, ...] | None
    ) -> list[Callable[..., Any]]:
        if owners is None:
            base = [p.module for p in self.plugins]
        else:
            # Registration order, as pluggy's: a conftest imported before a plugin registered runs
            # after it (pytest's fixture manager registers between initial and later conftests).
            visible = {id(owner) for owner in owners}
            base = [p.module for p in self.plugins if not p.conftest or id(p.module) in visible]
            registered = {id(module) for module in base}
            base += [owner for owner in owners if id(owner) not in registered]
        found: list[Callable[..., Any]] = []
        for owner in [*base, *extra]:
            impl = getattr(owner, hook, None)
            if callable(impl):
                found.append(impl)
        ordered = list(reversed(found))
        first = [f for f in ordered if hook_option(f, "tryfirst")]
        last = [f for f in ordered if hook_option(f, "trylast")]
        middle = [f for f in ordered if f not in first and f not in last]
        return [*first, *middle, *last]

    def call(self, hook: str, extra: Iterable[object] = (), **kwargs: Any) -> list[Any]:
        impls = self.implementations(hook, extra)
        if hook in WRAPPED_HOOKS and any(map(is_wrapper, impls)):
            return _run_wrapped(impls, kwargs)
        return self._run(impls, kwargs)

    def call_scoped(
        self, hook: str, owners: Iterable[object], extra: Iterable[object] = (), **kwargs: Any
    ) -> list[Any]:
        """Call with the global plugins plus only the given conftests (those above one file)."""
        return self._run(self.implementations(hook, extra, owners), kwargs)

    def call_first(self, hook: str, owners: Iterable[object] | None, **kwargs: Any) -> Any:
        """A ``firstresult`` hook (pluggy's term): implementations in order until one answers
        something other than None, which is the result; the rest are not called. ``owners``: the
        conftests taking part, as in ``implementations`` (None: every registered one)."""
        answered = first_answer(self.implementations(hook, (), owners), kwargs)
        return answered[1] if answered is not None else None

    def _run(self, impls: list[Callable[..., Any]], kwargs: dict[str, Any]) -> list[Any]:
        return call_plain(impls, kwargs)

    def unknown_hooks(self) -> list[tuple[str, str]]:
        out: list[tuple[str, str]] = []
        for plugin in self.plugins:
            for attr in dir(plugin.module):
                impl = getattr(plugin.module, attr, None)
                unknown = attr.startswith("pytest_") and attr not in KNOWN_HOOKS and attr != "pytest_plugins"
                if unknown and callable(impl):
                    out.append((_readable_name(plugin), attr))
        return out


def _readable_name(plugin: PluginModule) -> str:
    """A plugin object registered without a name is named by its ``id()``, as pytest names it: its
    class says more in a message."""
    if plugin.name.isdigit() and not isinstance(plugin.module, ModuleType):
        kind = type(plugin.module)
        return f"{kind.__module__}.{kind.__qualname__} object"
    return plugin.name


def first_answer(
    impls: list[Callable[..., Any]], kwargs: dict[str, Any]
) -> tuple[Callable[..., Any], Any] | None:
    """A ``firstresult`` call: the plain implementations in order until one answers something other
    than None; that implementation and its answer (the rest are not called), or None."""
    for impl in impls:
        if is_wrapper(impl):
            continue
        result = call_with_declared(impl, kwargs)
        if result is not None:
            return impl, result
    return None


def call_plain(impls: list[Callable[..., Any]], kwargs: dict[str, Any]) -> list[Any]:
    """A hook's plain implementations in order; the answers other than None. Wrappers are left out:
    they wrap pytest internals that do not exist here."""
    results: list[Any] = []
    for impl in impls:
        if is_wrapper(impl):
            continue
        result = call_with_declared(impl, kwargs)
        if result is not None:
            results.append(result)
    return results


class HookOutcome:
    """What an old-style ``hookwrapper``'s ``yield`` gives back: the result of what it wraps."""

    def __init__(self, result: Any) -> None:
        self._result = result

    def get_result(self) -> Any:
        return self._result

    def force_result(self, result: Any) -> None:
        self._result = result

    def force_exception(self, exc: BaseException) -> None:
        raise exc


def is_wrapper(impl: object) -> bool:
    return hook_option(impl, "hookwrapper") or hook_option(impl, "wrapper")


def _run_wrapped(impls: list[Callable[..., Any]], kwargs: dict[str, Any]) -> list[Any]:
    """pluggy's order: every wrapper runs to its ``yield`` (outermost first), then the plain
    implementations, then the wrappers resume innermost first with the results."""
    started: list[tuple[Generator[Any, Any, Any], bool]] = []
    for impl in impls:
        if is_wrapper(impl):
            generator = call_with_declared(impl, kwargs)
            if inspect.isgenerator(generator):
                next(generator, None)
                started.append((generator, hook_option(impl, "hookwrapper")))
    try:
        plain = (call_with_declared(impl, kwargs) for impl in impls if not is_wrapper(impl))
        results = [result for result in plain if result is not None]
    except BaseException:
        for generator, _ in reversed(started):
            generator.close()  # their ``finally`` blocks run, as when pluggy throws into them
        raise
    for generator, old_style in reversed(started):
        results = _resume(generator, old_style, results)
    return results


def _resume(generator: Generator[Any, Any, Any], old_style: bool, results: list[Any]) -> list[Any]:
    """A new-style wrapper returns the (possibly replaced) result; an old-style one may force it."""
    outcome = HookOutcome(results)
    try:
        generator.send(outcome if old_style else results)
    except StopIteration as stop:
        if not old_style and stop.value is not None:
            return list(stop.value)
    return list(outcome.get_result())


def set_hook_options(func: _F, options: dict[str, Any]) -> _F:
    """Record ``hookimpl`` options (tryfirst, trylast, wrapper, ...) on a hook, where ``hook_option``
    reads them: ``pytest.hookimpl`` and the stand-ins' own hooks both go through here."""
    func._asynctestrun_hookimpl = dict(options)  # type: ignore[attr-defined]
    return func


def hook_option(func: object, name: str) -> bool:
    opts = _declared_options(func)
    if opts is None:
        return name in legacy_options(func)
    return bool(opts.get(name)) if isinstance(opts, dict) else False


def _declared_options(func: object) -> object:
    """What ``hookimpl`` recorded (asynctestrun's or pytest's own), or None for a hook without it."""
    opts = getattr(func, "_asynctestrun_hookimpl", None)
    return opts if opts is not None else getattr(func, "pytest_impl", None)


# Hook options declared the way pytest did before ``pytest.hookimpl``: a mark on the hook
# (``@pytest.mark.tryfirst``) or an attribute (``hook.trylast = True``). pytest 9 still honours them
# and warns as it registers the plugin (pytest-tornasync's hooks are marked so).
_LEGACY_OPTIONS = ("tryfirst", "trylast", "optionalhook", "hookwrapper")
_LEGACY_URL = "https://docs.pytest.org/en/latest/deprecations.html#configuring-hook-specs-impls-using-markers"


def legacy_options(func: object) -> dict[str, str]:
    """The options a hook without ``hookimpl`` declares the old way, each as pytest's warning writes it
    (``tryfirst=True``), found as pytest's ``_get_legacy_hook_marks`` finds them. Cached: hooks are
    asked for their options on every call."""
    try:
        return _LEGACY[func]
    except KeyError:
        found = _LEGACY[func] = _find_legacy_options(func)
        return found
    except TypeError:  # an unhashable callable
        return _find_legacy_options(func)


_LEGACY: dict[object, dict[str, str]] = {}


def _find_legacy_options(func: object) -> dict[str, str]:
    if _declared_options(func) is not None or not inspect.isroutine(func):
        return {}
    marks = getattr(func, "pytestmark", None)
    marked = {getattr(mark, "name", None) for mark in marks} if isinstance(marks, list) else set()
    found: dict[str, str] = {}
    for name in _LEGACY_OPTIONS:
        try:
            value = getattr(func, name)
        except AttributeError:
            if name in marked:
                found[name] = f"{name}=True"
        else:
            found[name] = f"{name}={value}"
    return found


def warn_legacy_options(plugin: object) -> None:
    """pytest's PytestRemovedIn10Warning for each ``pytest_*`` hook of a plugin or conftest that declares
    its options the old way, placed at the hook's definition, in ``dir()`` order as pluggy registers."""
    for name in dir(plugin):
        if not name.startswith("pytest_") or name == "pytest_plugins":
            continue
        impl = getattr(plugin, name, None)
        options = legacy_options(impl)
        code = getattr(impl, "__code__", None)
        if not options or code is None:
            continue
        message = (
            f"The hookimpl {getattr(impl, '__qualname__', name)} uses old-style configuration options "
            f"(marks or attributes).\nPlease use the pytest.hookimpl({', '.join(options.values())}) "
            f"decorator instead\n to configure the hooks.\n See {_LEGACY_URL}"
        )
        warnings.warn_explicit(
            PytestRemovedIn10Warning(message),
            PytestRemovedIn10Warning,
            code.co_filename,
            code.co_firstlineno,
            module=getattr(impl, "__module__", None),
        )


def call_with_declared(func: Callable[..., Any], available: dict[str, Any]) -> Any:
    """Call a hook with only the arguments it declares, as pluggy does."""
    try:
        declared = _DECLARED[func]
    except KeyError:
        declared = _DECLARED[func] = _declared_names(func)
    except TypeError:  # an unhashable callable: rare enough not to cache
        declared = _declared_names(func)
    if declared is None:
        return func(**available)
    return func(**{name: available[name] for name in declared if name in available})


# Hook implementations are called once or more per test: inspect.signature costs more than the
# typical hook body, so each implementation's declared names are worked out once. The keys keep the
# hook functions (plugin and conftest modules) alive, which they are for the whole run anyway.
_DECLARED: dict[Callable[..., Any], tuple[str, ...] | None] = {}


def _declared_names(func: Callable[..., Any]) -> tuple[str, ...] | None:
    """The parameter names ``func`` accepts, or None when it takes every keyword (``**kwargs``, or a
    callable whose signature cannot be read)."""
    try:
        params = inspect.signature(func).parameters
    except (TypeError, ValueError):
        return None
    if any(p.kind is inspect.Parameter.VAR_KEYWORD for p in params.values()):
        return None
    return tuple(params)
