"""select_affected (asynctestrun._watch.affected): which test files a batch of saves reruns, and why."""

import textwrap

from asynctestrun._watch.affected import Change, select_affected
from asynctestrun._watch.imports import ImportGraph

PATTERNS = ("test_*.py", "*_test.py")


class Project:
    """A tmp_path project: its import graph and its test files, as the watch loop keeps them."""

    def __init__(self, root, files):
        self.root = root
        for name, source in files.items():
            self.write(name, source)
        self.graph = ImportGraph.build(root)
        self.tests = set(root.rglob("test_*.py"))

    def write(self, name, source=""):
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(source))
        return path

    def select(self, *changes, config_files=()):
        batch = {(change, self.root / name) for change, name in changes}
        return select_affected(batch, self.graph, self.tests, self.root, PATTERNS, config_files)


LAYOUT = {
    "app/__init__.py": "",
    "app/models.py": "",
    "app/client.py": "",
    "app/unused.py": "",
    "tests/helpers.py": "from app import models\n",
    "tests/test_a.py": "from app.models import Model\n",
    "tests/test_b.py": "import helpers\n",
    "tests/test_c.py": "",
    "tests/api/conftest.py": "from app import client\n",
    "tests/api/test_d.py": "",
    "tests/api/test_e.py": "",
}


def test_source_change_selects_direct_and_transitive_importers(tmp_path):
    project = Project(tmp_path, LAYOUT)
    selection = project.select((Change.modified, "app/models.py"))
    assert selection.paths == ["tests/test_a.py", "tests/test_b.py"]
    assert selection.reason == "app/models.py modified: imported by 2 test files"


def test_source_imported_by_a_conftest_selects_its_directory(tmp_path):
    project = Project(tmp_path, LAYOUT)
    selection = project.select((Change.modified, "app/client.py"))
    assert selection.paths == ["tests/api/test_d.py", "tests/api/test_e.py"]


def test_module_nobody_imports_selects_nothing(tmp_path):
    project = Project(tmp_path, LAYOUT)
    selection = project.select((Change.modified, "app/unused.py"))
    assert selection.paths == []
    assert "no test imports it" in selection.reason


def test_changed_test_file_reruns_itself(tmp_path):
    project = Project(tmp_path, LAYOUT)
    assert project.select((Change.modified, "tests/test_c.py")).paths == ["tests/test_c.py"]


def test_test_file_imported_by_another_test_reruns_both(tmp_path):
    project = Project(tmp_path, {
        "tests/test_base.py": "class Base: ...\n",
        "tests/test_derived.py": "from test_base import Base\n",
    })
    selection = project.select((Change.modified, "tests/test_base.py"))
    assert selection.paths is None  # both files: that is everything here
    assert "+1 test file importing it" in selection.reason


def test_conftest_change_reruns_its_directory(tmp_path):
    project = Project(tmp_path, LAYOUT)
    selection = project.select((Change.modified, "tests/api/conftest.py"))
    assert selection.paths == ["tests/api/test_d.py", "tests/api/test_e.py"]
    assert selection.reason == "tests/api/conftest.py modified: 2 test files under tests/api/"


def test_root_conftest_reruns_everything(tmp_path):
    project = Project(tmp_path, {**LAYOUT, "conftest.py": ""})
    selection = project.select((Change.modified, "conftest.py"))
    assert selection.paths is None
    assert "conftest.py" in selection.reason


def test_module_imported_by_root_conftest_reruns_everything(tmp_path):
    project = Project(tmp_path, {**LAYOUT, "conftest.py": "import app.unused\n"})
    selection = project.select((Change.modified, "app/unused.py"))
    assert selection.paths is None
    assert "imported by the root conftest.py" in selection.reason


def test_config_files_rerun_everything(tmp_path):
    project = Project(tmp_path, LAYOUT)
    for name in ("pyproject.toml", "pytest.ini", "setup.cfg", "tox.ini"):
        project.write(name)
        selection = project.select((Change.modified, name))
        assert selection.paths is None
        assert "configuration" in selection.reason
    custom = project.write("ci/custom.ini")
    assert project.select((Change.modified, "ci/custom.ini"), config_files=[custom]).paths is None


def test_dynamic_imports_give_a_stated_superset(tmp_path):
    project = Project(tmp_path, {
        **LAYOUT,
        "app/plugins.py": "import importlib\ndef load(name):\n    return importlib.import_module(name)\n",
        "tests/test_plugins.py": "from app import plugins\n",
    })
    selection = project.select((Change.modified, "app/unused.py"))
    assert selection.paths == ["tests/test_plugins.py"]
    assert "+1 via dynamic imports in app/plugins.py" in selection.reason


def test_new_test_file_is_picked_up(tmp_path):
    project = Project(tmp_path, LAYOUT)
    project.write("tests/test_new.py", "def test_new(): pass\n")
    selection = project.select((Change.added, "tests/test_new.py"))
    assert selection.paths == ["tests/test_new.py"]
    assert selection.reason == "tests/test_new.py added"


def test_new_source_module_reruns_the_tests_waiting_for_it(tmp_path):
    project = Project(tmp_path, {**LAYOUT, "tests/test_f.py": "import app.feature\n"})
    project.write("app/feature.py")
    assert project.select((Change.added, "app/feature.py")).paths == ["tests/test_f.py"]


def test_deleted_test_file_is_dropped(tmp_path):
    project = Project(tmp_path, LAYOUT)
    (tmp_path / "tests/test_c.py").unlink()
    selection = project.select((Change.deleted, "tests/test_c.py"))
    assert selection.paths == []
    assert selection.reason == "tests/test_c.py deleted"


def test_deleted_source_reruns_its_importers(tmp_path):
    project = Project(tmp_path, LAYOUT)
    (tmp_path / "app/models.py").unlink()
    selection = project.select((Change.deleted, "app/models.py"))
    assert selection.paths == ["tests/test_a.py", "tests/test_b.py"]
    assert "deleted: 2 test files depended on it" in selection.reason


def test_save_by_delete_and_create_counts_as_modified(tmp_path):
    project = Project(tmp_path, LAYOUT)
    selection = project.select((Change.deleted, "tests/test_c.py"), (Change.added, "tests/test_c.py"))
    assert selection.paths == ["tests/test_c.py"]


def test_several_changes_are_a_union(tmp_path):
    project = Project(tmp_path, LAYOUT)
    selection = project.select((Change.modified, "tests/test_c.py"), (Change.modified, "app/client.py"))
    assert selection.paths == ["tests/api/test_d.py", "tests/api/test_e.py", "tests/test_c.py"]
    assert selection.reason.count(";") == 1


def test_syntax_error_still_selects_the_file(tmp_path):
    project = Project(tmp_path, LAYOUT)
    project.write("tests/test_a.py", "from app.models import Model\ndef broken(:\n")
    assert project.select((Change.modified, "tests/test_a.py")).paths == ["tests/test_a.py"]
    assert project.select((Change.modified, "app/models.py")).paths == ["tests/test_a.py", "tests/test_b.py"]


def test_non_python_file_reruns_everything(tmp_path):
    project = Project(tmp_path, LAYOUT)
    project.write("tests/data.json", "{}")
    selection = project.select((Change.modified, "tests/data.json"))
    assert selection.paths is None
    assert "not a Python module" in selection.reason


def test_change_values_match_watchfiles():
    import watchfiles

    assert [(c.name, int(c)) for c in Change] == [(c.name, int(c)) for c in watchfiles.Change]
