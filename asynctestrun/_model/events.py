"""Events the run emits, and the Reporter protocol that consumes them.

Execution never calls a reporter method by name: it emits one of these dataclasses and every reporter
(terminal, JUnit XML, JSON, cache, a worker's pipe to its parent) receives the same stream. That keeps
reporters swappable and lets workers and watch mode reuse the stream unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from .outcomes import CollectError, TestResult


@dataclass(frozen=True, slots=True)
class SessionStarted:
    rootdir: str
    inifile: str | None
    python: str
    asyncio_mode: str
    loop_factory: str
    # Lines pytest_report_header hooks gave (pytest-randomly's seed, a conftest's), shown under the header.
    header_lines: tuple[str, ...] = ()
    # The ini's testpaths as written, when they gave the run its paths (none on the command line):
    # pytest's header names them under the configfile line.
    testpaths: tuple[str, ...] = ()
    # Config files beside ``inifile`` holding pytest configuration that is ignored.
    ignored_config_files: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CollectedNode:
    """One node of the collection tree ``--collect-only`` draws: ``<kind name>``, as pytest names it."""

    kind: str  # the class pytest (or a plugin) would have made: "Dir", "Module", "Class", "Coroutine"...
    name: str
    key: str  # tells apart nodes of one kind and name (a directory's path, a test's node id)
    doc: str | None = field(default=None, compare=False)  # shown under the node with -v


@dataclass(frozen=True, slots=True)
class CollectionFinished:
    nodeids: tuple[str, ...]
    errors: tuple[CollectError, ...]
    deselected: int
    notes: tuple[str, ...] = ()  # e.g. "run-last-failure: rerun previous 3 failures"
    skipped: int = 0  # modules skipped while collecting (a module-level skip or importorskip)
    # Under --collect-only: each selected test's chain of nodes, outermost first (nothing otherwise,
    # as nothing else draws the tree and building it imports nothing but costs a walk per test).
    tree: tuple[tuple[CollectedNode, ...], ...] = ()
    # What the pytest_report_collectionfinish hooks return, written under the collection line.
    report_lines: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class LoopScopeOpened:
    loop_scope: str
    key: str


@dataclass(frozen=True, slots=True)
class LoopScopeClosed:
    loop_scope: str
    key: str


@dataclass(frozen=True, slots=True)
class TestStarted:
    nodeid: str
    path: str
    loop_scope: str | None


@dataclass(frozen=True, slots=True)
class TestFinished:
    result: TestResult


@dataclass(frozen=True, slots=True)
class PhaseReported:
    """A test's set-up or call has its report: ``result`` holds the phases so far.

    Sent only when output is not captured (-s), where the terminal writes an outcome as pytest does,
    when its report is made: what the teardown prints then comes after the test's letter. A test
    that may run again (rerun and flaky policies) sends none, as its reports are not final.
    """

    result: TestResult


@dataclass(frozen=True, slots=True)
class FixtureShown:
    """--setup-show: a fixture (or a directly parametrized argument) was set up or torn down.

    The terminal writes pytest's line for it as it happens, indented by scope ("SETUP    M conn").
    """

    action: str  # "SETUP" or "TEARDOWN"
    scope: str  # the Scope's value
    name: str
    used: tuple[str, ...] = ()  # the fixtures its function asks for, sorted, "request" aside (SETUP)
    param: str | None = None  # its parameter as shown: the repr of the value, or of its id


@dataclass(frozen=True, slots=True)
class TestShown:
    """--setup-show: a test's set-up passed; its line names every fixture it uses, sorted."""

    nodeid: str
    fixtures: tuple[str, ...]
    called: bool  # False under --setup-only: no outcome follows on the line


@dataclass(frozen=True, slots=True)
class LiveLogged:
    """Live logging (``log_cli``): a log record of the running test's ``when`` phase, formatted, for
    the terminal to write under that phase's "live log" heading as the test runs."""

    when: str  # "setup", "call" or "teardown"
    text: str


@dataclass(frozen=True, slots=True)
class WarningRaised:
    message: str
    nodeid: str | None = None
    category: str = "UserWarning"
    location: str | None = None
    # For a warning about an object (a coroutine never awaited, an unclosed file), where that object
    # was allocated, or pytest's hint to turn tracemalloc on: the summary shows it under the source line.
    allocated: str = ""


@dataclass(frozen=True, slots=True)
class SuitePropertyRecorded:
    """``record_testsuite_property(name, value)``: a ``<property>`` of the JUnit ``<testsuite>``."""

    name: str
    value: str


@dataclass(frozen=True, slots=True)
class SessionFinished:
    exit_code: int
    duration: float
    interrupted: str | None = None  # reason, when the run stopped early
    # What plugins' and conftests' pytest_terminal_summary hooks wrote (syrupy's snapshot report): the
    # terminal reporters show it where pytest does, before the short test summary.
    plugin_summary: str = ""
    # Why a run whose tests passed still failed (--max-warnings), shown just above the closing line.
    notice: str = ""
    # A conftest's or plugin's pytest_sessionfinish raised: as in pytest, report files are written but
    # the terminal shows no summary, and the run ends with the exception's traceback (exit status 1).
    aborted: bool = False
    # What conftests' and plugins' pytest_sessionfinish and pytest_unconfigure printed to stdout: pytest
    # shows the first where the progress line ends (after its "[100%]"), the second after the closing line.
    finish_output: str = ""
    unconfigure_output: str = ""


_MAXFAIL_PREFIX = "stopping after "


def maxfail_reason(failed: int) -> str:
    """``SessionFinished.interrupted`` once ``-x`` / ``--maxfail`` is reached ("stopping after 2
    failures"): pytest's ``session.shouldfail``, a reason its report shows as it is, not as an
    interruption."""
    return f"{_MAXFAIL_PREFIX}{failed} failures"


def is_maxfail_reason(reason: str) -> bool:
    return reason.startswith(_MAXFAIL_PREFIX)


Event = (
    SessionStarted
    | CollectionFinished
    | LoopScopeOpened
    | LoopScopeClosed
    | TestStarted
    | TestFinished
    | PhaseReported
    | FixtureShown
    | TestShown
    | LiveLogged
    | WarningRaised
    | SuitePropertyRecorded
    | SessionFinished
)


class Reporter(Protocol):
    def handle(self, event: Event) -> None: ...


class Broadcast:
    """Fans one event stream out to several reporters."""

    def __init__(self, reporters: list[Reporter]) -> None:
        self._reporters = reporters
        # Kept because under -n every worker raises this process's own session-level warnings again
        # (the same options, plugins and conftests): the parent must not show them twice.
        self.session_warnings: set[WarningRaised] = set()

    def add(self, reporter: Reporter) -> None:
        self._reporters.append(reporter)

    def handle(self, event: Event) -> None:
        if isinstance(event, WarningRaised) and event.nodeid is None:
            self.session_warnings.add(event)
        for reporter in self._reporters:
            reporter.handle(event)
