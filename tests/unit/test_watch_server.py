"""The warm fork server end to end (asynctestrun._watch.server and .client) on tiny tmp_path projects."""

import os
import sys
import textwrap
import time

import pytest

from asynctestrun._watch.client import ForkServer, SubprocessRunner
from asynctestrun._watch.server import invalidate_bytecode, preload, purge_project_modules

needs_fork = pytest.mark.skipif(not hasattr(os, "fork"), reason="no os.fork on this platform")


def make(root, files):
    for name, source in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(source))
    return root


PROJECT = {
    "pytest.ini": "[pytest]\nasyncio_mode = auto\npythonpath = .\n",
    "shared.py": "VALUE = 1\n",
    "tests/test_shared.py": """
        import asyncio
        import shared

        async def test_value():
            await asyncio.sleep(0)
            assert shared.VALUE == 1
    """,
}


@pytest.fixture
def server(tmp_path):
    make(tmp_path, PROJECT)
    exits = []
    fork_server = ForkServer(tmp_path, lambda run_id, code: exits.append((run_id, code)),
                             preload=["asyncio"], cwd=tmp_path)
    fork_server.exits = exits
    yield fork_server
    fork_server.close()


def same_size_same_mtime_edit(path, old, new):
    """Rewrite ``path`` so that neither its size nor its mtime changes: what a fast same-size save
    within the filesystem's timestamp granularity looks like to a bytecode cache."""
    stat = path.stat()
    text = path.read_text()
    assert len(old) == len(new) and old in text
    path.write_text(text.replace(old, new))
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))


@needs_fork
def test_forked_runs_report_exit_codes(server, tmp_path):
    first = server.start(["-q", "-p", "no:cacheprovider"])
    assert server.wait(120) == 0
    (tmp_path / "shared.py").write_text("VALUE = 22\n")
    invalidate_bytecode([tmp_path / "shared.py"])
    second = server.start(["-q", "tests/test_shared.py"])
    assert server.wait(120) == 1
    assert server.exits == [(first, 0), (second, 1)]
    assert server.ready_info["modules"] > 0


@needs_fork
def test_changed_files_are_fresh_even_with_identical_size_and_mtime(server, tmp_path):
    test_file = tmp_path / "tests/test_shared.py"
    server.start(["-q"])
    assert server.wait(120) == 0
    # the project module (Python's own .pyc) ...
    same_size_same_mtime_edit(tmp_path / "shared.py", "VALUE = 1", "VALUE = 2")
    invalidate_bytecode([tmp_path / "shared.py"])
    server.start(["-q"])
    assert server.wait(120) == 1
    # ... and the test module (the assert-rewrite cache)
    same_size_same_mtime_edit(test_file, "VALUE == 1", "VALUE == 2")
    invalidate_bytecode([test_file])
    server.start(["-q"])
    assert server.wait(120) == 0


@needs_fork
def test_cancel_stops_a_run_in_progress(server, tmp_path):
    make(tmp_path, {"tests/test_slow.py": "import time\n\ndef test_slow():\n    time.sleep(60)\n"})
    server.start(["-q", "tests/test_slow.py"])
    time.sleep(2)  # let the run reach the test
    started = time.monotonic()
    server.cancel()
    assert time.monotonic() - started < 5
    assert server.wait(0) not in (None, 0)
    assert not server.running
    server.start(["-q", "tests/test_shared.py"])  # the server is still usable
    assert server.wait(120) == 0


def test_purge_drops_project_modules_only(tmp_path, monkeypatch):
    make(tmp_path, {"watch_purge_probe.py": "X = 1\n"})
    monkeypatch.syspath_prepend(str(tmp_path))
    import watch_purge_probe  # noqa: F401

    assert "watch_purge_probe" in sys.modules
    dropped = purge_project_modules(tmp_path)
    assert dropped == ["watch_purge_probe"]
    assert "watch_purge_probe" not in sys.modules
    assert "os" in sys.modules


def test_preload_rolls_back_imports_that_reach_the_project(tmp_path, monkeypatch):
    root = make(tmp_path / "project", {"watch_project_mod.py": ""})
    external = make(tmp_path / "site", {
        "watch_ext_clean.py": "import json\n",
        "watch_ext_dirty.py": "import watch_project_mod\n",
    })
    monkeypatch.syspath_prepend(str(root))
    monkeypatch.syspath_prepend(str(external))
    try:
        names = ["watch_ext_clean", "watch_ext_dirty", "watch_project_mod", "no_such_mod_x"]
        assert preload(names, root) == 1
        assert "watch_ext_clean" in sys.modules
        assert "watch_ext_dirty" not in sys.modules
        assert "watch_project_mod" not in sys.modules
    finally:
        for name in ("watch_ext_clean", "watch_ext_dirty", "watch_project_mod"):
            sys.modules.pop(name, None)


def test_subprocess_fallback_runs(tmp_path):
    make(tmp_path, PROJECT)
    runner = SubprocessRunner(cwd=tmp_path)
    try:
        runner.start(["-q"])
        assert runner.wait(120) == 0
    finally:
        runner.close()


def test_preload_gives_up_on_a_hanging_import(tmp_path, monkeypatch):
    from asynctestrun._watch import server as server_module

    site = make(tmp_path / "site", {"watch_ext_hangs.py": "import time\ntime.sleep(60)\n"})
    monkeypatch.syspath_prepend(str(site))
    monkeypatch.setattr(server_module, "IMPORT_TIMEOUT", 0.5)
    started = time.monotonic()
    assert preload(["watch_ext_hangs"], tmp_path / "project") == 0
    assert time.monotonic() - started < 10
    assert "watch_ext_hangs" not in sys.modules


def test_preload_can_be_switched_off(tmp_path, monkeypatch):
    site = make(tmp_path / "site", {"watch_ext_optout.py": ""})
    monkeypatch.syspath_prepend(str(site))
    monkeypatch.setenv("ASYNCTESTRUN_WATCH_NO_PRELOAD", "1")
    assert preload(["watch_ext_optout"], tmp_path / "project") == 0
    assert "watch_ext_optout" not in sys.modules
