"""The watch loop (asynctestrun._watch.loop / .project): argv for a selection, the file filter, and
``run_watch`` end to end in a subprocess on a tmp_path project."""

import os
import queue
import re
import signal
import subprocess
import sys
import textwrap
import threading
import time

import pytest

from asynctestrun._watch.loop import WatchFilter, runner_options
from asynctestrun._watch.project import collect_test_files, load_project, narrow, node_id_arg

WATCH = "import sys; from asynctestrun._watch import run_watch; sys.exit(run_watch(sys.argv[1:]))"


def make(root, files):
    for name, source in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(source))
    return root


PROJECT = {
    "pytest.ini": "[pytest]\ntestpaths = tests\npythonpath = .\n",
    "shared.py": "VALUE = 1\n",
    "tests/test_uses.py": "import shared\n\ndef test_uses():\n    assert shared.VALUE == 1\n",
    "tests/test_alone.py": "def test_alone():\n    pass\n",
    "tests/sub/test_deep.py": "def test_deep():\n    pass\n",
    "other/test_outside.py": "def test_outside():\n    pass\n",
}


def test_project_reads_testpaths_and_targets(tmp_path):
    make(tmp_path, PROJECT)
    project = load_project(["-q"], tmp_path)
    assert project.rootdir == tmp_path
    assert project.targets == ()
    names = sorted(p.name for p in collect_test_files(project))
    assert names == ["test_alone.py", "test_deep.py", "test_uses.py"]
    explicit = load_project(["-q", "tests/sub", "-x"], tmp_path)
    assert explicit.targets == ("tests/sub",)
    assert explicit.base_argv == ("-q", "-x")
    assert [p.name for p in collect_test_files(explicit)] == ["test_deep.py"]


def test_narrow_keeps_selected_files_within_targets(tmp_path):
    make(tmp_path, PROJECT)
    uses, deep = tmp_path / "tests/test_uses.py", tmp_path / "tests/sub/test_deep.py"
    assert narrow(load_project([], tmp_path), [uses]) == ["tests/test_uses.py"]
    targeted = load_project(["tests/sub", "tests/test_uses.py::test_uses"], tmp_path)
    assert narrow(targeted, [uses, deep]) == ["tests/sub/test_deep.py", "tests/test_uses.py::test_uses"]
    assert narrow(targeted, [deep]) == ["tests/sub/test_deep.py"]


def test_node_ids_are_made_relative_to_the_invocation_dir(tmp_path):
    make(tmp_path, PROJECT)
    project = load_project(["tests"], tmp_path / "tests")
    assert node_id_arg(project, "tests/test_uses.py::test_uses") == "test_uses.py::test_uses"


def test_filter_watches_python_and_config_files_only(tmp_path):
    watch_filter = WatchFilter(tmp_path, frozenset({tmp_path / "ci.cfg"}))
    assert watch_filter(2, str(tmp_path / "pkg/mod.py"))
    assert watch_filter(2, str(tmp_path / "pyproject.toml"))
    assert watch_filter(2, str(tmp_path / "ci.cfg"))
    assert not watch_filter(2, str(tmp_path / "README.md"))
    assert not watch_filter(2, str(tmp_path / ".venv/lib/x.py"))
    assert not watch_filter(2, str(tmp_path / ".asynctestrun_cache/v/x.py"))
    assert not watch_filter(2, str(tmp_path / "pkg/__pycache__/mod.py"))


def test_runner_options_come_from_help():
    options = runner_options()
    assert {"--maxfail", "--tb"} <= options


class Watch:
    def __init__(self, cwd, *args):
        self.process = subprocess.Popen(
            [sys.executable, "-c", WATCH, *args], cwd=cwd, stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )
        self.lines = queue.Queue()
        self.seen = []
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self):
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))

    def expect(self, pattern, timeout=60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.5)
            except queue.Empty:
                continue
            self.seen.append(line)
            if re.search(pattern, line):
                return line
        raise AssertionError(f"no line matching {pattern!r} in:\n" + "\n".join(self.seen))

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
        try:
            code = self.process.wait(15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            code = self.process.wait()
        self.reader.join(5)
        self.process.stdout.close()
        return code


@pytest.mark.skipif(not hasattr(signal, "SIGINT") or os.name != "posix", reason="POSIX signals")
def test_watch_reruns_what_a_save_affects(tmp_path):
    make(tmp_path, PROJECT)
    watch = Watch(tmp_path, "-q", "-p", "no:cacheprovider")
    try:
        watch.expect(r"running all 3 test files")
        watch.expect(r"3 passed")
        watch.expect(r"^\[watch\] exit 0")
        time.sleep(0.5)
        (tmp_path / "shared.py").write_text("VALUE = 2\n")
        assert "1 of 3 test files" in watch.expect(r"^\[watch\] ")
        watch.expect(r"1 failed")
        watch.expect(r"^\[watch\] exit 1")
        (tmp_path / "tests/test_alone.py").write_text("def test_alone(:\n")  # a syntax error
        watch.expect(r"tests/test_alone.py modified")
        watch.expect(r"1 error")
        watch.expect(r"^\[watch\] exit")
        (tmp_path / "tests/test_alone.py").write_text("def test_alone():\n    pass\n")
        watch.expect(r"tests/test_alone.py modified")
        watch.expect(r"1 passed")
    finally:
        code = watch.stop()
    assert code == 0


def test_a_watched_command_without_the_cache_plugin_gets_no_ff_or_lf():
    from asynctestrun._watch.loop import blocked_options

    assert {"--ff", "--lf", "--sw"} <= blocked_options(("-q", "-p", "no:cacheprovider"))
    assert "--ff" in blocked_options(("-pno:cacheprovider",))
    assert blocked_options(("-q", "-p", "no:monkeypatch")) == frozenset()
