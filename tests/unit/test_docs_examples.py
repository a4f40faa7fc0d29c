"""The runnable examples in docs/: each one is written into a fresh project and run, so the docs never
show a test file that does not behave as the page says.

A runnable example is a fenced code block that names its file, preceded by a marker comment:

    <!-- runnable -->                                    its own project, strict mode, must exit 0
    <!-- runnable mode=auto -->                          asyncio_mode = "auto" (default "strict")
    <!-- runnable exit=1 -->                             fails on purpose: the exit code expected
    <!-- runnable project=NAME -->                       blocks with one NAME on one page: one project
    <!-- runnable asyncio_default_fixture_loop_scope=function -->   any other key=value: an ini option
    ```python title="test_example.py"

Each project runs under ``python -m asynctestrun -q``, and, when a reference pytest + pytest-asyncio is
available (``$ASYNCTESTRUN_REFERENCE_PYTHON``, or this interpreter when it has the real
``pytest_asyncio``), under ``python -m pytest -q`` too: the examples claim to run unchanged under both.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path, PurePosixPath

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
RUN_TIMEOUT_SECONDS = 120

_MARKER = re.compile(r"^<!--\s*runnable(?P<attrs>(?:\s+[\w-]+=\S+)*)\s*-->\s*$")
_FENCE = re.compile(r'^(?P<ticks>`{3,})(?P<lang>\w+)\s+title="(?P<title>[^"]+)"\s*$')
_SETTINGS = ("mode", "exit", "project")


@dataclass
class Example:
    """One project: the files of its blocks and what running it must give."""

    page: str
    name: str
    line: int
    files: dict[str, str] = field(default_factory=dict)
    ini: dict[str, str] = field(default_factory=lambda: {"asyncio_mode": "strict"})
    exit_code: int = 0

    @property
    def id(self) -> str:
        return f"{Path(self.page).stem}-{self.name}"

    def write(self, directory: Path) -> None:
        lines = ["[tool.pytest.ini_options]", *(f'{key} = "{value}"' for key, value in self.ini.items())]
        (directory / "pyproject.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")
        for relpath, text in self.files.items():
            target = directory / relpath
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")


def parse_page(path: Path) -> tuple[list[Example], list[str]]:
    """The runnable examples of one page, and the problems found with their markers."""
    page = path.relative_to(DOCS).as_posix()
    lines = path.read_text(encoding="utf-8").splitlines()
    examples: dict[str, Example] = {}
    problems: list[str] = []
    for index, line in enumerate(lines):
        marker = _MARKER.match(line)
        if marker is None:
            if "runnable" in line and line.lstrip().startswith("<!--"):
                problems.append(f"{page}:{index + 1}: malformed runnable marker {line!r}")
            continue
        where = f"{page}:{index + 1}"
        attrs = dict(pair.split("=", 1) for pair in marker["attrs"].split())
        fence = _FENCE.match(lines[index + 1]) if index + 1 < len(lines) else None
        if fence is None:
            problems.append(f'{where}: a runnable marker must be followed by ```python title="FILE"')
            continue
        title = PurePosixPath(fence["title"])
        if title.is_absolute() or ".." in title.parts:
            problems.append(f"{where}: the title must be a relative path inside the project, got {title}")
            continue
        end = next((i for i in range(index + 2, len(lines)) if lines[i].strip() == fence["ticks"]), None)
        if end is None:
            problems.append(f"{where}: the code block never ends")
            continue
        name = attrs.get("project", f"line{index + 1}")
        example = examples.setdefault(name, Example(page, name, index + 1))
        if str(title) in example.files:
            problems.append(f"{where}: {title} appears twice in project {name!r}")
        example.files[str(title)] = "\n".join(lines[index + 2 : end]) + "\n"
        settings = {"asyncio_mode": attrs.get("mode", "strict")}
        settings.update({key: value for key, value in attrs.items() if key not in _SETTINGS})
        expected_exit = int(attrs.get("exit", "0"))
        first_block = len(example.files) == 1
        if not first_block and (settings != example.ini or expected_exit != example.exit_code):
            problems.append(f"{where}: blocks of project {name!r} disagree on mode, exit or ini options")
        example.ini, example.exit_code = settings, expected_exit
    return list(examples.values()), problems


def all_examples() -> tuple[list[Example], list[str]]:
    examples: list[Example] = []
    problems: list[str] = []
    for path in sorted(DOCS.glob("**/*.md")):
        found, wrong = parse_page(path)
        examples += found
        problems += wrong
    return examples, problems


EXAMPLES, PROBLEMS = all_examples()


def _clean_env(*, with_checkout: bool) -> dict[str, str]:
    # An outer run's PYTEST_ADDOPTS, PYTEST_CURRENT_TEST... must not reach the example's run.
    env = {key: value for key, value in os.environ.items() if not key.startswith("PYTEST_")}
    env["COLUMNS"] = "120"
    if with_checkout:
        # The asynctestrun being tested, whether or not it is installed in this interpreter.
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


def _run(command: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, timeout=RUN_TIMEOUT_SECONDS, check=False
    )


def _describe(example: Example, result: subprocess.CompletedProcess[str]) -> str:
    return (
        f"docs/{example.page}:{example.line} ({', '.join(example.files)}): expected exit code "
        f"{example.exit_code}, got {result.returncode}\n"
        f"--- stdout\n{result.stdout}\n--- stderr\n{result.stderr}"
    )


@cache
def reference_python() -> str | None:
    """An interpreter with the real pytest + pytest-asyncio, or None."""
    configured = os.environ.get("ASYNCTESTRUN_REFERENCE_PYTHON")
    candidates = [configured] if configured else [sys.executable]
    for python in candidates:
        # In a subprocess, from outside the checkout: inside an asynctestrun run ``import pytest`` is the
        # runner's look-alike, which would say yes for the wrong reason.
        probe = _run(
            [python, "-c", "import pytest, pytest_asyncio"],
            Path(tempfile.gettempdir()),
            _clean_env(with_checkout=False),
        )
        if probe.returncode == 0:
            return python
        if configured:
            raise RuntimeError(f"ASYNCTESTRUN_REFERENCE_PYTHON={configured} cannot import pytest_asyncio")
    return None


def test_runnable_examples_are_found_and_well_formed():
    assert not PROBLEMS, "\n".join(PROBLEMS)
    pages = {example.page for example in EXAMPLES}
    # A parser that silently matched nothing would make the tests below vacuous.
    assert {"index.md", "loop-scopes.md", "migrating.md"} <= pages, pages


@pytest.mark.parametrize("example", EXAMPLES, ids=[example.id for example in EXAMPLES])
def test_example_runs_under_asynctestrun(example, tmp_path):
    example.write(tmp_path)
    result = _run([sys.executable, "-m", "asynctestrun", "-q"], tmp_path, _clean_env(with_checkout=True))
    assert result.returncode == example.exit_code, _describe(example, result)


@pytest.mark.parametrize("example", EXAMPLES, ids=[example.id for example in EXAMPLES])
def test_example_runs_unchanged_under_pytest(example, tmp_path):
    python = reference_python()
    if python is None:
        pytest.skip(
            "no reference pytest + pytest-asyncio: "
            "set ASYNCTESTRUN_REFERENCE_PYTHON, or run this file under pytest"
        )
    example.write(tmp_path)
    result = _run(
        [python, "-m", "pytest", "-q", "-p", "no:cacheprovider"], tmp_path, _clean_env(with_checkout=False)
    )
    assert result.returncode == example.exit_code, _describe(example, result)
