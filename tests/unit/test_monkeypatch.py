"""MonkeyPatch (asynctestrun._builtins.monkeypatch): every change is undone."""

import os
import os.path
import sys
import warnings

import pytest

from asynctestrun._builtins.monkeypatch import MonkeyPatch


class Sample:
    value = 1

    @staticmethod
    def static():
        return "static"

    @classmethod
    def klass(cls):
        return cls.__name__


@pytest.fixture
def mp():
    patch = MonkeyPatch()
    yield patch
    patch.undo()


def test_setattr_and_undo(mp):
    mp.setattr(Sample, "value", 2)
    mp.setattr(Sample, "value", 3)
    assert Sample.value == 3
    mp.undo()
    assert Sample.value == 1


def test_setattr_new_attribute_requires_raising_false(mp):
    with pytest.raises(AttributeError, match="has no attribute 'missing'"):
        mp.setattr(Sample, "missing", 1)
    mp.setattr(Sample, "missing", 1, raising=False)
    assert Sample.missing == 1
    mp.undo()
    assert not hasattr(Sample, "missing")


def test_setattr_restores_descriptors(mp):
    mp.setattr(Sample, "static", lambda: "patched")
    mp.setattr(Sample, "klass", lambda: "patched")
    mp.undo()
    assert Sample.static() == "static"
    assert Sample().static() == "static"
    assert Sample.klass() == "Sample"


def test_setattr_dotted_string(mp):
    mp.setattr("os.path.exists", lambda path: "patched")
    assert os.path.exists("x") == "patched"
    mp.undo()
    assert os.path.exists(os.getcwd()) is True


def test_setattr_dotted_string_errors(mp):
    with pytest.raises(AttributeError, match="'module' object at os has no attribute 'nonexistent'"):
        mp.setattr("os.nonexistent", 1)
    with pytest.raises(TypeError, match="must be absolute import path string, not 'os'"):
        mp.setattr("os", 1)
    with pytest.raises(ModuleNotFoundError):
        mp.setattr("no_such_module_xyz.attr", 1)
    with pytest.raises(TypeError, match="use setattr\\(target, name, value\\)"):
        mp.setattr(Sample, "value")
    mp.setattr("os.nonexistent_ok", 1, raising=False)
    assert os.nonexistent_ok == 1


def test_setattr_imports_submodule_on_the_way(mp):
    sys.modules.pop("json.tool", None)
    import json

    if hasattr(json, "tool"):
        delattr(json, "tool")
    mp.setattr("json.tool.main", lambda: "patched")
    import json.tool

    assert json.tool.main() == "patched"


def test_delattr(mp):
    mp.delattr(Sample, "value")
    assert not hasattr(Sample, "value")
    mp.undo()
    assert Sample.value == 1
    with pytest.raises(AttributeError):
        mp.delattr(Sample, "missing")
    mp.delattr(Sample, "missing", raising=False)


def test_delattr_dotted_string(mp):
    mp.delattr("os.path.exists")
    assert not hasattr(os.path, "exists")
    mp.undo()
    assert callable(os.path.exists)
    with pytest.raises(TypeError, match="must be absolute import path string"):
        mp.delattr("os")


def test_setitem_delitem(mp):
    data = {"a": 1, "b": 2}
    mp.setitem(data, "a", 10)
    mp.setitem(data, "new", 3)
    mp.delitem(data, "b")
    assert data == {"a": 10, "new": 3}
    with pytest.raises(KeyError):
        mp.delitem(data, "zzz")
    mp.delitem(data, "zzz", raising=False)
    mp.undo()
    assert data == {"a": 1, "b": 2}


def test_undo_tolerates_key_removed_by_test(mp):
    data = {}
    mp.setitem(data, "k", 1)
    del data["k"]
    mp.undo()
    assert data == {}


def test_setenv_delenv(mp):
    name = "ASYNCTESTRUN_TEST_VAR"
    assert name not in os.environ
    mp.setenv(name, "one")
    mp.setenv(name, "two", prepend=os.pathsep)
    assert os.environ[name] == f"two{os.pathsep}one"
    mp.delenv(name)
    assert name not in os.environ
    mp.undo()
    assert name not in os.environ
    with pytest.raises(KeyError):
        mp.delenv(name)
    mp.delenv(name, raising=False)


def test_setenv_non_string_warns_and_converts(mp):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        mp.setenv("ASYNCTESTRUN_TEST_NUM", 3)
    assert os.environ["ASYNCTESTRUN_TEST_NUM"] == "3"
    assert len(caught) == 1
    assert str(caught[0].message) == (
        "Value of environment variable ASYNCTESTRUN_TEST_NUM type should be str, but got 3 (type: int); "
        "converted to str implicitly"
    )
    assert caught[0].filename == __file__


def test_syspath_prepend_makes_new_modules_importable(mp, tmp_path):
    saved = sys.path[:]
    module = "asynctestrun_mp_probe_mod"
    with pytest.raises(ImportError):
        __import__(module)
    (tmp_path / f"{module}.py").write_text("VALUE = 42\n")
    mp.syspath_prepend(tmp_path)
    assert sys.path[0] == str(tmp_path)
    assert __import__(module).VALUE == 42
    mp.undo()
    sys.modules.pop(module, None)
    assert sys.path == saved


def test_chdir(mp, tmp_path):
    start = os.getcwd()
    mp.chdir(tmp_path)
    mp.chdir("/")
    assert os.getcwd() == "/"
    mp.undo()
    assert os.getcwd() == start


def test_context():
    with MonkeyPatch.context() as patch:
        patch.setattr(Sample, "value", 5)
        assert Sample.value == 5
    assert Sample.value == 1
