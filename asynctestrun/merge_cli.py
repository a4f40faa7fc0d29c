"""``asynctestrun merge REPORT... --junitxml OUT | --json-report OUT``: shard reports combined into one.

Only the command is defined here. ``merge_command()`` hands it to ``cli``, which runs it and turns
any error into exit code 4, as a test run does with bad input. The merging itself is
``_report.merge``, imported when the command runs.
"""

from __future__ import annotations

from pathlib import Path

import click


def merge_command() -> click.Command:
    """The ``merge`` command; a fresh object on every call, so nothing is shared between CLIs."""

    @click.command("merge", context_settings={"help_option_names": ["-h", "--help"]})
    @click.argument("reports", metavar="REPORT...", nargs=-1, required=True, type=click.Path(path_type=Path))
    @click.option(
        "--junitxml",
        "--junit-xml",
        "junitxml",
        metavar="PATH",
        default=None,
        type=click.Path(dir_okay=False, path_type=Path),
        help="Merge JUnit XML reports (written by --junitxml) into one, written to PATH.",
    )
    @click.option(
        "--json-report",
        "json_report",
        metavar="PATH",
        default=None,
        type=click.Path(dir_okay=False, path_type=Path),
        help="Merge JSON reports (written by --json-report) into one, written to PATH.",
    )
    def merge(reports: tuple[Path, ...], junitxml: Path | None, json_report: Path | None) -> None:
        """Combine the reports of --shard I/N jobs into the report of one run.

        All REPORTs are of one kind, JUnit XML or JSON, and no test may be in two of them. Test
        results are kept in the order given, counts and durations are summed, and the JSON exit
        code is the worst one. The command exits 0 once the merged file is written, and 4 if an
        input is unreadable, not a report, of the other kind, or overlaps another.
        """
        from ._report.merge import MergeError, merge_files

        try:
            line = merge_files(list(reports), junitxml=junitxml, json_report=json_report)
        except MergeError as exc:
            raise click.ClickException(str(exc)) from None
        click.echo(line)

    return merge
