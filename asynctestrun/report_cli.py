"""``asynctestrun report JSON_PATH --html OUT``: turn a ``--json-report`` file into an HTML page.

Only the command is defined here; ``report_command()`` hands it to ``cli`` to attach. The rendering is
imported when the command runs, not when the CLI starts: start-up time is a feature of a test runner.
"""

from __future__ import annotations

from pathlib import Path

import click


def report_command() -> click.Command:
    """The ``report`` command; a fresh object on every call, so nothing is shared between CLIs."""

    @click.command("report", context_settings={"help_option_names": ["-h", "--help"]})
    @click.argument(
        "json_path", metavar="JSON_PATH", type=click.Path(exists=True, dir_okay=False, path_type=Path)
    )
    @click.option(
        "--html",
        "html_path",
        metavar="OUT",
        required=True,
        type=click.Path(dir_okay=False, path_type=Path),
        help="Write a self-contained HTML page (filterable test table, slowest tests, failures) to OUT.",
    )
    def report(json_path: Path, html_path: Path) -> None:
        """Render a JSON report written by ``asynctestrun --json-report JSON_PATH``."""
        from ._report.html import write_html

        try:
            write_html(json_path, html_path)
        except (ValueError, OSError) as exc:
            raise click.ClickException(str(exc)) from exc
        click.echo(f"wrote {html_path}")

    return report
