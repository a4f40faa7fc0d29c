"""The console-script entry point: answers ``--version`` before importing anything heavy.

Start-up time is a feature of a test runner; ``asynctestrun --version`` should not pay for click.
"""

from __future__ import annotations

import sys


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        from . import __version__

        sys.stdout.write(f"asynctestrun {__version__}\n")
        raise SystemExit(0)
    from .cli import main as cli_main

    cli_main()
