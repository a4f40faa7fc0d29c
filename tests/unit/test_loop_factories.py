"""Loop factories: the asyncio mark and the hook's answer at collection
(asynctestrun._collect.loop_factories), grouping by parameter value (asynctestrun._plan.order), and
which loops a change of factory retires at run time (asynctestrun._execute.loop_factories).

The whole feature, compared with pytest-asyncio, is the ``loop_factories`` sample in tests/e2e."""

import asyncio
import types
from dataclasses import dataclass
from pathlib import Path

import pytest

from asynctestrun._collect.hooks import HookRegistry, PluginModule
from asynctestrun._collect.loop_factories import (
    FACTORY_ARGNAME,
    BuiltinLoopFactory,
    HookItem,
    factory_call,
    hook_factories,
    parse_asyncio_mark,
)
from asynctestrun._collect.parametrize import CallSpecBuilder
from asynctestrun._config.config import Config
from asynctestrun._declare.outcomes import Failed
from asynctestrun._execute.loop_factories import CurrentFactory
from asynctestrun._execute.scopestack import ScopeStack
from asynctestrun._model import items as model
from asynctestrun._model.marks import Mark
from asynctestrun._model.scopes import LoopScope, Scope
from asynctestrun._plan.order import reorder

NODEID = "test_a.py::test_x"


def loop_a():
    return asyncio.new_event_loop()


def loop_b():
    return asyncio.new_event_loop()


def config(**changes):
    return Config(rootdir=Path("."), invocation_dir=Path("."), inipath=None, ini={}, args=(), **changes)


# -- the mark ------------------------------------------------------------------------------------------


def test_mark_gives_loop_scope_and_factory_names():
    mark = Mark("asyncio", (), {"loop_scope": "module", "loop_factories": ("b", "a")})
    parsed = parse_asyncio_mark(mark, NODEID)
    assert parsed.loop_scope is LoopScope.MODULE
    assert parsed.factory_names == ("b", "a")


def test_bare_mark_selects_every_factory():
    assert parse_asyncio_mark(Mark("asyncio"), NODEID).factory_names is None


@pytest.mark.parametrize(
    ("kwargs", "args", "message"),
    [
        ({"loop_factories": "a"}, (), "'loop_factories' must be a non-empty sequence of strings"),
        ({"loop_factories": []}, (), "'loop_factories' must be a non-empty sequence of strings"),
        ({"loop_factories": ["a", 1]}, (), "'loop_factories' must be a non-empty sequence of strings"),
        ({"loop_factories": ["a", ""]}, (), "'loop_factories' must be a non-empty sequence of strings"),
        ({"loop_factory": ["a"]}, (), "accepts only keyword arguments 'loop_scope' and 'loop_factories'"),
        ({}, ("function",), "accepts only keyword arguments 'loop_scope' and 'loop_factories'"),
        ({"scope": "module", "loop_scope": "module"}, (), 'defines both "scope" and "loop_scope"'),
        ({"loop_scope": "galaxy"}, (), "unexpected loop scope value 'galaxy'"),
    ],
)
def test_bad_mark_fails_collection_with_pytest_asyncios_message(kwargs, args, message):
    with pytest.raises(Failed) as caught:
        parse_asyncio_mark(Mark("asyncio", args, kwargs), NODEID)
    assert caught.value.msg.startswith(f"{NODEID}: ")
    assert message in caught.value.msg


# -- the hook ------------------------------------------------------------------------------------------


def hook_item(*marks):
    path = Path("test_a.py")
    return HookItem("test_x", NODEID, path, None, None, lambda: None, "plugin-config", list(marks))


def registry(*answers):
    """One conftest per answer, outermost first; each hook returns its answer."""
    hooks = HookRegistry()
    owners = []
    for index, answer in enumerate(answers):
        module = types.ModuleType(f"conftest{index}")
        module.pytest_asyncio_loop_factories = lambda config, item, answer=answer: answer
        hooks.register(PluginModule(f"conftest{index}", module, conftest=True))
        owners.append(module)
    return hooks, owners


def test_no_hook_and_no_matrix_means_no_factories():
    hooks, owners = registry()
    assert hook_factories(hooks, owners, config(), hook_item()) is None


def test_innermost_hook_answers_first_and_none_defers_outwards():
    hooks, owners = registry({"outer": loop_a}, {"inner": loop_b})
    assert hook_factories(hooks, owners, config(), hook_item()) == {"inner": loop_b}
    hooks, owners = registry({"outer": loop_a}, None)
    assert hook_factories(hooks, owners, config(), hook_item()) == {"outer": loop_a}


def test_hook_receives_the_test_and_the_config():
    seen = {}
    hooks = HookRegistry()
    module = types.ModuleType("conftest")

    def pytest_asyncio_loop_factories(config, item):
        seen.update(config=config, marker=item.get_closest_marker("slow"), nodeid=item.nodeid)
        return {"a": loop_a}

    module.pytest_asyncio_loop_factories = pytest_asyncio_loop_factories
    hooks.register(PluginModule("conftest", module, conftest=True))
    hook_factories(hooks, [module], config(), hook_item(Mark("slow")))
    assert seen == {"config": "plugin-config", "marker": Mark("slow"), "nodeid": NODEID}


def test_loop_matrix_answers_when_no_hook_does():
    hooks, owners = registry(None)
    factories = hook_factories(hooks, owners, config(loop_matrix=("asyncio", "uvloop")), hook_item())
    assert factories == {"asyncio": BuiltinLoopFactory("asyncio"), "uvloop": BuiltinLoopFactory("uvloop")}
    hooks, owners = registry({"mine": loop_a})
    assert hook_factories(hooks, owners, config(loop_matrix=("uvloop",)), hook_item()) == {"mine": loop_a}


def test_builtin_asyncio_factory_makes_asyncios_own_loop():
    loop = BuiltinLoopFactory("asyncio")()
    try:
        assert type(loop).__module__.startswith("asyncio")
    finally:
        loop.close()


@pytest.mark.parametrize("answer", [None, {}, [loop_a], {"a": "not callable"}, {1: loop_a}, {"": loop_a}])
def test_bad_hook_answer_is_an_error(answer):
    hooks, owners = registry(answer)
    with pytest.raises(Failed, match="must return a non-empty mapping of factory names to callables"):
        hook_factories(hooks, owners, config(), hook_item())


def test_hook_answer_is_copied():
    shared = {"a": loop_a}
    hooks, owners = registry(shared)
    factories = hook_factories(hooks, owners, config(), hook_item())
    shared["b"] = loop_b
    assert factories == {"a": loop_a}


# -- the parametrization -------------------------------------------------------------------------------


@dataclass
class Definition:
    """The part of a TestDefinition factory_call reads."""

    kind: model.FuncKind = model.FuncKind.COROUTINE
    name: str = "test_x"
    function: object = None
    module: object = None
    cls: object = None


def call_for(marks, *answers, definition=None, **config_changes):
    hooks, owners = registry(*answers)
    return factory_call(
        definition or Definition(),
        marks,
        NODEID,
        hooks=hooks,
        owners=owners,
        config=config(**config_changes),
        plugin_config=None,
        path=Path("test_a.py"),
    )


def ids(call):
    builder = CallSpecBuilder()
    builder.apply("test_x", call)
    return [spec.id for spec in builder.calls]


def test_every_factory_is_one_run_named_after_it_scoped_like_the_loop():
    call = call_for([Mark("asyncio", (), {"loop_scope": "module"})], {"a": loop_a, "b": loop_b})
    assert ids(call) == ["a", "b"]
    assert [row.values for row in call.rows] == [(loop_a,), (loop_b,)]
    assert call.argnames == [FACTORY_ARGNAME] and call.indirect == {FACTORY_ARGNAME}
    assert call.scope is Scope.MODULE


def test_default_test_loop_scope_scopes_the_parametrization():
    call = call_for([Mark("asyncio")], {"a": loop_a}, default_test_loop_scope=LoopScope.CLASS)
    assert call.scope is Scope.CLASS


def test_one_factory_leaves_the_id_alone():
    assert ids(call_for([Mark("asyncio")], {"a": loop_a})) == [""]
    assert ids(call_for([Mark("asyncio", (), {"loop_factories": ["b"]})], {"a": loop_a, "b": loop_b})) == [""]


def test_mark_selects_in_its_own_order_and_skips_unknown_names():
    call = call_for([Mark("asyncio", (), {"loop_factories": ["b", "zzz"]})], {"a": loop_a, "b": loop_b})
    assert ids(call) == ["b", "zzz"]
    skip = call.rows[1].marks[0]
    assert skip.name == "skip"
    assert skip.kwargs["reason"] == "Loop factory 'zzz' is not available. Available factories: a, b."


def test_mark_naming_factories_needs_a_hook():
    with pytest.raises(Failed, match="requires at least one pytest_asyncio_loop_factories hook"):
        call_for([Mark("asyncio", (), {"loop_factories": ["a"]})])


@pytest.mark.parametrize(
    ("kind", "marks", "mode"),
    [
        (model.FuncKind.FUNCTION, [Mark("asyncio", (), {"loop_factories": []})], "strict"),  # sync: unchecked
        (model.FuncKind.COROUTINE, [], "strict"),  # unmarked in strict mode: not pytest-asyncio's
    ],
)
def test_tests_pytest_asyncio_does_not_run_get_no_factories(kind, marks, mode):
    assert call_for(marks, {"a": loop_a}, definition=Definition(kind=kind), asyncio_mode=mode) is None


def test_auto_mode_gives_unmarked_async_tests_factories():
    assert ids(call_for([], {"a": loop_a, "b": loop_b}, asyncio_mode="auto")) == ["a", "b"]


# -- ordering ------------------------------------------------------------------------------------------


def item(nodeid, params=None, scope=Scope.MODULE, path="m.py"):
    params = params or {}
    callspec = model.CallSpec(
        params=params,
        indices={name: index for index, name in enumerate(params)},
        param_scopes=dict.fromkeys(params, scope),
        indirect=frozenset(params),
        ids=tuple(str(v) for v in params.values()),
    )
    return model.TestItem(
        nodeid=nodeid, name=nodeid.split("::")[-1], originalname=nodeid.split("::")[-1], path=Path(path),
        relpath=path, lineno=1, module=types.ModuleType("m"), cls=None, function=lambda: None,
        kind=model.FuncKind.COROUTINE, marks=(), callspec=callspec, holders=(),
        chain=model.ScopeChain((), path, None), argnames=(), fixturenames=(), fixturedefs={},
        keywords=frozenset(),
    )  # fmt: skip


def test_tests_are_grouped_by_factory_value_not_by_position():
    # test_y selected its factories in the other order: index 0 is b there. pytest 9.2 groups by value.
    x_a = item("m.py::test_x[a]", {FACTORY_ARGNAME: loop_a})
    x_b = item("m.py::test_x[b]", {FACTORY_ARGNAME: loop_b})
    y_b = item("m.py::test_y[b]", {FACTORY_ARGNAME: loop_b})
    y_a = item("m.py::test_y[a]", {FACTORY_ARGNAME: loop_a})
    assert reorder([x_a, x_b, y_b, y_a]) == [x_a, y_a, x_b, y_b]


def test_a_test_without_the_parameter_runs_when_the_grouping_reaches_it():
    x_a = item("m.py::test_x[a]", {FACTORY_ARGNAME: loop_a})
    plain = item("m.py::test_sync")
    x_b = item("m.py::test_x[b]", {FACTORY_ARGNAME: loop_b})
    z_a = item("m.py::test_z[a]", {FACTORY_ARGNAME: loop_a})
    assert reorder([x_a, plain, x_b, z_a]) == [x_a, z_a, plain, x_b]


# -- retiring loops ------------------------------------------------------------------------------------


class FakeRunner:
    """Stands in for a LoopRunner: CurrentFactory only keeps track of it."""


def test_a_new_factory_retires_the_previous_factorys_loops_fixtures_first():
    stack, events = ScopeStack(), []
    current = CurrentFactory(stack)
    first = item("m.py::test_x[a]", {FACTORY_ARGNAME: loop_a})
    second = item("m.py::test_x[b]", {FACTORY_ARGNAME: loop_b})
    stack.enter(first)
    assert current.select(first) is loop_a
    runner = FakeRunner()
    current.opened(runner, lambda: events.append("close loop a"))
    current.bind(runner, "fixture one", lambda: events.append("finish fixture one"))
    current.bind(runner, "fixture two", lambda: events.append("finish fixture two"))
    assert current.select(first) is loop_a  # the same factory again: nothing happens
    assert events == []
    stack.teardown_to(second)
    stack.enter(second)
    assert current.select(second) is loop_b
    assert events == ["finish fixture two", "finish fixture one", "close loop a"]


def test_a_function_scoped_factory_ends_with_its_test_taking_wider_loops_along():
    stack, events = ScopeStack(), []
    current = CurrentFactory(stack)
    test = item("m.py::test_x[a]", {FACTORY_ARGNAME: loop_a}, scope=Scope.FUNCTION)
    stack.enter(test)
    current.select(test)
    current.opened(FakeRunner(), lambda: events.append("close session loop"))
    assert stack.teardown_to(item("m.py::test_y")) == []
    assert events == ["close session loop"]


def test_tests_without_a_factory_share_the_default_for_the_session():
    stack, events = ScopeStack(), []
    current = CurrentFactory(stack)
    plain, other = item("m.py::test_sync"), item("n.py::test_sync", path="n.py")
    stack.enter(plain)
    assert current.select(plain) is None
    current.opened(FakeRunner(), lambda: events.append("close session loop"))
    stack.teardown_to(other)
    stack.enter(other)
    assert current.select(other) is None
    assert events == []
    with_factory = item("n.py::test_x[a]", {FACTORY_ARGNAME: loop_a}, path="n.py")
    stack.teardown_to(with_factory)
    stack.enter(with_factory)
    current.select(with_factory)
    assert events == ["close session loop"]


def test_a_closed_loop_is_forgotten():
    stack, events = ScopeStack(), []
    current = CurrentFactory(stack)
    first = item("m.py::test_x[a]", {FACTORY_ARGNAME: loop_a})
    stack.enter(first)
    current.select(first)
    runner = FakeRunner()
    current.opened(runner, lambda: events.append("close"))
    current.closed(runner)  # closed by its scope ending
    second = item("m.py::test_x[b]", {FACTORY_ARGNAME: loop_b})
    current.select(second)
    assert events == []


def test_an_error_retiring_a_loop_is_raised_once_the_rest_are_retired():
    stack, events = ScopeStack(), []
    current = CurrentFactory(stack)
    first = item("m.py::test_x[a]", {FACTORY_ARGNAME: loop_a})
    stack.enter(first)
    current.select(first)
    runner = FakeRunner()
    current.opened(runner, lambda: events.append("close"))

    def broken_teardown():
        raise RuntimeError("teardown failed")

    current.bind(runner, "fixture", broken_teardown)
    with pytest.raises(RuntimeError, match="teardown failed"):
        current.select(item("m.py::test_x[b]", {FACTORY_ARGNAME: loop_b}))
    assert events == ["close"]
