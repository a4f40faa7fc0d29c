"""ImportGraph (asynctestrun._watch.imports): module names, import forms, incremental updates."""

import textwrap

from asynctestrun._watch.imports import ImportGraph, is_ignored_path


def make(root, files):
    for name, source in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(source))
    return ImportGraph.build(root)


def rel(root, paths):
    return sorted(str(p.relative_to(root)) for p in paths)


def test_names_follow_import_roots_not_every_directory(tmp_path):
    graph = make(tmp_path, {
        "src/app/__init__.py": "",
        "src/app/logging.py": "",
        "tests/test_x.py": "",
    })
    assert set(graph.module_names(tmp_path / "src/app/logging.py")) == {"app.logging", "src.app.logging"}
    assert set(graph.module_names(tmp_path / "tests/test_x.py")) == {"test_x", "tests.test_x"}
    # the stdlib's logging is not the project's app/logging.py
    assert "logging" not in graph.module_names(tmp_path / "src/app/logging.py")
    assert graph.files_for("app.logging") == {tmp_path / "src/app/logging.py"}
    assert graph.files_for("logging") == set()


def test_import_forms(tmp_path):
    graph = make(tmp_path, {
        "pkg/__init__.py": "",
        "pkg/a.py": "",
        "pkg/b.py": "",
        "pkg/c.py": "",
        "pkg/sub/__init__.py": "",
        "pkg/sub/d.py": "from .. import a\nfrom ..b import name\nfrom . import e\n",
        "pkg/sub/e.py": "",
        "tests/test_import.py": "import pkg.a\n",
        "tests/test_from.py": "from pkg import c\n",
        "tests/test_attr.py": "from pkg.b import something\n",
        "tests/test_stdlib.py": "import os\nimport logging\n",
    })
    d = tmp_path / "pkg/sub/d.py"
    assert rel(tmp_path, graph.imports(d)) == [
        "pkg/__init__.py", "pkg/a.py", "pkg/b.py", "pkg/sub/__init__.py", "pkg/sub/e.py",
    ]
    assert rel(tmp_path, graph.imports(tmp_path / "tests/test_import.py")) == ["pkg/__init__.py", "pkg/a.py"]
    assert rel(tmp_path, graph.imports(tmp_path / "tests/test_from.py")) == ["pkg/__init__.py", "pkg/c.py"]
    assert rel(tmp_path, graph.imports(tmp_path / "tests/test_attr.py")) == ["pkg/__init__.py", "pkg/b.py"]
    assert graph.imports(tmp_path / "tests/test_stdlib.py") == set()


def test_dependents_are_transitive_and_exclude_the_file(tmp_path):
    graph = make(tmp_path, {
        "core.py": "",
        "helpers.py": "import core\n",
        "tests/test_one.py": "import helpers\n",
        "tests/test_two.py": "import os\n",
    })
    assert rel(tmp_path, graph.dependents(tmp_path / "core.py")) == ["helpers.py", "tests/test_one.py"]
    assert graph.dependents(tmp_path / "tests/test_two.py") == set()


def test_package_init_is_a_dependency_of_its_modules(tmp_path):
    graph = make(tmp_path, {
        "pkg/__init__.py": "",
        "pkg/mod.py": "",
        "tests/test_mod.py": "from pkg.mod import thing\n",
    })
    dependents = graph.dependents(tmp_path / "pkg/__init__.py")
    assert rel(tmp_path, dependents) == ["pkg/mod.py", "tests/test_mod.py"]


def test_imports_inside_functions_and_conditionals_count(tmp_path):
    graph = make(tmp_path, {
        "lazy.py": "",
        "guarded.py": "",
        "tests/test_x.py": """
            try:
                import guarded
            except ImportError:
                guarded = None

            def test_x():
                import lazy
        """,
    })
    assert rel(tmp_path, graph.imports(tmp_path / "tests/test_x.py")) == ["guarded.py", "lazy.py"]


def test_update_modified_file(tmp_path):
    graph = make(tmp_path, {"a.py": "", "b.py": "", "tests/test_x.py": "import a\n"})
    test = tmp_path / "tests/test_x.py"
    test.write_text("import b\n")
    graph.update(test)
    assert rel(tmp_path, graph.imports(test)) == ["b.py"]
    assert graph.dependents(tmp_path / "a.py") == set()


def test_added_file_satisfies_waiting_imports(tmp_path):
    graph = make(tmp_path, {"tests/test_x.py": "import later\n"})
    later = tmp_path / "later.py"
    later.write_text("")
    graph.update(later)
    assert rel(tmp_path, graph.dependents(later)) == ["tests/test_x.py"]


def test_deleted_file_keeps_its_former_importers(tmp_path):
    graph = make(tmp_path, {"gone.py": "", "tests/test_x.py": "import gone\n"})
    gone = tmp_path / "gone.py"
    gone.unlink()
    graph.update(gone)
    assert gone not in graph
    assert rel(tmp_path, graph.dependents(gone)) == ["tests/test_x.py"]


def test_deleted_directory_drops_its_files(tmp_path):
    graph = make(tmp_path, {"pkg/__init__.py": "", "pkg/a.py": "", "keep.py": ""})
    for path in (tmp_path / "pkg").iterdir():
        path.unlink()
    (tmp_path / "pkg").rmdir()
    graph.update(tmp_path / "pkg")
    assert rel(tmp_path, graph.paths) == ["keep.py"]


def test_new_init_turns_a_directory_into_a_package(tmp_path):
    graph = make(tmp_path, {"lib/util.py": "", "tests/test_x.py": "from lib import util\n"})
    assert rel(tmp_path, graph.imports(tmp_path / "tests/test_x.py")) == ["lib/util.py"]
    init = tmp_path / "lib/__init__.py"
    init.write_text("")
    graph.update(init)
    assert rel(tmp_path, graph.imports(tmp_path / "tests/test_x.py")) == ["lib/__init__.py", "lib/util.py"]


def test_syntax_error_keeps_the_last_imports(tmp_path):
    graph = make(tmp_path, {"a.py": "", "tests/test_x.py": "import a\n"})
    test = tmp_path / "tests/test_x.py"
    test.write_text("import a\ndef broken(:\n")
    graph.update(test)
    info = graph.info(test)
    assert info is not None and info.error is not None and "SyntaxError" in info.error
    assert rel(tmp_path, graph.imports(test)) == ["a.py"]


def test_dynamic_imports_are_flagged_and_widen_dependents(tmp_path):
    graph = make(tmp_path, {
        "plugins.py": "import importlib\ndef load(name):\n    return importlib.import_module(name)\n",
        "target.py": "",
        "tests/test_plugins.py": "import plugins\n",
        "tests/test_other.py": "",
    })
    assert list(graph.dynamic_modules()) == [tmp_path / "plugins.py"]
    assert "import_module" in graph.dynamic_modules()[tmp_path / "plugins.py"][0]
    target = tmp_path / "target.py"
    assert graph.dependents(target, assume_dynamic=False) == set()
    assert rel(tmp_path, graph.dependents(target)) == ["plugins.py", "tests/test_plugins.py"]


def test_constant_dynamic_imports_are_plain_edges(tmp_path):
    graph = make(tmp_path, {
        "target.py": "",
        "other.py": "",
        "tests/conftest.py": "pytest_plugins = ['other']\n",
        "tests/test_x.py": "import importlib\nmod = importlib.import_module('target')\n",
    })
    assert graph.dynamic_modules() == {}
    assert rel(tmp_path, graph.dependents(tmp_path / "target.py")) == ["tests/test_x.py"]
    assert rel(tmp_path, graph.dependents(tmp_path / "other.py")) == ["tests/conftest.py"]


def test_computed_pytest_plugins_is_dynamic(tmp_path):
    graph = make(tmp_path, {"tests/conftest.py": "pytest_plugins = [name for name in ('a', 'b')]\n"})
    assert list(graph.dynamic_modules()) == [tmp_path / "tests/conftest.py"]


def test_ignored_directories_are_not_scanned(tmp_path):
    graph = make(tmp_path, {
        "app.py": "",
        ".venv/lib/site.py": "",
        ".git/hooks/x.py": "",
        ".asynctestrun_cache/x.py": "",
        "node_modules/pkg/x.py": "",
        "build/lib/app.py": "",
        "env/pyvenv.cfg": "home = /usr/bin\n",
        "env/lib/x.py": "",
        "pkg/__pycache__/x.py": "",
        "pkg/build/x.py": "",
    })
    assert rel(tmp_path, graph.paths) == ["app.py", "pkg/build/x.py"]
    assert is_ignored_path(tmp_path / ".venv/lib/site.py", tmp_path)
    assert not is_ignored_path(tmp_path / "pkg/build/x.py", tmp_path)
    assert is_ignored_path(tmp_path.parent / "elsewhere.py", tmp_path)


def test_external_imports_leave_out_the_project(tmp_path):
    graph = make(tmp_path, {
        "pkg/__init__.py": "",
        "pkg/mod.py": "import asyncio\nfrom collections import OrderedDict\n",
        "tests/test_x.py": "from pkg.mod import Thing\n",
    })
    external = graph.external_imports()
    assert {"asyncio", "collections", "collections.OrderedDict"} <= external
    assert not any(name.startswith("pkg") for name in external)
