"""docs/ checked against the code, so the site cannot drift from what the runner does.

- docs/configuration.md is exactly what docs/gen_reference.py makes of the current code, every long flag
  of ``--help`` is in it, every configuration key is described, every environment variable still read;
- every option an ``asynctestrun ...`` command in the docs uses exists, and so does every option named
  on its own (except the listed options of other tools);
- every node id the compatibility table cites is collected, and each row's status matches its evidence;
- the package layout in docs/architecture.md names every subpackage and top-level module;
- mkdocs.yml lists every page, and ``mkdocs build --strict`` succeeds (skipped without mkdocs).
"""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
import tempfile
from functools import cache
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
TIMEOUT_SECONDS = 300

# Options the docs name on purpose that belong to other tools (pytest, its plugins, the benchmark
# script, docker), mostly to say asynctestrun does not take them.
OTHER_TOOLS_OPTIONS = frozenset(
    {
        "--doctest-modules",
        "--doctest-glob",
        "--cov",
        "--benchmark-*",
        "--hypothesis-*",
        "--dist",
        "--sizes",
        "--repeat",
        "--both-bytecode",
        "--pytest-python",
        "--output",
        "--no-extras",
        "--tests",
        "--rm",
    }
)


def _env() -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("PYTEST_")}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env["COLUMNS"] = "200"
    return env


def _asynctestrun(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "asynctestrun", *args],
        cwd=ROOT,
        env=_env(),
        capture_output=True,
        text=True,
        timeout=TIMEOUT_SECONDS,
        check=False,
    )


@cache
def generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gen_reference", DOCS / "gen_reference.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _pages() -> dict[str, str]:
    return {path.name: path.read_text(encoding="utf-8") for path in sorted(DOCS.glob("*.md"))}


# -- the generated reference -------------------------------------------------------------------------
def test_configuration_md_is_what_the_generator_makes_of_the_code():
    committed = (DOCS / "configuration.md").read_text(encoding="utf-8")
    assert committed == generator().render(), (
        "docs/configuration.md is out of date with the code: run `python docs/gen_reference.py`"
    )


@pytest.mark.parametrize(
    "command",
    [(), ("report",), ("merge",)],
    ids=["asynctestrun", "asynctestrun-report", "asynctestrun-merge"],
)
def test_every_long_flag_in_help_is_in_the_reference(command):
    result = _asynctestrun(*command, "--help")
    assert result.returncode == 0, result.stderr
    flags = set(re.findall(r"(?<![\w-])--[a-z][a-z0-9-]*", result.stdout))
    assert "--help" in flags, result.stdout
    reference = (DOCS / "configuration.md").read_text(encoding="utf-8")
    missing = sorted(flag for flag in flags if f"`{flag}`" not in reference)
    assert not missing, (
        f"in `asynctestrun {' '.join(command)} --help` but not in docs/configuration.md: {missing}"
    )


def test_every_configuration_key_is_described():
    gen = generator()
    assert not gen.undescribed_keys(), "describe these keys in KEY_DOCS (docs/gen_reference.py)"
    assert not gen.stale_descriptions(), "KEY_DOCS describes keys the runner no longer knows"


def test_environment_variables_in_the_reference_are_read_by_the_code():
    assert not generator().env_names_missing_from_code()


def test_every_key_the_runner_reads_sets_a_real_config_field():
    # config_fields_by_key raises on a Config(...) keyword that is not a field; a key read in load.py
    # must end up in at least one field, or the analysis has lost track of it.
    gen = generator()
    fields = gen.config_fields_by_key()
    read_in_load = [
        key for key, (_, modules) in gen.keys_read_by_the_runner().items() if "_config/load.py" in modules
    ]
    lost = sorted(key for key in read_in_load if key not in fields and key != "addopts")
    assert not lost, f"keys read in _config/load.py that reach no Config field: {lost}"


# -- options named in the docs -----------------------------------------------------------------------
@cache
def known_options() -> dict[str, frozenset[str]]:
    import click

    from asynctestrun.cli import command
    from asynctestrun.merge_cli import merge_command
    from asynctestrun.report_cli import report_command

    def names(cmd: click.Command) -> frozenset[str]:
        ctx = click.Context(cmd, **cmd.context_settings)
        return frozenset(
            name
            for param in cmd.get_params(ctx)
            if isinstance(param, click.Option) and not param.hidden
            for name in (*param.opts, *param.secondary_opts)
        )

    from asynctestrun._config.tolerated import OPTIONS

    # Accepted (and ignored) so that a suite's addopts keep working.
    tolerated = frozenset(name for option in OPTIONS for name in option.names)
    main = names(command) | tolerated
    return {"": main, "watch": main, "report": names(report_command()), "merge": names(merge_command())}


_CODE_SPAN = re.compile(r"(?<!`)`([^`\n]+)`(?!`)")
_COMMAND = re.compile(r"(?<![\w/.-])asynctestrun(?![\w/.-])(?P<rest>[^`]*)")


def _code_texts(text: str) -> list[str]:
    """Inline code spans and the lines of fenced code blocks."""
    texts: list[str] = []
    in_fence = False
    for line in text.splitlines():
        if line.lstrip().startswith("```"):
            in_fence = not in_fence
            continue
        if in_fence:
            texts.append(line)
        else:
            texts.extend(_CODE_SPAN.findall(line))
    return texts


def _option_name(token: str) -> str:
    """The option a token names: ``--tb=short`` is ``--tb``; a short option with what follows it run in,
    as argparse reads it (``-vv``, ``-rA``, ``-n2``), is that short option."""
    name = token.split("=", 1)[0]
    if re.fullmatch(r"-[a-zA-Z]\w+", name):
        return name[:2]
    return name


def test_asynctestrun_commands_in_the_docs_use_real_options():
    known = known_options()
    problems = []
    for page, text in _pages().items():
        for code in _code_texts(text):
            for match in _COMMAND.finditer(code):
                rest = re.split(r"&&|\|\||[|;#>]", match["rest"], maxsplit=1)[0].split()
                sub = rest[0] if rest and rest[0] in ("watch", "report", "merge") else ""
                for token in rest:
                    if token.startswith("-") and token != "-" and _option_name(token) not in known[sub]:
                        problems.append(
                            f"{page}: `{code.strip()}` uses {token}, which asynctestrun {sub} does not take"
                        )
    assert not problems, "\n".join(problems)


def _plugin_stand_in_options() -> frozenset[str]:
    """Options asynctestrun takes where a plugin it stands in for is installed (pytest-rerunfailures,
    box/flaky, pytest-retry)."""
    from asynctestrun._builtins import flaky, rerunfailures, retry
    from asynctestrun._shim.config import Parser

    parser = Parser(_ispytest=True)
    for stand_in in (rerunfailures, flaky, retry):
        stand_in.pytest_addoption(parser)
    return frozenset(name for names, _ in parser.options for name in names)


def test_options_named_on_their_own_exist():
    known = known_options()[""] | known_options()["report"] | _plugin_stand_in_options()
    problems = []
    for page, text in _pages().items():
        for span in _CODE_SPAN.findall(text):
            first = span.split()[0] if span.split() else ""
            if not re.fullmatch(r"--?[a-zA-Z][\w-]*(=.*)?|--[a-z][\w-]*-\*", first):
                continue
            name = _option_name(first)
            if name not in known and name not in OTHER_TOOLS_OPTIONS:
                problems.append(f"{page}: `{span}` names {name}, which is not an asynctestrun option")
    assert not problems, "\n".join(problems)


# -- the compatibility table -------------------------------------------------------------------------
STATUSES = ("Supported", "Partial", "Untested", "Not supported")
_NODE_ID = re.compile(r"`(tests/[^`\s]+::[^`]+)`")


def _cells(line: str) -> list[str]:
    """The cells of a markdown table row; a pipe inside a code span does not split."""
    cells, current, in_code = [], "", False
    for char in line.strip().strip("|"):
        if char == "`":
            in_code = not in_code
        if char == "|" and not in_code:
            cells.append(current.strip())
            current = ""
        else:
            current += char
    return [*cells, current.strip()]


def _compatibility_rows() -> list[list[str]]:
    lines = (DOCS / "compatibility.md").read_text(encoding="utf-8").splitlines()
    return [
        _cells(line)
        for line in lines
        if line.startswith("| ") and not line.startswith(("| Feature ", "| ---"))
    ]


def test_compatibility_rows_have_a_status_and_the_evidence_it_needs():
    rows = _compatibility_rows()
    assert len(rows) > 30, "the table parser found too few rows"
    problems = []
    for feature, status, covered, _notes in rows:
        cited = _NODE_ID.findall(covered)
        if status not in STATUSES:
            problems.append(f"{feature}: status {status!r} is not one of {STATUSES}")
        elif status == "Supported" and not cited:
            problems.append(f"{feature}: a Supported row must name the test that covers it")
        elif status == "Untested" and cited:
            problems.append(f"{feature}: it cites a test, so it is not Untested")
    assert not problems, "\n".join(problems)


def test_compatibility_table_cites_tests_that_exist():
    cited = sorted({nodeid for row in _compatibility_rows() for nodeid in _NODE_ID.findall(row[2])})
    files = sorted({nodeid.split("::", 1)[0] for nodeid in cited})
    result = _asynctestrun("--co", "-q", "-p", "no:cacheprovider", "--continue-on-collection-errors", *files)
    collected = set(result.stdout.split())
    # A parametrized test may be cited without its parameters, as it can be passed to asynctestrun.
    functions = {nodeid.split("[", 1)[0] for nodeid in collected}
    missing = [nodeid for nodeid in cited if nodeid not in collected and nodeid not in functions]
    assert not missing, (
        f"cited in docs/compatibility.md but not collected: {missing}\n{result.stdout}\n{result.stderr}"
    )


# -- the architecture page ---------------------------------------------------------------------------
def test_architecture_layout_names_every_part_of_the_package():
    text = (DOCS / "architecture.md").read_text(encoding="utf-8")
    layout = text[text.index("asynctestrun/\n") :]
    package = ROOT / "asynctestrun"
    actual = {f"{p.name}/" for p in package.iterdir() if (p / "__init__.py").exists()}
    actual |= {p.name for p in package.glob("*.py")}
    named = set(re.findall(r"^  ([\w]+/|[\w]+\.py)\s", layout, flags=re.MULTILINE))
    assert actual == named, (
        f"missing from the layout: {sorted(actual - named)}; gone: {sorted(named - actual)}"
    )


# -- the site ----------------------------------------------------------------------------------------
def test_mkdocs_nav_lists_every_page():
    nav = set(
        re.findall(
            r"^\s+- [^:\n]+: ([\w./-]+\.md)\s*$", (ROOT / "mkdocs.yml").read_text(), flags=re.MULTILINE
        )
    )
    pages = {path.relative_to(DOCS).as_posix() for path in DOCS.glob("**/*.md")}
    assert nav == pages, (
        f"pages not in the nav: {sorted(pages - nav)}; nav entries without a page: {sorted(nav - pages)}"
    )


def test_mkdocs_build_strict_succeeds(tmp_path):
    # importorskip, but in a subprocess: this interpreter may be inside a run whose `pytest` is a shim.
    probe = subprocess.run(
        [sys.executable, "-c", "import mkdocs, material"],
        cwd=tempfile.gettempdir(),
        capture_output=True,
        check=False,
        timeout=TIMEOUT_SECONDS,
    )
    if probe.returncode != 0:
        pytest.skip("mkdocs and mkdocs-material are not installed (python3 -m pip install '.[docs]')")
    env = _env()
    env["NO_MKDOCS_2_WARNING"] = "1"  # Material's banner about its successor; not a build warning
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-f",
            str(ROOT / "mkdocs.yml"),
            "-d",
            str(tmp_path / "site"),
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT_SECONDS,
        check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    warnings = [line for line in output.splitlines() if line.startswith("WARNING")]
    assert not warnings, output
    assert (tmp_path / "site" / "configuration" / "index.html").exists()
