"""asynctestrun's own warnings about a test (LoopScopeWarning, LeakWarning) are classes a suite can
filter: an ``ignore`` filter in the ini, ``-W`` or a ``filterwarnings`` mark silences them, and an
``error`` filter does not turn them into failures (pytest has no such warnings to fail on)."""

from __future__ import annotations

import re
import subprocess
import textwrap
from pathlib import Path

import pytest
from harness import reference_python, run_cli

SUITE = textwrap.dedent(
    """
    import asyncio

    import pytest
    import pytest_asyncio


    @pytest_asyncio.fixture(scope="module", loop_scope="module")
    async def on_the_module_loop():
        return 1


    async def forever():
        await asyncio.Event().wait()


    @pytest.mark.asyncio
    async def test_warned(on_the_module_loop):
        asyncio.get_running_loop().create_task(forever(), name="left-behind")


    @pytest.mark.filterwarnings("ignore::asynctestrun.LoopScopeWarning")
    @pytest.mark.asyncio
    async def test_loop_scope_silenced_by_its_mark(on_the_module_loop):
        pass


    @pytest.mark.filterwarnings("ignore:tasks were still pending")
    @pytest.mark.asyncio
    async def test_leak_silenced_by_its_message():
        asyncio.get_running_loop().create_task(forever())
    """
)


def _project(tmp_path: Path, *filters: str) -> Path:
    (tmp_path / "test_warned.py").write_text(SUITE)
    lines = "".join(f"\n    {f}" for f in filters)
    ini = "[pytest]\nasyncio_default_fixture_loop_scope = function\n"
    (tmp_path / "pytest.ini").write_text(ini + (f"filterwarnings ={lines}\n" if filters else ""))
    return tmp_path


def _summary(done: subprocess.CompletedProcess[str]) -> str:
    out = done.stdout
    return out.split("warnings summary", 1)[1] if "warnings summary" in out else ""


def test_marks_silence_their_tests_warnings_and_error_filters_do_not_fail_tests(tmp_path: Path) -> None:
    done = run_cli(_project(tmp_path, "error"), "-p", "no:cacheprovider")
    summary = _summary(done)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "test_warned.py::test_warned\n  LoopScopeWarning:" in summary
    assert "test_warned.py::test_warned\n  LeakWarning:" in summary
    assert "silenced" not in summary
    assert "3 passed, 2 warnings" in done.stdout


@pytest.mark.parametrize(
    ("filters", "args"),
    [(("ignore::asynctestrun.AsynctestrunWarning",), ()), ((), ("-W", "ignore::asynctestrun.LeakWarning"))],
    ids=["ini", "command-line"],
)
def test_the_ini_and_the_command_line_silence_them(filters, args, tmp_path: Path) -> None:
    done = run_cli(_project(tmp_path, *filters), "-p", "no:cacheprovider", *args)
    summary = _summary(done)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "LeakWarning" not in summary
    assert ("LoopScopeWarning" in summary) == bool(args)
    python = reference_python()[0]
    if python is not None:
        # pytest takes the same filters (it imports asynctestrun for the category) and passes alike.
        reference = subprocess.run(
            [python, "-m", "pytest", "-p", "no:cacheprovider", *args],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            check=False,
        )
        assert reference.returncode == 0, reference.stdout + reference.stderr


def test_a_hook_that_raises_is_a_plugin_warning_not_a_leak(tmp_path: Path) -> None:
    # pytest stops with an internal error; asynctestrun reports it against the test and goes on, under
    # the category of a plugin's problem, which an error filter for leaks does not touch.
    (tmp_path / "pytest.ini").write_text("[pytest]\nfilterwarnings = error::asynctestrun.LeakWarning\n")
    (tmp_path / "conftest.py").write_text("def pytest_runtest_logreport(report):\n    raise ValueError('boom')\n")
    (tmp_path / "test_one.py").write_text("def test_one():\n    pass\n")
    done = run_cli(tmp_path, "-p", "no:cacheprovider")
    summary = _summary(done)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "PluginWarning: pytest_runtest_logreport raised ValueError: boom" in summary
    assert "LeakWarning" not in summary


@pytest.mark.parametrize("switched_on", [False, True], ids=["key-off", "key-on"])
def test_a_hook_pytest_calls_under_an_ini_key_is_named_only_with_the_key_on(
    tmp_path: Path, switched_on: bool
) -> None:
    # pytest calls pytest_assertion_pass only under enable_assertion_pass_hook = true; pytest-golden,
    # installed, has one, and every run named it unsupported though pytest would not call it either.
    switch = "true" if switched_on else "false"
    (tmp_path / "pytest.ini").write_text(f"[pytest]\nenable_assertion_pass_hook = {switch}\n")
    (tmp_path / "conftest.py").write_text("def pytest_assertion_pass(item, lineno, orig, expl):\n    pass\n")
    (tmp_path / "test_one.py").write_text("def test_one():\n    assert True\n")
    done = run_cli(tmp_path, "-p", "no:cacheprovider")
    assert done.returncode == 0, done.stdout + done.stderr
    named = re.search(r"hook pytest_assertion_pass in \S*conftest\.py is not supported", _summary(done))
    assert bool(named) == switched_on, done.stdout


def test_an_unsupported_hook_of_a_plugin_object_names_its_class(tmp_path: Path) -> None:
    # Registered without a name, a plugin object is named by its id() (as pytest names it): the
    # warning names its class instead, which says where the hook is.
    (tmp_path / "conftest.py").write_text(
        textwrap.dedent(
            """
            class Collects:
                def pytest_pycollect_makeitem(self, collector, name, obj):
                    return None


            def pytest_configure(config):
                config.pluginmanager.register(Collects())
            """
        )
    )
    (tmp_path / "test_one.py").write_text("def test_one():\n    pass\n")
    done = run_cli(tmp_path, "-p", "no:cacheprovider")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "hook pytest_pycollect_makeitem in conftest.Collects object is not supported" in _summary(done)
