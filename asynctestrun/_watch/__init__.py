"""Watch mode: rerun, after every save, only the tests the saved files can affect.

The pieces, in the order a save meets them: ``loop`` (watchfiles and key presses in, one run at a
time out), ``imports`` (the project's static import graph), ``affected`` (changed files → test
files to run, and why), ``client``/``server`` (a warm fork server that forks a fresh child per run),
``project`` (the configuration, the test files a run collects, argv for a subset), ``keys``.
Everything is imported lazily: a plain run never loads this package beyond this file.
"""

from __future__ import annotations


def run_watch(argv: list[str]) -> int:
    """Entry point for ``asynctestrun --watch ARGS`` / ``asynctestrun watch ARGS`` (argv without --watch)."""
    import sys

    from .._config.config import ConfigError
    from .loop import watch
    from .project import load_project

    try:
        project = load_project(argv)
    except ConfigError as exc:
        print(f"ERROR: {exc}", file=sys.stderr)
        return 4
    return watch(argv, project.rootdir)


__all__ = ["run_watch"]
