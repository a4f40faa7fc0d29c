"""``--loop-matrix``: asynctestrun's own flag, so there is no pytest run to compare with. It must behave as
a plugin whose ``pytest_asyncio_loop_factories`` hook returns the built-in factories, which the
``loop_factories`` sample compares with pytest-asyncio."""

import pytest
from harness import run_cli

INI = "[pytest]\nasyncio_mode = auto\nasyncio_default_fixture_loop_scope = function\n"

TESTS = """
import asyncio
import pytest


def implementation():
    return "uvloop" if type(asyncio.get_running_loop()).__module__.startswith("uvloop") else "asyncio"


@pytest.fixture(scope="module", params=[1, 2])
def number(request):
    return request.param


async def test_runs_on_the_loop_its_id_names(request):
    assert implementation() == request.node.callspec.id.split("-")[0]


async def test_with_a_fixture_parameter(request, number):
    assert implementation() == request.node.callspec.id.split("-")[0]


def test_sync():
    pass
"""

CONFTEST_CHOOSING = """
import asyncio


def pytest_asyncio_loop_factories(config, item):
    # Asked before --loop-matrix; None leaves the choice to it.
    if item.get_closest_marker("matrix") is not None:
        return None
    return {"mine": asyncio.new_event_loop}
"""

TESTS_CHOOSING = """
import pytest


async def test_hook_chooses():
    pass


@pytest.mark.matrix
async def test_matrix_chooses():
    pass
"""

ON_UVLOOP = """
import asyncio


async def test_x():
    assert type(asyncio.get_running_loop()).__module__.startswith("uvloop")
"""


def _run(project, *args):
    return run_cli(project, "-v", "-p", "no:cacheprovider", *args)


def _project(tmp_path, files):
    (tmp_path / "pytest.ini").write_text(INI)
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    return tmp_path


def _ran(result):
    lines = result.stdout.splitlines()
    return [line.split(" ", 1)[0] for line in lines if "::" in line and " PASSED" in line]


def test_every_async_test_runs_once_per_implementation(tmp_path):
    pytest.importorskip("uvloop")
    result = _run(_project(tmp_path, {"test_a.py": TESTS}), "--loop-matrix", "asyncio,uvloop")
    assert result.returncode == 0, result.stdout + result.stderr
    assert _ran(result) == [
        "test_a.py::test_runs_on_the_loop_its_id_names[asyncio]",
        "test_a.py::test_runs_on_the_loop_its_id_names[uvloop]",
        "test_a.py::test_with_a_fixture_parameter[asyncio-1]",
        "test_a.py::test_with_a_fixture_parameter[uvloop-1]",
        "test_a.py::test_with_a_fixture_parameter[asyncio-2]",
        "test_a.py::test_with_a_fixture_parameter[uvloop-2]",
        "test_a.py::test_sync",
    ]


def test_one_implementation_adds_no_id(tmp_path):
    pytest.importorskip("uvloop")
    result = _run(_project(tmp_path, {"test_a.py": ON_UVLOOP}), "--loop-matrix", "uvloop")
    assert result.returncode == 0, result.stdout + result.stderr
    assert _ran(result) == ["test_a.py::test_x"]


def test_conftest_hook_is_asked_before_the_matrix(tmp_path):
    pytest.importorskip("uvloop")
    files = {"conftest.py": CONFTEST_CHOOSING, "test_a.py": TESTS_CHOOSING}
    result = _run(_project(tmp_path, files), "--loop-matrix", "asyncio,uvloop")
    assert result.returncode == 0, result.stdout + result.stderr
    assert _ran(result) == [
        "test_a.py::test_hook_chooses",  # one factory, "mine": no id part
        "test_a.py::test_matrix_chooses[asyncio]",
        "test_a.py::test_matrix_chooses[uvloop]",
    ]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("asyncio,tokio", "--loop-matrix: 'tokio' is not one of 'asyncio', 'uvloop'"),
        ("asyncio,asyncio", "names a loop implementation twice"),
    ],
)
def test_bad_matrix_is_a_usage_error(tmp_path, value, message):
    result = _run(_project(tmp_path, {"test_a.py": TESTS}), "--loop-matrix", value)
    assert result.returncode == 4, result.stdout + result.stderr
    assert message in result.stderr
