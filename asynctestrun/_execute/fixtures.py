"""Fixture values at run time: caching per scope instance, dependencies, teardown order, the request.

Mirrors pytest's model. A cached value remembers its finalizers (its own teardown, ``addfinalizer``
callbacks, and the teardown of every fixture that depends on it, so dependents end first). Its
``finish`` is registered on the scope instance it lives in; a parametrized fixture asked for with a
different param first finishes the old value. A setup error is cached too, so later tests of the same
scope instance see the same error without running the fixture again.
"""

from __future__ import annotations

import contextlib
import contextvars
import dataclasses
import inspect
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import PurePath
from types import ModuleType
from typing import TYPE_CHECKING, Any

from .._collect.signature import func_kind
from .._declare.outcomes import Failed, Skipped
from .._model.events import FixtureShown
from .._model.items import FixtureDef, FuncKind, HolderKind, TestItem
from .._model.scopes import LoopScope, Scope
from .loops import make_current
from .nodes import legacy_path
from .scopestack import ScopeNode
from .undriven import async_fixture_message

if TYPE_CHECKING:
    from .session_state import SessionState


class FixtureLookupError(Exception):
    # Positional arguments as any exception's (``pytest.FixtureLookupError`` is this class).
    def __init__(
        self, *args: object, missing: str | None = None, requester: FixtureDef | None = None
    ) -> None:
        super().__init__(*args)
        self.missing = missing  # the name no fixture is defined for, when that is the error
        self.requester = requester  # the fixture that asked (None: the test), for the report's listing


@dataclass(eq=False)
class CachedValue:
    fixturedef: FixtureDef
    cache_key: object
    value: Any = None
    error: BaseException | None = None
    finalizers: list[Callable[[], None]] = field(default_factory=list)
    # --setup-show: its SETUP line was written (with this parameter, if any), so its TEARDOWN is too;
    # not for an async fixture nothing runs, which fails before pytest caches anything.
    shown: bool = False
    shown_param: str | None = None
    unhandled: bool = False


_NO_PARAM = object()


@dataclass(slots=True)
class _FixtureDefView:
    """``fixturedef`` as ``pytest_fixture_setup`` implementations read it. Not frozen: a plugin that
    makes the value also stores it in ``cached_result`` (pytest-trio does), which asynctestrun does not
    read back (it caches the returned value itself)."""

    argname: str
    scope: str
    func: Callable[..., Any] | None
    params: Sequence[Any] | None = None
    ids: Any = None
    baseid: str = ""
    # pytest-trio resolves every argument of the fixture through ``request.getfixturevalue``.
    argnames: tuple[str, ...] = ()
    cached_result: Any = None

    @classmethod
    def of(cls, fixturedef: FixtureDef) -> _FixtureDefView:
        return cls(
            fixturedef.name,
            fixturedef.scope.value,
            fixturedef.func,
            fixturedef.params,
            fixturedef.ids,
            argnames=fixturedef.argnames,
        )


class FixtureRequest:
    """The ``request`` object: the test's request, or a fixture's sub-request."""

    def __init__(
        self,
        runtime: ItemRuntime,
        fixturedef: FixtureDef | None,
        param: object = _NO_PARAM,
        param_index: int = 0,
    ) -> None:
        self._runtime = runtime
        self._fixturedef = fixturedef
        self._param_index = param_index
        if param is not _NO_PARAM:
            self.param = param

    # -- identity ------------------------------------------------------------------------
    @property
    def fixturename(self) -> str | None:
        return self._fixturedef.name if self._fixturedef is not None else None

    @property
    def scope(self) -> str:
        return self._fixturedef.scope.value if self._fixturedef is not None else "function"

    @property
    def param_index(self) -> int:
        return self._param_index

    @property
    def node(self) -> Any:
        if self._fixturedef is None:
            return self._runtime.node
        return self._runtime.scope_node(self._fixturedef.scope)

    @property
    def config(self) -> Any:
        return self._runtime.state.plugin_config

    @property
    def function(self) -> Any:
        return self._runtime.item.function

    @property
    def cls(self) -> type | None:
        return self._runtime.item.cls

    @property
    def instance(self) -> Any:
        return self._runtime.instance

    @property
    def module(self) -> Any:
        return self._runtime.item.module

    @property
    def path(self) -> Any:
        return self._runtime.item.path

    @property
    def fspath(self) -> Any:
        return legacy_path(self._runtime.item.path)

    @property
    def keywords(self) -> Any:
        return self._runtime.node.keywords

    @property
    def session(self) -> Any:
        return self._runtime.state.plugin_session

    @property
    def _services(self) -> SessionState:
        """Runtime services built-in fixtures need (capture, log capture)."""
        return self._runtime.state

    @property
    def fixturenames(self) -> list[str]:
        names = list(self._runtime.node.fixturenames)
        # pytest's request also lists what ``getfixturevalue`` got beyond the test's own (unordered).
        names.extend(sorted(self._runtime.resolved.difference(names)))
        return names

    @property
    def node_marks(self) -> Any:
        return self._runtime.node.iter_markers()

    # -- behaviour -----------------------------------------------------------------------
    def getfixturevalue(self, argname: str) -> Any:
        runtime = self._runtime
        if runtime.tearing_down and argname not in runtime.requested:
            _warn_late_request(argname, runtime)
        return runtime.get_value(argname, requester=self._fixturedef)

    def _get_active_fixturedef(self, argname: str) -> Any:
        """pytest's private lookup, which plugins call (aiomisc's ``pytest_fixture_setup`` makes sure
        ``event_loop`` is set up this way): the fixture is set up as by ``getfixturevalue``, and its
        definition comes back as hooks see it, the value in ``cached_result``."""
        value = self.getfixturevalue(argname)
        runtime = self._runtime
        if argname == "request" or runtime.item.callspec.is_direct(argname):
            view = _FixtureDefView(argname, "function", None)
        else:
            view = _FixtureDefView.of(runtime._resolve(argname, self._fixturedef))
        view.cached_result = (value, None, None)
        return view

    def addfinalizer(self, finalizer: Callable[[], object]) -> None:
        if self._fixturedef is None:
            self._runtime.function_node().addfinalizer(_discard_result(finalizer))
            return
        cached = self._runtime.state.cache.get(self._fixturedef)
        if cached is not None:
            cached.finalizers.append(_discard_result(finalizer))

    def applymarker(self, marker: Any) -> None:
        self._runtime.node.add_marker(marker)

    def raiseerror(self, msg: str | None) -> None:
        raise FixtureLookupError(msg)

    def __repr__(self) -> str:
        return f"<FixtureRequest for {self._runtime.node!r}>"


def _discard_result(finalizer: Callable[[], object]) -> Callable[[], None]:
    def run() -> None:
        finalizer()

    return run


class ItemRuntime:
    """Everything needed to set up one test's fixtures: the item, its node view, the shared state."""

    def __init__(self, state: SessionState, item: TestItem, node: Any) -> None:
        self.state = state
        self.item = item
        self.node = node
        self.instance: Any = None
        self.requested: set[str] = set()  # fixtures set up or looked up for this test so far
        self.resolved: set[str] = set()  # fixtures whose value this test got (set up, or cached)
        self.tearing_down = False
        self._direct_values: dict[str, Any] = {}  # direct parameters after pytest_fixture_setup hooks

    def function_node(self) -> ScopeNode:
        return self.state.stack.stack[-1]

    def class_node(self) -> Any:
        return self.state.container_node(self.item, Scope.CLASS)

    def module_node(self) -> Any:
        return self.state.container_node(self.item, Scope.MODULE)

    def scope_node(self, scope: Scope) -> Any:
        """``request.node`` of a fixture of ``scope``: the test (also for a class scope outside a
        class), its class, or else its module."""
        if scope is Scope.FUNCTION or (scope is Scope.CLASS and self.item.cls is None):
            return self.node
        if scope is Scope.CLASS:
            return self.class_node()
        return self.module_node()

    # -- resolution ------------------------------------------------------------------------
    def fixture_defs(self, argname: str) -> tuple[FixtureDef, ...]:
        """The definitions of ``argname`` this test sees, overridden ones first."""
        defs = self.item.fixturedefs.get(argname)
        if defs is None:
            defs = self.state.registry.visible(argname, self.item.holders)
        return defs

    def _resolve(self, argname: str, requester: FixtureDef | None) -> FixtureDef:
        defs = self.fixture_defs(argname)
        if not defs:
            available = ", ".join(
                n for n in self.state.registry.names(self.item.holders) if not n.startswith("_")
            )
            raise FixtureLookupError(
                f"fixture '{argname}' not found\n>       available fixtures: {available}",
                missing=argname,
                requester=requester,
            )
        if requester is not None and requester.name == argname and requester in defs:
            index = defs.index(requester)
            if index == 0:
                raise FixtureLookupError(f"recursive dependency involving fixture '{argname}' detected")
            return defs[index - 1]
        return defs[-1]

    def get_value(self, argname: str, requester: FixtureDef | None = None) -> Any:
        if argname == "request":
            return FixtureRequest(self, requester)
        self.requested.add(argname)
        callspec = self.item.callspec
        if callspec.is_direct(argname) and (requester is None or requester.name != argname):
            if self.state.shows_setup:
                self._show_direct(argname)
            value = callspec.params[argname]
            if self.state.fixture_setup_hooks():
                value = self._direct_param_through_hooks(argname, value)
            return value
        fixturedef = self._resolve(argname, requester)
        if requester is not None and fixturedef.scope.narrower_than(requester.scope):
            raise Failed(
                f"ScopeMismatch: You tried to access the {fixturedef.scope.value} scoped fixture "
                f"{argname} with a {requester.scope.value} scoped request object. Requesting fixture "
                f"stack:\n{_described(requester)}\nRequested fixture:\n{_described(fixturedef)}",
                pytrace=False,
            )
        value = self.execute(fixturedef)
        self.resolved.add(argname)
        return value

    # -- execution -------------------------------------------------------------------------
    def execute(self, fixturedef: FixtureDef) -> Any:
        state = self.state
        callspec = self.item.callspec
        param: object = _NO_PARAM
        index = 0
        if fixturedef.name in callspec.params and fixturedef.name in callspec.indirect:
            param = callspec.params[fixturedef.name]
            index = callspec.indices.get(fixturedef.name, 0)
        elif fixturedef.params is not None:
            raise Failed(
                f"The requested fixture has no parameter defined for test:\n    {self.item.nodeid}\n\n"
                f"Requested fixture '{fixturedef.name}' defined in:\n{fixturedef.location}",
                pytrace=False,
            )
        request = FixtureRequest(self, fixturedef, param, index)
        kwargs: dict[str, Any] = {}
        dependencies: list[FixtureDef] = []
        for argname in fixturedef.argnames:
            kwargs[argname] = (
                self.get_value(argname, requester=fixturedef) if argname != "request" else request
            )
            if argname != "request":
                dep = self._dependency(argname, fixturedef)
                if dep is not None:
                    dependencies.append(dep)
        cached = state.cache.get(fixturedef)
        # pytest's cache key is the parameter itself (None without one), compared with ``==``: equal
        # values from two parametrize lists share one instance.
        cache_key: object = param if param is not _NO_PARAM else None
        if cached is not None:
            if _same_key(cached.cache_key, cache_key):
                if cached.error is not None:
                    raise cached.error
                self._link(dependencies, fixturedef)
                return cached.value
            errors = state.finish(fixturedef)
            if errors:
                raise errors[0]
        self._link(dependencies, fixturedef)
        cached = CachedValue(fixturedef, cache_key)
        state.cache[fixturedef] = cached
        anyio = fixturedef.kind.is_async and self.anyio_backend_requested()
        if fixturedef.asyncio_driven and not anyio:
            # Open the fixture's loop before registering its teardown, so the loop closes after it.
            state.loop_for(self, fixturedef.loop_scope or LoopScope.of(fixturedef.scope), fixture=fixturedef)
        self._add_finish(fixturedef)
        if state.config.setup_plan:
            # --setup-plan walks the set-up without running it: as under pytest, every fixture's
            # value is None and its teardown runs nothing (both are shown all the same).
            self._show_setup(fixturedef, cached, param, index)
            return None
        try:
            if (
                fixturedef.name == "event_loop_policy"
                and fixturedef.holder.kind is not HolderKind.BUILTIN
                and self.state.config.asyncio_plugin
            ):
                _warn_policy_override()
            hooked = _NO_PARAM
            if self.state.fixture_setup_hooks():
                view = _FixtureDefView.of(fixturedef)
                hooked = self._setup_through_hooks(view, request)
                if hooked is _NO_PARAM:
                    fixturedef, kwargs = self._as_rewritten(fixturedef, view, kwargs, request)
            cached.value = self._call(fixturedef, kwargs, cached) if hooked is _NO_PARAM else hooked
        except BaseException as exc:
            if isinstance(exc, Skipped):
                # As pytest: the skip summary names the test a fixture skipped, not the fixture.
                exc.at_item = True
            cached.error = exc
            raise
        finally:
            self._show_setup(fixturedef, cached, param, index)
        return cached.value

    def _add_finish(self, fixturedef: FixtureDef) -> None:
        """The fixture's teardown, when its scope's instance ends."""
        state = self.state
        package = fixturedef.holder.key if fixturedef.holder.kind is HolderKind.CONFTEST else None
        scope_node = state.stack.node_for(fixturedef.scope, package)
        scope_node.addfinalizer(lambda: _raise_first(state.finish(fixturedef)))

    # -- --setup-show ---------------------------------------------------------------------------
    def _show_setup(self, fixturedef: FixtureDef, cached: CachedValue, param: object, index: int) -> None:
        """pytest's SETUP line, written once the fixture's function has run (or failed)."""
        if not self.state.shows_setup:
            return
        from .._rewrite.saferepr import safe_repr

        cached.shown = not cached.unhandled
        if param is not _NO_PARAM:
            cached.shown_param = safe_repr(_shown_param(fixturedef, param, index), _SHOWN_PARAM_SIZE)
        used = tuple(sorted(name for name in fixturedef.argnames if name != "request"))
        self.state.show(
            FixtureShown("SETUP", fixturedef.scope.value, fixturedef.name, used, cached.shown_param)
        )

    def _show_direct(self, argname: str) -> None:
        """A directly parametrized argument is a fixture of its own to pytest, shown as one: set up
        once per instance of its scope (the test's, unless parametrize gave one) and value."""
        callspec = self.item.callspec
        scope = callspec.param_scopes.get(argname, Scope.FUNCTION)
        node = self.state.stack.node_for(scope)
        key = f"setup-show:{argname}"
        index = callspec.indices.get(argname, 0)
        earlier = node.state.get(key)
        if isinstance(earlier, _ShownDirect):
            if earlier.index == index:
                return
            earlier.finish()  # another value: pytest finishes the one before, then sets this one up
        from .._rewrite.saferepr import safe_repr

        param = safe_repr(callspec.params[argname], _SHOWN_PARAM_SIZE)
        setup = FixtureShown("SETUP", scope.value, argname, param=param)
        shown = node.state[key] = _ShownDirect(self.state, node, key, setup, index)
        node.addfinalizer(shown.finish)
        self.state.show(shown.setup)

    # -- pytest_fixture_setup ------------------------------------------------------------------
    def _setup_through_hooks(self, view: _FixtureDefView, request: FixtureRequest) -> object:
        """Plugins' ``pytest_fixture_setup``: the first answer other than None is the fixture's value
        (pytest's firstresult), else ``_NO_PARAM``; a plugin may also rewrite ``request.param``."""
        from .._collect.hooks import call_with_declared, is_wrapper

        for impl in self.state.fixture_setup_hooks():
            if is_wrapper(impl):
                continue
            result = call_with_declared(impl, {"fixturedef": view, "request": request})
            if result is not None:
                return result
        return _NO_PARAM

    def _as_rewritten(
        self, fixturedef: FixtureDef, view: _FixtureDefView, kwargs: dict[str, Any], request: FixtureRequest
    ) -> tuple[FixtureDef, dict[str, Any]]:
        """The fixture as a hook left it. pytest calls ``fixturedef.func`` with ``fixturedef.argnames``
        after every hook answered None, so a hook may swap in its own function (aiomisc's wraps an async
        fixture to run it on its ``event_loop``, asking for ``request`` too). The replacement is called
        for what it is (aiomisc's is a plain function), not for what the fixture was."""
        if view.func is fixturedef.func and view.argnames == fixturedef.argnames:
            return fixturedef, kwargs
        func = view.func if view.func is not None else fixturedef.func
        rewritten = dataclasses.replace(
            fixturedef, func=func, argnames=tuple(view.argnames), kind=func_kind(func)
        )
        values = {
            name: kwargs[name]
            if name in kwargs
            else (request if name == "request" else self.get_value(name, requester=fixturedef))
            for name in rewritten.argnames
        }
        return rewritten, values

    def _direct_param_through_hooks(self, argname: str, value: Any) -> Any:
        """A directly parametrized argument is a fixture to pytest's hooks too (one returning
        ``request.param``): pytest-lazy-fixtures turns ``lf("name")`` into that fixture's value here."""
        done = self._direct_values.get(argname, _NO_PARAM)
        if done is not _NO_PARAM:
            return done
        request = FixtureRequest(self, None, value, self.item.callspec.indices.get(argname, 0))
        hooked = self._setup_through_hooks(_FixtureDefView(argname, "function", None), request)
        result = request.param if hooked is _NO_PARAM else hooked
        self._direct_values[argname] = result
        return result

    def _dependency(self, argname: str, requester: FixtureDef) -> FixtureDef | None:
        callspec = self.item.callspec
        if callspec.is_direct(argname) and requester.name != argname:
            return None
        try:
            return self._resolve(argname, requester)
        except FixtureLookupError:
            return None

    def _link(self, dependencies: list[FixtureDef], dependent: FixtureDef) -> None:
        """Make each dependency finish ``dependent`` first when it ends (pytest's teardown order)."""
        state = self.state
        for dep in dependencies:
            dep_cached = state.cache.get(dep)
            if dep_cached is not None:
                dep_cached.finalizers.append(lambda d=dependent: _raise_first(state.finish(d)))  # type: ignore[misc]

    def _bound(self, fixturedef: FixtureDef) -> Callable[..., Any]:
        func = fixturedef.func
        if fixturedef.in_class:
            # As pytest: a function-scoped fixture method runs on the test's instance; a wider one on
            # the instance its class was collected with, which no test runs on.
            instance = self.instance if fixturedef.scope is Scope.FUNCTION else None
            if instance is None and self.item.cls is not None:
                instance = self.state.class_instance(self.item)
            if instance is not None:
                return func.__get__(instance)  # type: ignore[no-any-return]
        return func

    def anyio_backend_requested(self) -> bool:
        """anyio's rule: async fixtures of a test that uses ``anyio_backend`` run on anyio's runner (where
        anyio's plugin takes part in the run)."""
        return self.state.config.anyio_plugin and self.item.uses("anyio_backend")

    def _scope_node_name(self, fixturedef: FixtureDef) -> str:
        """The name of the node a fixture's scope is for this test, as pytest's ``request.node.name``:
        the test, its class, module or package, else the session's empty name."""
        scope = fixturedef.scope
        if scope is Scope.SESSION:
            return ""
        if scope is Scope.PACKAGE:
            # request.node stands in with the module here; the error names the package, as pytest's.
            package = fixturedef.holder.key if fixturedef.holder.kind is HolderKind.CONFTEST else None
            node = self.state.stack.node_for(Scope.PACKAGE, package)
            return PurePath(node.key).name if node.scope is Scope.PACKAGE else ""
        return str(self.scope_node(scope).name)

    def _call(self, fixturedef: FixtureDef, kwargs: dict[str, Any], cached: CachedValue) -> Any:
        if fixturedef.scope is not Scope.FUNCTION:
            _warn_wide_instance_method(fixturedef)
        func = self._bound(fixturedef)
        kind = fixturedef.kind
        if kind.is_async and self.anyio_backend_requested():
            backend = self.get_value("anyio_backend")
            if kind is FuncKind.COROUTINE:
                return self.state.anyio.run_fixture(backend, func, kwargs)
            value, finish = self.state.anyio.start_asyncgen_fixture(backend, func, kwargs)
            cached.finalizers.append(finish)
            return value
        if kind.is_async and not fixturedef.asyncio_driven:
            cached.unhandled = True
            message = async_fixture_message(
                self._scope_node_name(fixturedef), fixturedef.name, fixturedef.autouse, self.state.config
            )
            raise Failed(message, pytrace=False)
        if fixturedef.asyncio_driven and not kind.is_async:
            # pytest-asyncio's fixture on a sync function: set up with its loop as the current loop.
            make_current(
                self.state.loop_for(self, fixturedef.loop_scope or LoopScope.of(fixturedef.scope)).loop
            )
        if kind is FuncKind.FUNCTION:
            return func(**kwargs)
        if kind is FuncKind.GENERATOR:
            generator = func(**kwargs)
            try:
                value = next(generator)
            except StopIteration:
                raise ValueError(f"{fixturedef.name} did not yield a value") from None
            cached.finalizers.append(lambda: _finish_generator(generator, fixturedef))
            return value
        loop_scope = fixturedef.loop_scope or LoopScope.of(fixturedef.scope)
        runner = self.state.loop_for(self, loop_scope)
        # Async setup runs in a copy of the current context; what it sets is copied back so the test
        # and later fixtures see it, and reset when the fixture ends (pytest-asyncio's semantics).
        context = contextvars.copy_context()
        if kind is FuncKind.COROUTINE:
            value = runner.run(func(**kwargs), context=context)
            cached.finalizers.append(_apply_context(context))
            return value
        from . import structured

        value, teardown = structured.start(runner, func(**kwargs), context, fixturedef.name, self.state.guard)
        reset = _apply_context(context)

        def finish_async_generator() -> None:
            try:
                teardown()
            finally:
                reset()

        cached.finalizers.append(finish_async_generator)
        return value


_SHOWN_PARAM_SIZE = 42  # pytest's limit for a parameter in a SETUP / TEARDOWN line


def _shown_param(fixturedef: FixtureDef, param: object, index: int) -> object:
    """What pytest shows of a fixture's parameter: its id where the fixture gives ids, else itself."""
    ids = fixturedef.ids
    if callable(ids):
        return ids(param)
    if ids:
        return ids[index] if index < len(ids) else param
    return param


class _ShownDirect:
    """A shown direct parameter of a scope instance: its TEARDOWN line is written once, at the
    instance's end or when the next test brings another value."""

    def __init__(
        self, state: SessionState, node: ScopeNode, key: str, setup: FixtureShown, index: int
    ) -> None:
        self.state = state
        self.node = node
        self.key = key
        self.setup = setup
        self.index = index  # which of the parametrize values it is
        self.done = False

    def finish(self) -> None:
        if self.done:
            return
        self.done = True
        if self.node.state.get(self.key) is self:
            del self.node.state[self.key]
        self.state.show(dataclasses.replace(self.setup, action="TEARDOWN"))


def _apply_context(source: contextvars.Context) -> Callable[[], None]:
    """Set in the current context what an async fixture set in ``source``; return the undo."""
    current = contextvars.copy_context()
    tokens = [var.set(value) for var, value in source.items() if current.get(var, _NO_PARAM) is not value]

    def reset() -> None:
        for token in reversed(tokens):
            with contextlib.suppress(
                ValueError
            ):  # set in another context meanwhile; nothing sensible to undo
                token.var.reset(token)

    return reset


def _finish_generator(generator: Any, fixturedef: FixtureDef) -> None:
    try:
        next(generator)
    except StopIteration:
        return
    raise Failed(f"fixture function has more than one 'yield': {fixturedef.name} ({fixturedef.location})")


def _raise_first(errors: list[BaseException]) -> None:
    if errors:
        raise errors[0]


def _same_key(cached: object, wanted: object) -> bool:
    try:
        return bool(cached == wanted)
    except (ValueError, RuntimeError):  # no plain truth value (numpy arrays): identity, as pytest
        return cached is wanted


def _warn_late_request(argname: str, runtime: ItemRuntime) -> None:
    """pytest 9.1 deprecates asking for a fixture the test did not have yet while it is torn down; one
    of the test's own scope cannot be set up any more and is a lookup error."""
    import warnings

    from .._declare.pytest_warnings import PytestRemovedIn10Warning

    warnings.warn(
        PytestRemovedIn10Warning(
            f'Calling request.getfixturevalue("{argname}") during teardown is deprecated.\n'
            "Please request the fixture before teardown begins, either by declaring it in the fixture "
            "signature or by calling request.getfixturevalue() before the fixture yields.\n"
            "See https://docs.pytest.org/en/stable/deprecations.html#dynamic-fixture-request-during-teardown"
        ),
        stacklevel=3,
    )
    defs = runtime.fixture_defs(argname)
    if defs and defs[-1].scope is Scope.FUNCTION and not runtime.item.callspec.is_direct(argname):
        raise FixtureLookupError(
            f'The fixture value for "{argname}" is not available during teardown because it was not '
            "previously requested.\nOnly fixtures that were already active can be retrieved during "
            "teardown.\nRequest the fixture before teardown begins by declaring it in the fixture "
            "signature or by calling request.getfixturevalue() before the fixture yields."
        )


def _warn_wide_instance_method(fixturedef: FixtureDef) -> None:
    """pytest 9.1 deprecates a class-or-wider-scoped fixture that is a plain method of its class, and
    says so each time it is set up (an error, failing that set-up, when warnings are errors)."""
    func = fixturedef.func
    if fixturedef.in_class:
        if isinstance(func, classmethod | staticmethod):
            return
    else:  # a plugin object's method is bound to that object: the same deprecation applies
        bound_to = getattr(func, "__self__", None)
        if bound_to is None or isinstance(bound_to, type | ModuleType):
            return
    import warnings

    from .._declare.pytest_warnings import PytestRemovedIn10Warning

    warnings.warn(
        PytestRemovedIn10Warning(
            f"{fixturedef.scope.value.capitalize()}-scoped fixtures defined as instance methods are "
            "deprecated.\n"
            f"Instance attributes set in the {fixturedef.name!r} fixture will NOT be visible to test "
            "methods,\nas each test gets a new instance while the fixture runs only once per class.\n"
            "Use a @classmethod decorator below @pytest.fixture and set attributes on cls instead.\n"
            "See https://docs.pytest.org/en/stable/deprecations.html#class-scoped-fixture-as-instance-method"
        ),
        stacklevel=2,
    )


def _warn_policy_override() -> None:
    """pytest-asyncio 1.5 deprecates overriding the fixture, and says so each time it is set up (an
    error, failing that set-up, when warnings are errors)."""
    import warnings

    from .._declare.pytest_warnings import PytestDeprecationWarning

    warnings.warn(
        PytestDeprecationWarning(
            'Overriding the "event_loop_policy" fixture is deprecated and will be removed in a future '
            'version of pytest-asyncio. Use the "pytest_asyncio_loop_factories" hook to customize event '
            "loop creation."
        ),
        stacklevel=2,
    )


def _described(fixturedef: FixtureDef) -> str:
    """``tests/conftest.py:12:  def db(engine)``: a fixture as pytest names it in a scope mismatch,
    its path relative to the working directory."""
    path, _, line = fixturedef.location.rpartition(":")
    try:
        signature = str(inspect.signature(fixturedef.func))
    except (TypeError, ValueError):
        signature = f"({', '.join(fixturedef.argnames)})"
    name = getattr(fixturedef.func, "__name__", fixturedef.name)
    where = os.path.relpath(path) if path else fixturedef.location
    return f"{where}:{line}:  def {name}{signature}"
