"""Assertion rewriting end to end (asynctestrun._rewrite: rewrite, runtime, hook).

Each test writes a small module into tmp_path, imports it through a RewritingFinder under a
unique name, calls a function that fails, and checks the AssertionError text. The expected texts
are what pytest 9 prints for the same asserts.
"""

import ast
import asyncio
import importlib
import importlib.resources
import os
import pkgutil
import re
import subprocess
import sys
import textwrap
import uuid
import warnings
from pathlib import Path

import pytest

from asynctestrun._declare.pytest_warnings import PytestAssertRewriteWarning
from asynctestrun._rewrite import hook, runtime
from asynctestrun._rewrite.hook import (
    NO_CACHE_ENV,
    RewritingFinder,
    install,
    load_code,
    load_module_from_path,
    uninstall,
)
from asynctestrun._rewrite.rewrite import rewrite_module
from asynctestrun._rewrite.runtime import SETTINGS, AssertionSettings


@pytest.fixture(autouse=True)
def _not_on_ci(monkeypatch):
    # On CI (CI or BUILD_NUMBER set) pytest shows diffs in full; these expectations are the local ones.
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv("BUILD_NUMBER", raising=False)


REPO = Path(__file__).resolve().parents[2]


def _unique(prefix="ar_rewrite"):
    return f"{prefix}_{uuid.uuid4().hex[:12]}"


def _forget(name):
    for key in [key for key in sys.modules if key == name or key.startswith(name + ".")]:
        del sys.modules[key]


def _import(tmp_path, source, *, name=None, cache=False, should_rewrite=None):
    """Write ``source`` as a module in tmp_path and import it through a fresh finder."""
    name = name or _unique()
    (tmp_path / f"{name}.py").write_text(textwrap.dedent(source))
    finder = RewritingFinder(should_rewrite or (lambda module, _path: module == name), cache=cache)
    install(finder)
    sys.path.insert(0, str(tmp_path))
    try:
        return importlib.import_module(name)
    finally:
        sys.path.remove(str(tmp_path))
        uninstall(finder)
        _forget(name)


def _message(function, *args):
    with pytest.raises(AssertionError) as info:
        function(*args)
    return str(info.value)


SOURCE = """
    import dataclasses

    calls = []

    def f(x=False):
        calls.append(x)
        return x

    class X:
        y = 3

    x = X()

    def g(*args, **kwargs):
        return 0

    def falsy(x):
        return False

    class Box:
        def empty(self):
            return False

    @dataclasses.dataclass
    class Point:
        x: int
        y: int

    def compare_ints():
        assert 1 == 2

    def call_of_attribute():
        assert falsy(x.y)

    def two_calls():
        assert g(1) == f(2)

    def with_message():
        assert 1 == 2, "boom\\nsecond line"

    def with_object_message():
        assert 1 == 2, {"k": 1}

    def message_only_on_failure():
        assert True, f("never")
        assert f(0), f("message")

    def dict_compare():
        assert {"a": 1, "b": 2} == {"a": 1, "b": 3}

    def call_then_dict_compare():
        def d():
            return {"a": 1}
        assert d() == {"a": 2}

    def builtins_by_name():
        assert len([1]) == 2

    def local_by_value():
        v = 3
        w = [1]
        assert v == w

    def none_local():
        v = None
        assert v

    def and_op():
        a, b = 1, 0
        assert a and b

    def and_short_circuit():
        assert f(0) and f(1)

    def or_op():
        assert f(0) or f([]) or f("")

    def not_op():
        a = 1
        assert not a

    def negation():
        a = 1
        assert -a == 1

    def binop():
        a = 1
        assert a + 1 == 3

    def chain_first_link():
        assert f(1) > f(2) > f(0)

    def chain_second_link():
        assert f(1) == 1 == f(2)

    def arguments():
        assert g(1, *[2], k=3, **{"z": 1})

    def method_call():
        assert Box().empty()

    def nested_compare_in_call():
        assert f([1] == [2])

    def dataclass_compare():
        assert Point(1, 2) == Point(1, 3)

    def not_in_text():
        assert "foo" not in "a foo b"

    def comprehension():
        assert [i for i in range(2)] == [1]

    def lambda_call():
        assert (lambda: 0)()

    def walrus():
        assert (y := f(0))

    def subscript():
        d = {"a": 0}
        assert d["a"]

    def plain_false():
        assert False

    def percent_text():
        assert "50%" == "5%"

    def newline_repr():
        class S:
            def __repr__(self):
                return "line1\\nline2"
            def __bool__(self):
                return False
        s = S()
        assert s

    def bad_repr():
        class Bad:
            def __repr__(self):
                raise ValueError("nope")
            def __eq__(self, other):
                return False
        assert Bad() == 1

    def big_dict():
        assert {i: i for i in range(20)} == {i: i + 1 for i in range(20)}

    def list_compare():
        assert [1, 2, 3] == [1, 2, 4, 5]
"""


@pytest.mark.parametrize(
    ("function", "expected"),
    [
        ("compare_ints", "assert 1 == 2"),
        (
            "call_of_attribute",
            "assert False\n +  where False = falsy(3)\n +    where 3 = <MODULE.X object at ADDR>.y",
        ),
        ("two_calls", "assert 0 == 2\n +  where 0 = g(1)\n +  and   2 = f(2)"),
        ("with_message", "boom\n  second line\nassert 1 == 2"),
        ("with_object_message", "{'k': 1}\nassert 1 == 2"),
        ("message_only_on_failure", "message\nassert 0\n +  where 0 = f(0)"),
        (
            "dict_compare",
            "assert {'a': 1, 'b': 2} == {'a': 1, 'b': 3}\n  \n"
            "  Omitting 1 identical items, use -vv to show\n"
            "  Differing items:\n  {'b': 2} != {'b': 3}\n  Use -v to get more diff",
        ),
        (
            "call_then_dict_compare",
            "assert {'a': 1} == {'a': 2}\n  \n  Differing items:\n  {'a': 1} != {'a': 2}\n"
            "  Use -v to get more diff",
        ),
        ("builtins_by_name", "assert 1 == 2\n +  where 1 = len([1])"),
        ("local_by_value", "assert 3 == [1]"),
        ("none_local", "assert None"),
        ("and_op", "assert (1 and 0)"),
        ("and_short_circuit", "assert (0)\n +  where 0 = f(0)"),
        ("or_op", "assert (0 or [] or '')\n +  where 0 = f(0)\n +  and   [] = f([])\n +  and   '' = f('')"),
        ("not_op", "assert not 1"),
        ("negation", "assert -1 == 1"),
        ("binop", "assert (1 + 1) == 3"),
        ("chain_first_link", "assert 1 > 2\n +  where 1 = f(1)\n +  and   2 = f(2)"),
        ("chain_second_link", "assert 1 == 2\n +  where 2 = f(2)"),
        ("arguments", "assert 0\n +  where 0 = g(1, *[2], k=3, **{'z': 1})"),
        (
            "method_call",
            "assert False\n +  where False = empty()\n"
            " +    where empty = <MODULE.Box object at ADDR>.empty\n"
            " +      where <MODULE.Box object at ADDR> = Box()",
        ),
        (
            "nested_compare_in_call",
            "assert False\n +  where False = f([1] == [2]\n    \n    At index 0 diff: 1 != 2\n"
            "    Use -v to get more diff)",
        ),
        (
            "dataclass_compare",
            "assert Point(x=1, y=2) == Point(x=1, y=3)\n  \n"
            "  Omitting 1 identical items, use -vv to show\n  Differing attributes:\n  ['y']\n  \n"
            "  Drill down into differing attribute y:\n    y: 2 != 3",
        ),
        ("not_in_text", "assert 'foo' not in 'a foo b'\n  \n  'foo' is contained here:\n    a foo b"),
        (
            "comprehension",
            "assert [0, 1] == [1]\n  \n  At index 0 diff: 0 != 1\n  Left contains one more item: 1\n"
            "  Use -v to get more diff",
        ),
        ("lambda_call", "assert 0\n +  where 0 = <function lambda_call.<locals>.<lambda> at ADDR>()"),
        ("walrus", "assert 0"),
        ("subscript", "assert 0"),
        ("plain_false", "assert False"),
        ("percent_text", "assert '50%' == '5%'\n  \n  - 5%\n  + 50%\n  ?  +"),
        ("newline_repr", "assert line1\\nline2"),
        (
            "bad_repr",
            "assert <[ValueError('nope') raised in repr()] Bad object at ADDR> == 1\n"
            " +  where <[ValueError('nope') raised in repr()] Bad object at ADDR>"
            " = <class 'MODULE.bad_repr.<locals>.Bad'>()",
        ),
        (
            "big_dict",
            "assert {0: 0, 1: 1, 2: 2, 3: 3, ...} == {0: 1, 1: 2, 2: 3, 3: 4, ...}\n  \n"
            "  Differing items:\n  {0: 0} != {0: 1}\n  {1: 1} != {1: 2}\n  {2: 2} != {2: 3}\n"
            "  {3: 3} != {3: 4}\n  {4: 4} != {4: 5}...\n  \n  ...Full output truncated, use '-vv' to show",
        ),
    ],
)
def test_failure_messages_match_pytest(tmp_path, function, expected):
    module = _import(tmp_path, SOURCE)
    # Default settings explicitly: the runner itself turns truncation off on CI (as pytest does).
    token = SETTINGS.set(AssertionSettings())
    try:
        message = _message(getattr(module, function))
    finally:
        SETTINGS.reset(token)
    normalised = _normalise_addresses(message)
    assert normalised == expected.replace("MODULE", module.__name__)


def _normalise_addresses(text):
    return re.sub(r"at 0x[0-9a-f]+", "at ADDR", text)


def test_each_part_is_evaluated_once_and_short_circuits(tmp_path):
    module = _import(tmp_path, SOURCE)
    _message(module.chain_first_link)
    assert module.calls == [1, 2]  # f(0) is never reached: 1 > 2 is already false
    module.calls.clear()
    _message(module.and_short_circuit)
    assert module.calls == [0]
    module.calls.clear()
    _message(module.message_only_on_failure)
    assert module.calls == [0, "message"]


def test_message_expression_only_runs_on_failure(tmp_path):
    module = _import(tmp_path, "calls = []\ndef check():\n    assert True, calls.append(1)\n")
    module.check()
    assert module.calls == []


def test_passing_asserts_leave_no_temporaries_behind(tmp_path):
    source = """
        import gc, weakref

        assert len("ab") == 2

        class Holder:
            assert [1] == [1]

        class Thing:
            pass

        def check():
            thing = Thing()
            ref = weakref.ref(thing)
            assert thing is not None
            del thing
            gc.collect()
            assert ref() is None
    """
    module = _import(tmp_path, source)
    module.check()
    temporaries = [name for name in vars(module) if name.startswith("@asynctestrun_") and name[-1].isdigit()]
    assert temporaries == []
    assert [name for name in vars(module.Holder) if name.startswith("@")] == []


def test_traceback_points_at_the_assert_line(tmp_path):
    source = "def check(x):\n    y = x + 1\n    assert (\n        y\n        == 3\n    )\n"
    module = _import(tmp_path, source)
    with pytest.raises(AssertionError) as info:
        module.check(1)
    last = info.tb
    while last.tb_next is not None:
        last = last.tb_next
    assert last.tb_lineno == 3
    assert str(info.value) == "assert 2 == 3"


def test_async_functions_and_super(tmp_path):
    source = """
        import asyncio

        async def value():
            await asyncio.sleep(0)
            return 0

        async def check():
            assert await value() == 1

        class Base:
            def m(self):
                return 0

        class Child(Base):
            def m(self):
                assert super().m()
    """
    module = _import(tmp_path, source)
    assert _message(asyncio.run, module.check()) == "assert 0 == 1"
    assert _message(module.Child().m).startswith("assert 0\n +  where 0 = m()")


def test_verbosity_comes_from_the_settings_context_variable(tmp_path):
    module = _import(tmp_path, SOURCE)
    token = SETTINGS.set(AssertionSettings(verbose=1))
    try:
        message = _message(module.list_compare)
    finally:
        SETTINGS.reset(token)
    assert "Full diff: (-: missing in left side, +: extra in left side)" in message
    token = SETTINGS.set(AssertionSettings(truncate=False))
    try:
        message = _message(module.big_dict)
    finally:
        SETTINGS.reset(token)
    assert "{19: 19} != {19: 20}" in message
    assert "truncated" not in message


def test_an_explanation_that_raises_still_reports_the_failure(tmp_path):
    source = """
        class Loud:
            def __ne__(self, other):
                raise RuntimeError("no comparing me")

        class Odd(list):
            def __eq__(self, other):
                return False

        def check():
            assert Odd([Loud()]) == [1]
    """
    module = _import(tmp_path, source)
    message = _message(module.check)
    assert message.startswith("assert [<")
    assert "could not explain the comparison: RuntimeError('no comparing me')" in message


def test_opt_out_marker_leaves_module_alone(tmp_path):
    module = _import(tmp_path, '"""Helpers. PYTEST_DONT_REWRITE"""\ndef check():\n    assert 1 == 2\n')
    assert _message(module.check) == ""


def test_tuple_asserts_are_left_as_they_are():
    source = b"assert (0, 'always true')\n"
    tree = rewrite_module(ast.parse(source), source, "t.py")
    assert isinstance(tree.body[0], ast.Assert)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SyntaxWarning)  # the compiler's own "always true" warning
        exec(compile(tree, "t.py", "exec"), {})


def test_rewritten_tree_imports_runtime_after_docstring_and_futures():
    source = b'"""Doc."""\nfrom __future__ import annotations\nimport os\nassert os\n'
    tree = rewrite_module(ast.parse(source), source, "t.py")
    kinds = [type(node).__name__ for node in tree.body[:5]]
    assert kinds == ["Expr", "ImportFrom", "Import", "Import", "Import"]
    assert tree.body[2].names[0].name == runtime.__name__
    assert tree.body[2].names[0].asname.startswith("@")


def test_modules_without_asserts_are_not_touched():
    source = b"x = 1\n"
    tree = ast.parse(source)
    before = ast.dump(tree)
    assert ast.dump(rewrite_module(tree, source, "t.py")) == before


def test_python_dash_o_disables_rewriting(tmp_path):
    (tmp_path / "optimised_mod.py").write_text("assert False, 'should be compiled away'\nok = True\n")
    script = textwrap.dedent(
        f"""
        import ast, sys
        from pathlib import Path
        sys.path.insert(0, {str(tmp_path)!r})
        from asynctestrun._rewrite.hook import RewritingFinder, install
        from asynctestrun._rewrite.rewrite import rewrite_module
        install(RewritingFinder(lambda name, path: True, cache=False))
        import optimised_mod
        source = b"assert 1 == 2\\n"
        tree = rewrite_module(ast.parse(source), source, "t.py")
        print(optimised_mod.ok, type(tree.body[0]).__name__)
        """
    )
    environment = {**os.environ, "PYTHONPATH": str(REPO)}
    result = subprocess.run(
        [sys.executable, "-O", "-c", script], capture_output=True, text=True, env=environment, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "Assert"]


# The import hook and its cache.


def _cache_file(path):
    return path.parent / "__pycache__" / f"{path.stem}.asynctestrun-{sys.implementation.cache_tag}.pyc"


def test_cache_is_written_even_with_dont_write_bytecode(tmp_path):
    name = _unique()
    previous = sys.dont_write_bytecode
    sys.dont_write_bytecode = True
    try:
        module = _import(tmp_path, "def check():\n    assert 1 == 2\n", name=name, cache=True)
    finally:
        sys.dont_write_bytecode = previous
    assert _cache_file(tmp_path / f"{name}.py").is_file()
    assert _message(module.check) == "assert 1 == 2"
    # Written atomically: no temporary file is left next to it.
    assert [p.name for p in (tmp_path / "__pycache__").iterdir()] == [
        _cache_file(tmp_path / f"{name}.py").name
    ]


def test_cache_is_reused_and_invalidated_by_source_changes(tmp_path):
    path = tmp_path / "cached_mod.py"
    path.write_text("def check():\n    assert 1 == 2\n")
    load_code(path, cache=True)
    original = hook.rewrite_module

    def refuse(*_args):
        raise AssertionError("cache was not used")

    hook.rewrite_module = refuse
    try:
        namespace = {}
        exec(load_code(path, cache=True), namespace)  # served from the cache
        assert _message(namespace["check"]) == "assert 1 == 2"
        path.write_text("def check():\n    assert 1 == 22\n")
        with pytest.raises(AssertionError, match="cache was not used"):
            load_code(path, cache=True)
    finally:
        hook.rewrite_module = original
    namespace = {}
    exec(load_code(path, cache=True), namespace)
    assert _message(namespace["check"]) == "assert 1 == 22"


def _compile_warnings(path):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        load_code(path, cache=True)
    return [str(warning.message) for warning in caught]


def test_a_module_warning_as_it_compiles_is_cached_only_with_bytecode_written(tmp_path, monkeypatch):
    # pytest compiles every test module on every run under PYTHONDONTWRITEBYTECODE: an invalid escape
    # sequence warns each time (an error filter makes it a collection error whatever ran before).
    path = tmp_path / "warns_mod.py"
    path.write_text('def check():\n    assert b"\\Seen"\n')
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    assert _compile_warnings(path) == _compile_warnings(path) == ["invalid escape sequence '\\S'"]
    assert not _cache_file(path).exists()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(SyntaxError, match="invalid escape sequence"):
            load_code(path, cache=True)
    # With bytecode written, the first run warns and the cached code is quiet, as pytest's pyc is.
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    assert _compile_warnings(path) == ["invalid escape sequence '\\S'"]
    assert _cache_file(path).is_file()
    assert _compile_warnings(path) == []


def test_corrupt_or_unwritable_cache_is_ignored(tmp_path):
    path = tmp_path / "corrupt_mod.py"
    path.write_text("def check():\n    assert 1 == 2\n")
    (tmp_path / "__pycache__").mkdir()
    _cache_file(path).write_bytes(b"garbage")
    namespace = {}
    exec(load_code(path, cache=True), namespace)
    assert _message(namespace["check"]) == "assert 1 == 2"

    other = tmp_path / "sub"
    other.mkdir()
    (other / "__pycache__").write_text("not a directory")
    source = other / "plain_mod.py"
    source.write_text("def check():\n    assert 1 == 3\n")
    namespace = {}
    exec(load_code(source, cache=True), namespace)
    assert _message(namespace["check"]) == "assert 1 == 3"


def test_environment_variable_turns_the_cache_off(tmp_path):
    name = _unique()
    previous = os.environ.get(NO_CACHE_ENV)
    os.environ[NO_CACHE_ENV] = "1"
    try:
        finder = RewritingFinder(lambda module, _path: module == name)
    finally:
        if previous is None:
            del os.environ[NO_CACHE_ENV]
        else:
            os.environ[NO_CACHE_ENV] = previous
    (tmp_path / f"{name}.py").write_text("def check():\n    assert 1 == 2\n")
    install(finder)
    sys.path.insert(0, str(tmp_path))
    try:
        module = importlib.import_module(name)
    finally:
        sys.path.remove(str(tmp_path))
        uninstall(finder)
        _forget(name)
    assert _message(module.check) == "assert 1 == 2"
    assert not (tmp_path / "__pycache__").exists()


def test_should_rewrite_decides_and_sees_name_and_path(tmp_path):
    seen = []

    def should_rewrite(module, path):
        seen.append((module, path))
        return False

    name = _unique()
    module = _import(tmp_path, "def check():\n    assert 1 == 2\n", name=name, should_rewrite=should_rewrite)
    assert (name, tmp_path / f"{name}.py") in seen
    assert _message(module.check) == ""  # imported normally: a bare AssertionError


def test_mark_rewrite_covers_package_and_submodules(tmp_path):
    package = _unique("ar_pkg")
    (tmp_path / package).mkdir()
    (tmp_path / package / "__init__.py").write_text("def check():\n    assert 1 == 2\n")
    (tmp_path / package / "sub.py").write_text("def check():\n    assert 'a' == 'b'\n")
    (tmp_path / package / "data.txt").write_text("payload")
    finder = RewritingFinder(lambda _module, _path: False, cache=False)
    finder.mark_rewrite(package)
    install(finder)
    sys.path.insert(0, str(tmp_path))
    try:
        top = importlib.import_module(package)
        sub = importlib.import_module(f"{package}.sub")
        data = pkgutil.get_data(package, "data.txt")
        resource = importlib.resources.files(package).joinpath("data.txt").read_text()
    finally:
        sys.path.remove(str(tmp_path))
        uninstall(finder)
        _forget(package)
    assert _message(top.check) == "assert 1 == 2"
    assert _message(sub.check) == "assert 'a' == 'b'\n  \n  - b\n  + a"
    assert top.__loader__ is finder
    assert top.__path__ == [str(tmp_path / package)]
    assert data == b"payload"
    assert resource == "payload"


def test_mark_rewrite_warns_about_modules_already_imported(tmp_path):
    name = _unique()
    (tmp_path / f"{name}.py").write_text("x = 1\n")
    sys.path.insert(0, str(tmp_path))
    try:
        importlib.import_module(name)
        finder = RewritingFinder(lambda _module, _path: False)
        with pytest.warns(PytestAssertRewriteWarning, match=f"rewritten; {name}"):
            finder.mark_rewrite(name)
    finally:
        sys.path.remove(str(tmp_path))
        _forget(name)


def test_install_and_uninstall():
    finder = RewritingFinder(lambda _module, _path: False)
    install(finder)
    install(finder)
    try:
        assert sys.meta_path[0] is finder
        assert sys.meta_path.count(finder) == 1
    finally:
        uninstall(finder)
    assert finder not in sys.meta_path


@pytest.mark.parametrize("rewrite", [True, False])
def test_load_module_from_path(tmp_path, rewrite):
    name = _unique()
    path = tmp_path / "some_test_file.py"
    path.write_text("import sys\nregistered = __name__ in sys.modules\ndef check():\n    assert 1 == 2\n")
    try:
        module = load_module_from_path(name, path, rewrite=rewrite)
        assert sys.modules[name] is module
    finally:
        _forget(name)
    assert module.registered
    assert module.__file__ == str(path)
    assert _message(module.check) == ("assert 1 == 2" if rewrite else "")


def test_load_module_from_path_unregisters_a_module_that_fails(tmp_path):
    name = _unique()
    path = tmp_path / "broken.py"
    path.write_text("raise RuntimeError('import failed')\n")
    with pytest.raises(RuntimeError, match="import failed"):
        load_module_from_path(name, path, rewrite=True)
    assert name not in sys.modules


def test_a_name_in_an_assert_gets_no_extra_reference(tmp_path):
    # pytest's rewrite passes a bare name straight through, so msgspec's refcount tests hold.
    module = _import(
        tmp_path,
        """
        import sys

        def counts():
            data = [1, 2, 3]
            assert sys.getrefcount(data) == 2
            return True

        def shown():
            data = [1, 2, 3]
            assert len(data) == 4 and data
        """,
    )
    assert module.counts()
    assert _message(module.shown) == "assert (3 == 4)\n +  where 3 = len([1, 2, 3])"
