"""pytest-cov's ``--cov`` options, acted on with coverage.py where it is installed.

pytest-cov itself is not loaded (it drives pytest's own session), so a suite whose ``addopts`` carry
``--cov=pkg --cov-report=xml --cov-fail-under=90`` gets the same measurement from here: coverage starts
before the first conftest imports, as the plugin's does, stops when the tests are done, and the reports
and the fail-under check come out where pytest-cov puts them (the terminal summary, the same files).

Under ``-n`` every process measures into a data file of its own (``.coverage.<host>.<pid>.<random>``)
and the parent combines them before reporting, as pytest-cov does with xdist.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

# The reports pytest-cov knows; the terminal ones take ":skip-covered", the others a destination.
_TERMINAL_REPORTS = ("term", "term-missing")
_FILE_REPORTS = ("annotate", "html", "xml", "json", "lcov", "markdown", "markdown-append")


class CoverageUsageError(Exception):
    """A ``--cov*`` value pytest-cov rejects as a usage error."""


@dataclass(frozen=True, slots=True)
class CoverageSettings:
    sources: tuple[str, ...]  # empty: what coverage's configuration says (``--cov`` without a value)
    reports: tuple[tuple[str, str | None], ...]  # (kind, ":" modifier or destination)
    config_file: str | bool
    fail_under: float | None
    branch: bool | None
    append: bool
    no_cov_on_fail: bool
    precision: int | None


def settings_from(args: Sequence[str]) -> CoverageSettings | None:
    """The ``--cov*`` options among the flags the CLI did not know; None without ``--cov`` (or with
    ``--no-cov``)."""
    # Declared where the other tolerated options are, and parsed here on their own: the conftests that
    # the full parse waits for are imported under the measurement.
    from .._config import tolerated
    from .._config.config import ConfigError
    from .._shim.config import usage_error_parser

    parser = usage_error_parser()(add_help=False, allow_abbrev=False)
    for option in tolerated.coverage_options():
        parser.add_argument(*option.names, dest=option.dest, **tolerated.argparse_kwargs(option))
    try:
        known, _ = parser.parse_known_args(list(args))
    except ConfigError as exc:
        raise CoverageUsageError(str(exc)) from None
    if not known.cov_source or known.no_cov:
        return None
    sources = tuple(source for source in known.cov_source if isinstance(source, str) and source)
    return CoverageSettings(
        sources=tuple(part for source in sources for part in source.split(",") if part),
        reports=_reports(known.cov_report),
        config_file=known.cov_config or ".coveragerc",
        fail_under=_fail_under(known.cov_fail_under),
        branch=known.cov_branch or None,  # unset: coverage's own configuration decides
        append=known.cov_append,
        no_cov_on_fail=known.no_cov_on_fail,
        precision=_precision(known.cov_precision),
    )


def _reports(values: list[str] | None) -> tuple[tuple[str, str | None], ...]:
    if values is None:
        return (("term", "term:"),)  # pytest-cov's default
    reports: dict[str, str | None] = {}
    for value in values:
        if not value:
            continue  # "--cov-report=": no report at all
        kind, _, modifier = value.partition(":")
        if kind not in _TERMINAL_REPORTS + _FILE_REPORTS:
            raise CoverageUsageError(f"argument --cov-report: invalid choice: '{value}'")
        if kind in _TERMINAL_REPORTS and modifier not in ("", "skip-covered"):
            raise CoverageUsageError(f"argument --cov-report: invalid choice: '{value}'")
        # term and term-missing are one report, as in pytest-cov: the last one given wins.
        key = "term" if kind in _TERMINAL_REPORTS else kind
        reports.pop(key, None)
        reports[key] = f"{kind}:{modifier}" if key == "term" else (modifier or None)
    return tuple(reports.items())


def _precision(value: str | None) -> int | None:
    if value is None:
        return None
    try:
        return int(value)
    except ValueError:
        raise CoverageUsageError(f"argument --cov-precision: invalid int value: {value!r}") from None


def _fail_under(value: str | None) -> float | None:
    """As pytest-cov reads it: "90" stays an int, so the message says "90%", "90.0" says "90.0%"."""
    if value is None:
        return None
    try:
        number: float = int(value)
    except ValueError:
        try:
            number = float(value)
        except ValueError:
            raise CoverageUsageError(f"argument --cov-fail-under: {value!r} is not a number") from None
    if number > 100:
        raise CoverageUsageError(f"argument --cov-fail-under: {value} is over 100, the most coverage can be")
    return number


def paused_for(node: Any) -> contextlib.AbstractContextManager[None]:
    """Coverage off around a test's call when it carries pytest-cov's ``no_cover`` mark or asks for
    its ``no_cover`` fixture, as the plugin does; nothing to do when nothing is measured."""
    active = ACTIVE
    if active is None or not active._measuring:
        return contextlib.nullcontext()
    if "no_cover" not in node.fixturenames and node.get_closest_marker("no_cover") is None:
        return contextlib.nullcontext()
    return active._paused()


def available() -> bool:
    return importlib.util.find_spec("coverage") is not None


# The measurement of this process's run, for pytest-cov's fixtures and mark (set while measuring).
ACTIVE: CoverageRun | None = None


class CoverageRun:
    """One process's measurement; the process that reports also combines the others' data."""

    def __init__(self, settings: CoverageSettings, *, parallel: bool) -> None:
        import coverage

        self.settings = settings
        self.parallel = parallel
        self._cov = coverage.Coverage(
            source=list(settings.sources) or None,
            branch=settings.branch,
            config_file=settings.config_file,
            data_suffix=True if parallel else None,
        )
        self._measuring = False
        if not settings.sources:
            # Measuring everything outside the installed packages would take in asynctestrun itself
            # when it is installed from a checkout (editable); pytest's own code is not measured either.
            import asynctestrun

            own = os.path.join(os.path.dirname(asynctestrun.__file__), "*")
            omitted = self._cov.get_option("run:omit")
            self._cov.set_option("run:omit", [*(omitted if isinstance(omitted, list) else []), own])

    def start(self, *, erase: bool, measure: bool = True) -> None:
        """``erase``: the process that reports starts from no data (unless ``--cov-append``);
        ``measure``: False for -n's parent, whose workers import and run everything measured."""
        if erase and not self.settings.append:
            self._cov.erase()
            if self.parallel:
                self._erase_parallel_files()
        elif erase:
            # --cov-append: the earlier runs' data is read first, so what this run saves (or, under
            # -n, combines) adds to it, as pytest-cov's combining of its data into the file does.
            # coverage.py writes over the file otherwise, keeping this run's lines alone.
            self._cov.load()
        self._measuring = measure
        if measure:
            global ACTIVE
            ACTIVE = self
            self._cov.start()

    @property
    def coverage(self) -> Any:
        """The coverage.py object (pytest-cov's ``cov`` fixture)."""
        return self._cov

    @contextlib.contextmanager
    def _paused(self) -> Iterator[None]:
        self._cov.stop()
        try:
            yield
        finally:
            self._cov.start()

    def _erase_parallel_files(self) -> None:
        # Files an earlier -n run left behind would be combined into this one's totals.
        from pathlib import Path

        data_file = Path(self._cov.get_option("run:data_file") or ".coverage").resolve()  # type: ignore[arg-type]
        for leftover in data_file.parent.glob(data_file.name + ".*"):
            leftover.unlink(missing_ok=True)

    def abandon(self) -> None:
        """Stop measuring, with nothing saved or reported."""
        _forget(self)
        if self._measuring:
            self._cov.stop()
            self._measuring = False

    def stop(self) -> None:
        """The end of this process's measurement: a worker's data file is for the parent to combine."""
        _forget(self)
        if self._measuring:
            self._cov.stop()
            self._cov.save()
            self._measuring = False

    def report(self, *, tests_failed: bool, rule: Any, check_fail_under: bool = True) -> tuple[str, bool]:
        """The terminal summary's coverage section, and whether ``--cov-fail-under`` failed the run.
        ``rule(title, char)`` draws the terminal's section lines."""
        import coverage
        from coverage.results import should_fail_under

        self.stop()
        if self.parallel:
            self._cov.combine()
            self._cov.save()
        if tests_failed and self.settings.no_cov_on_fail:
            return "", False
        precision = self.settings.precision
        if precision is None:
            precision = int(self._cov.get_option("report:precision") or 0)  # type: ignore[arg-type]
        fail_under = self.settings.fail_under
        if fail_under is None:
            fail_under = self._cov.get_option("report:fail_under") or None  # type: ignore[assignment]
        out = io.StringIO()
        try:
            total = self._cov.report(
                ignore_errors=True, output_format="total", precision=precision, file=io.StringIO()
            )
            if self.settings.reports:
                version = "{}.{}.{}-{}-{}".format(*sys.version_info[:5])
                out.write(rule(f"coverage: platform {sys.platform}, python {version}", "_") + "\n\n")
                self._write_reports(out, precision)
        except coverage.CoverageException as exc:
            return rule("tests coverage", "=") + f"\nFailed to generate report: {exc}\n", False
        failed = False
        if fail_under and check_fail_under:
            # Compared at the report's precision, as coverage's own fail_under check does.
            failed = should_fail_under(total, float(fail_under), precision)
            reached = "not reached" if failed else "reached"
            out.write(f"{'FAIL ' if failed else ''}Required test coverage of {fail_under}% {reached}. ")
            out.write(f"Total coverage: {total:.2f}%\n")
        text = out.getvalue()
        return (rule("tests coverage", "=") + "\n" + text if text else ""), failed

    def _write_reports(self, out: io.StringIO, precision: int) -> None:
        """Each report asked for, in pytest-cov's order (not the command line's), and where it went."""
        cov = self._cov
        reports = dict(self.settings.reports)
        term = reports.get("term")
        if term is not None:
            kind, _, modifier = term.partition(":")
            cov.report(
                ignore_errors=True,
                file=out,
                precision=precision,
                show_missing=kind == "term-missing" or None,
                skip_covered=modifier == "skip-covered" or None,
            )
        if "annotate" in reports:
            where = reports["annotate"]
            cov.annotate(ignore_errors=True, directory=where)
            out.write(
                f"Coverage annotated source written {f'to dir {where}' if where else 'next to source'}\n"
            )
        if "html" in reports:
            cov.html_report(ignore_errors=True, directory=reports["html"])
            out.write(f"Coverage HTML written to dir {reports['html'] or cov.config.html_dir}\n")
        if "xml" in reports:
            cov.xml_report(ignore_errors=True, outfile=reports["xml"])
            out.write(f"Coverage XML written to file {reports['xml'] or cov.config.xml_output}\n")
        if "json" in reports:
            cov.json_report(ignore_errors=True, outfile=reports["json"])
            out.write(f"Coverage JSON written to file {reports['json'] or cov.config.json_output}\n")
        for kind, mode, verb in (("markdown", "w", "written"), ("markdown-append", "a", "appended")):
            if kind in reports:
                target = reports[kind] or "coverage.md"
                with open(target, mode, encoding="utf-8") as stream:
                    cov.report(ignore_errors=True, file=stream, output_format="markdown")
                out.write(f"Coverage Markdown information {verb} to file {target}\n")
        if "lcov" in reports:
            cov.lcov_report(ignore_errors=True, outfile=reports["lcov"])
            out.write(f"Coverage LCOV written to file {reports['lcov'] or cov.config.lcov_output}\n")


def _forget(run: CoverageRun) -> None:
    global ACTIVE
    if ACTIVE is run:
        ACTIVE = None
