"""The project being watched: its configuration, the test files a run collects, and argv for a selection.

Watch mode reads the configuration the way a run does (``cli.parse``, ``addopts``, ``load``) so that
"the test files" means the files a plain ``asynctestrun ARGS`` would collect: the positional
targets, else ``testpaths``, else the invocation directory; ``python_files``, ``norecursedirs`` and
``--ignore`` applied. A run of a subset is the same argv with the targets narrowed to the selected
files (a node-id target survives when its file is selected).
"""

from __future__ import annotations

import os
import shlex
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .._config.config import Config, ConfigError
from .affected import CONFIG_NAMES


@dataclass(frozen=True, slots=True)
class WatchProject:
    rootdir: Path
    invocation_dir: Path
    config: Config
    base_argv: tuple[str, ...]  # the argv without its positional targets
    targets: tuple[str, ...]  # positional targets as given (empty: the run's own default)
    keyword: str | None  # the user's own -k
    json_report: Path | None  # the user's own --json-report

    @property
    def config_files(self) -> frozenset[Path]:
        """Files whose change reruns everything (besides the root conftest.py)."""
        files = {self.rootdir / name for name in CONFIG_NAMES}
        if self.config.inipath is not None:
            files.add(self.config.inipath)
        return frozenset(files)

    @property
    def import_roots(self) -> frozenset[Path]:
        """Directories under the rootdir that are on ``sys.path`` in a run: ``pythonpath``, ``sys.path``."""
        from .._config.inifile import get_list

        base = self.config.inipath.parent if self.config.inipath else self.rootdir
        roots = {(base / entry).resolve() for entry in get_list(self.config.ini, "pythonpath")}
        roots.update(Path(entry or os.curdir).resolve() for entry in sys.path)
        return frozenset(root for root in roots if root == self.rootdir or self.rootdir in root.parents)


def load_project(argv: Sequence[str], invocation_dir: Path | None = None) -> WatchProject:
    """Read the configuration a run with ``argv`` would use. Raises ConfigError on bad usage."""
    import click

    from .._config.load import CliOptions, addopts, load, locate_ini
    from ..cli import parse

    cwd = invocation_dir or Path.cwd()
    try:
        first = parse(argv)
        ini = locate_ini(_positional(first["args"], cwd), cwd, first["inifile"], first["rootdir"])
        prefix = [*addopts(ini, first["overrides"]), *shlex.split(os.environ.get("PYTEST_ADDOPTS", ""))]
        values = parse([*prefix, *argv]) if prefix else first
    except click.exceptions.Exit as exc:
        raise ConfigError(f"watch mode cannot run with {' '.join(argv)!r} (exit {exc.exit_code})") from None
    except click.ClickException as exc:
        raise ConfigError(exc.format_message()) from None
    targets = _positional(parse(argv)["args"], cwd)
    cli = CliOptions(
        args=tuple(_positional(values["args"], cwd)),
        inifile=values["inifile"],
        rootdir=values["rootdir"],
        overrides=tuple(values["overrides"]),
        ignore=tuple(values["ignore"]),
        ignore_glob=tuple(values["ignore_glob"]),
    )
    config = load(cli, cwd, ini)
    drop = set(targets)
    return WatchProject(
        rootdir=config.rootdir,
        invocation_dir=cwd,
        config=config,
        base_argv=tuple(arg for arg in argv if arg not in drop),
        targets=tuple(targets),
        keyword=values["keyword"],
        json_report=Path(values["json_report"]) if values["json_report"] else None,
    )


def _positional(args: Sequence[str], cwd: Path) -> list[str]:
    """The arguments click left over that name existing paths (flags unknown to the CLI are skipped)."""
    return [arg for arg in args if not arg.startswith("-") and (cwd / arg.split("::", 1)[0]).exists()]


def collect_test_files(project: WatchProject) -> set[Path]:
    """The test files a run with the project's argv collects (before -k/-m selection)."""
    from .._collect.discover import is_ignored, parse_targets, walk

    config = project.config
    files: set[Path] = set()
    for target in parse_targets(config):
        if target.path.is_file():
            files.add(target.path)
        elif not is_ignored(target.path, config):
            files.update(p for p in walk(target.path, config) if p.suffix == ".py" and p.is_file())
    return files


def narrow(project: WatchProject, selected: Sequence[Path]) -> list[str]:
    """Positional arguments that run just ``selected`` (absolute test file paths) within the targets."""
    cwd = project.invocation_dir
    if not project.targets:
        return [os.path.relpath(path, cwd) for path in selected]
    chosen = set(selected)
    args: list[str] = []
    for target in project.targets:
        path = (cwd / target.split("::", 1)[0]).resolve()
        if path.is_dir():
            args.extend(os.path.relpath(p, cwd) for p in selected if path in p.parents)
        elif path in chosen:
            args.append(target)
    return list(dict.fromkeys(args))


def node_id_arg(project: WatchProject, nodeid: str) -> str:
    """A rootdir-relative node id as an argument from the invocation directory."""
    path, sep, rest = nodeid.partition("::")
    return os.path.relpath(project.rootdir / path, project.invocation_dir) + sep + rest
