"""Command-line options asynctestrun accepts so that a suite's ``addopts`` keeps working, and ignores.

A suite's configuration often carries options for pytest's output (``--no-header``), for logging
live to the terminal, or for plugins that asynctestrun replaces and does not load (pytest-cov,
pytest-xdist, pytest-benchmark, pytest-timeout, hypothesis). Rejecting one of them would stop the
whole run with a usage error, so each is declared here like a plugin's option (same ``dest`` as the
plugin's, for ``config.getoption``) and has no effect. Options whose absence changes what a run
measures or which tests run (coverage without coverage.py, ...) are named in a warning when
used; the ones that only shape pytest's own output are ignored silently.

They are only declared when the command line has options nobody else knew, so a plain run pays
nothing for them.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any

from .._shim.config import Parser

KIND_DEFAULT: Any = object()  # Tolerated.default when the option's kind gives it


@dataclass(frozen=True, slots=True)
class Tolerated:
    names: tuple[str, ...]
    dest: str
    kind: str = "flag"  # "flag", "value", "optional" (a value may follow), "append" (repeatable value)
    ignored_because: str | None = None  # shown when used; None: output only, ignored silently
    # The value when not given, where pytest's differs from the kind's (False for a flag, else None):
    # plugins read it with config.getoption. KIND_DEFAULT: the kind's.
    default: Any = KIND_DEFAULT


# Where coverage.py is installed, --cov is acted on (_execute/measure_coverage.py) and this is not shown.
NO_COVERAGE = "coverage.py is not installed: no coverage is measured"


def _output(*names: str, kind: str = "flag", dest: str | None = None) -> Tolerated:
    return Tolerated(names, dest or _dest(names[0]), kind)


def _output_default(*names: str, default: Any, kind: str = "flag", dest: str | None = None) -> Tolerated:
    return Tolerated(names, dest or _dest(names[0]), kind, default=default)


def _ignored(*names: str, because: str, kind: str = "flag", dest: str | None = None) -> Tolerated:
    return Tolerated(names, dest or _dest(names[0]), kind, because)


def _dest(name: str) -> str:
    return name.lstrip("-").replace("-", "_")


OPTIONS: tuple[Tolerated, ...] = (
    # pytest's own, about its output
    _output("--no-header"),
    _output("--no-summary"),
    _output("--force-short-summary"),
    _output_default("--no-fold-skipped", dest="fold_skipped", default=True),  # as store_false
    _output("--full-trace", dest="fulltrace"),
    _output_default("--code-highlight", kind="value", default="yes"),
    # Acted on: the reporters leave the warnings summary out (cli._run_session).
    _output("--disable-warnings", "--disable-pytest-warnings", dest="disable_warnings"),
    _output("--debug", kind="optional"),
    _output("--trace-config", dest="traceconfig"),
    _output("--pastebin", kind="value"),
    _output("--xfail-tb"),
    _output("--junitprefix", "--junit-prefix", kind="value", dest="junitprefix"),
    _output("--keep-duplicates", dest="keepduplicates"),
    _output("--collect-in-virtualenv"),
    _output_default("--strict-config", default=None),
    _output("--confcutdir", kind="value"),
    _output("--assert", kind="value", dest="assertmode"),
    # The two levels do act: as in pytest they lower the root logger for the run (session_state).
    _output("--log-cli-level", kind="value"),
    _output("--log-cli-format", kind="value"),
    _output("--log-cli-date-format", kind="value"),
    _output("--log-file", kind="value"),
    _output("--log-file-mode", kind="value"),
    _output("--log-file-level", kind="value"),  # see --log-cli-level
    _output("--log-file-format", kind="value"),
    _output("--log-file-date-format", kind="value"),
    _output("--log-format", kind="value"),
    _output("--log-date-format", kind="value"),
    _output("--log-auto-indent", kind="value"),
    _output("--runxfail"),  # acted on: Config.runxfail
    # anyio's plugin option; acted on: its value is read as the anyio_mode ini key is (collect/items.py).
    _output("--anyio-mode", kind="value"),
    _output("--pyargs"),  # acted on: Config.pyargs
    # Acted on: doctests are collected and run (_collect/doctests.py, _execute/doctests.py).
    _output("--doctest-modules", dest="doctestmodules"),
    _output("--doctest-glob", kind="append", dest="doctestglob"),
    _output("--doctest-continue-on-failure"),
    _output("--doctest-report", kind="value", dest="doctestreport"),
    _output("--doctest-ignore-import-errors"),
    # pytest-cov
    _ignored("--cov", kind="optional", dest="cov_source", because=NO_COVERAGE),
    _ignored("--cov-report", kind="append", because=NO_COVERAGE),
    _ignored("--cov-config", kind="value", because=NO_COVERAGE),
    _ignored("--cov-fail-under", kind="value", because=NO_COVERAGE),
    _output("--no-cov-on-fail"),
    _output("--no-cov"),
    _output("--cov-append"),
    _output("--cov-branch"),
    _output("--cov-precision", kind="value"),
    _output("--cov-context", kind="value"),
    # pytest-xdist: files are spread over workers by -n alone
    _output("--dist", kind="value"),
    _output("--tx", kind="append"),
    _output("--maxprocesses", kind="value"),
    _output("--max-worker-restart", kind="value", dest="maxworkerrestart"),
    _output("--maxschedchunk", kind="value"),
    _output("--rsyncdir", kind="append"),
    _output("--rsyncignore", kind="append"),
    _output("--px", kind="append"),
    _ignored(
        "--looponfail", "-f", dest="looponfail", because="asynctestrun --watch reruns what a change affects"
    ),
    _output("--testrunuid", kind="value"),
    _output("--loadscope-reorder", dest="loadscopereorder"),
    _output("--no-loadscope-reorder", dest="no_loadscopereorder"),
    # pytest-timeout: --timeout is asynctestrun's own
    _output("--timeout-method", "--timeout_method", dest="timeout_method", kind="value"),
    _output("--session-timeout", kind="value"),
    # hypothesis (its profile is applied; see hypothesis_profile)
    _output("--hypothesis-profile", kind="value"),
    _output("--hypothesis-show-statistics"),
    _output("--hypothesis-verbosity", kind="value"),
    _output("--hypothesis-seed", kind="value"),
    _output("--hypothesis-explain"),
    # pytest-benchmark
    _output("--benchmark-disable"),
    _output("--benchmark-enable"),
    _output("--benchmark-skip"),  # as --benchmark-only
    _output("--benchmark-only"),  # acted on where pytest-benchmark is installed (_builtins/benchmark.py)
    _output("--benchmark-autosave"),
    _output("--benchmark-save", kind="value"),
    _output("--benchmark-save-data"),
    _output("--benchmark-json", kind="value"),
    _output("--benchmark-compare", kind="optional"),
    _output("--benchmark-compare-fail", kind="append"),
    _output("--benchmark-histogram", kind="optional"),
    _output("--benchmark-min-rounds", kind="value"),
    _output("--benchmark-min-time", kind="value"),
    _output("--benchmark-max-time", kind="value"),
    _output("--benchmark-warmup", kind="optional"),
    _output("--benchmark-warmup-iterations", kind="value"),
    _output("--benchmark-calibration-precision", kind="value"),
    _output("--benchmark-disable-gc"),
    _output("--benchmark-timer", kind="value"),
    _output("--benchmark-sort", kind="value"),
    _output("--benchmark-group-by", kind="value"),
    _output("--benchmark-columns", kind="value"),
    _output("--benchmark-name", kind="value"),
    _output("--benchmark-storage", kind="value"),
    _output("--benchmark-verbose"),
    _output("--benchmark-quiet"),
    _output("--benchmark-cprofile", kind="value"),
    _output("--benchmark-cprofile-loops", kind="value"),
    _output("--benchmark-cprofile-top", kind="value"),
    _output("--benchmark-cprofile-dump", kind="optional"),
    _output("--benchmark-confidence", kind="value"),
    _output("--benchmark-precision", kind="value"),
    _output("--benchmark-time-unit", kind="value"),
    _output("--benchmark-netrc", kind="optional"),
    # pytest-codspeed (acted on where it is installed: _builtins/codspeed.py)
    _output("--codspeed"),
    _output("--codspeed-mode", kind="value"),
    _output("--codspeed-warmup-time", kind="value"),
    _output("--codspeed-max-time", kind="value"),
    _output("--codspeed-max-rounds", kind="value"),
)


def declare(parser: Parser, withheld: Collection[str] = ()) -> None:
    """Add every tolerated option no plugin or conftest declared already, except the ``withheld`` ones:
    under pytest a plugin's options go with it when ``-p no:NAME`` turns it off."""
    taken = {name for names, _ in parser.options for name in names}
    for option in OPTIONS:
        if any(name in taken or name in withheld for name in option.names):
            continue
        parser.addoption(*option.names, dest=option.dest, **argparse_kwargs(option))


def coverage_options() -> tuple[Tolerated, ...]:
    """pytest-cov's options: ignored here, read early by the coverage measurement instead
    (``_execute/measure_coverage.py``), which needs them before any conftest is imported."""
    return tuple(option for option in OPTIONS if option.names[0].startswith(("--cov", "--no-cov")))


def argparse_kwargs(option: Tolerated) -> dict[str, Any]:
    kwargs: dict[str, Any]
    if option.kind == "flag":
        # A flag whose default is True turns its option off (pytest's --no-fold-skipped).
        action = "store_false" if option.default is True else "store_true"
        kwargs = {"action": action, "default": False}
    elif option.kind == "optional":
        kwargs = {"action": "append", "nargs": "?", "const": True, "default": None}
    elif option.kind == "append":
        kwargs = {"action": "append", "default": None}
    else:
        kwargs = {"default": None}
    if option.default is not KIND_DEFAULT:
        kwargs["default"] = option.default
    return kwargs


def ignored(values: Mapping[str, Any], acted_on: Collection[str] = ()) -> list[str]:
    """One line per reason, naming the tolerated options used that it applies to; none for the reasons
    in ``acted_on`` (options this run does act on after all)."""
    used: dict[str, list[str]] = {}
    for option in OPTIONS:
        because = option.ignored_because
        if because is None or because in acted_on or values.get(option.dest) in (None, False):
            continue
        used.setdefault(because, []).append(option.names[0])
    return [
        f"{', '.join(names)} {'is' if len(names) == 1 else 'are'} accepted but ignored: {because}"
        for because, names in used.items()
    ]
