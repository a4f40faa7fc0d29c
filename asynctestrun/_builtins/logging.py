"""Log capture: ``LoggingCapture`` records every phase of a test for the report's "Captured log"
sections, and ``LogCaptureFixture`` is the ``caplog`` fixture reading the same records.

Per phase (setup, call, teardown) the runner calls ``start_phase(when)`` and ``end_phase()``. In
between, two handlers with fresh record lists sit on the root logger (they stay there for the whole
run, until ``detach()``): one feeds ``caplog`` (``caplog.records`` is the
current phase only; ``caplog.get_records(when)`` any phase), the other the report. With a configured
``log_level`` both handlers filter at it and the root logger is lowered to it for the phase; without
one, nothing is changed, so what is captured is what the loggers' own levels let through (the root
defaults to WARNING). ``caplog.set_level()`` and ``at_level()`` change logger levels and the caplog
handler's level; the fixture's teardown (``_finalize()``) restores them.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Generator
from contextlib import contextmanager
from io import StringIO
from pathlib import Path
from typing import Literal

DEFAULT_LOG_FORMAT = "%(levelname)-8s %(name)s:%(filename)s:%(lineno)d %(message)s"
Phase = Literal["setup", "call", "teardown"]
_ANSI_ESCAPE = re.compile(r"\x1b\[[\d;]+m")


def resolve_level(level: int | str | None, setting: str = "log_level") -> int | None:
    """A level number from a number or a level name ("info", "WARNING", "15"); None stays None."""
    if level is None or isinstance(level, int):
        return level
    text = level.strip()
    if text.isdigit():
        return int(text)
    number = logging.getLevelName(text.upper())
    if not isinstance(number, int):
        raise ValueError(
            f"'{text.upper()}' is not recognized as a logging level name for '{setting}'. "
            "Please consider passing the logging level num instead."
        )
    return number


def lowest_level(level: int | str | None, run_levels: dict[str, int | str]) -> int | None:
    """The level the root logger is lowered to while pytest's run-wide handlers are on it: the lowest of
    ``log_level`` and ``run_levels`` (``log_cli_level``, ``log_file_level``); None where none is set.
    A bad level name is a ValueError naming its setting, ``log_level`` checked first as pytest does."""
    levels = [resolve_level(level)]
    levels += [resolve_level(value, setting) for setting, value in run_levels.items()]
    known = [value for value in levels if value is not None]
    return min(known) if known else None


@contextmanager
def session_handler(
    level: int | None, log_file: logging.Handler | None = None, live: LiveLogHandler | None = None
) -> Generator[None, None, None]:
    """pytest's live-logging and log-file handlers sit on the root logger for the whole session, even
    with neither in use (they then keep nothing). While test modules and conftests found in collection
    import, the root logger therefore has handlers, so ``logging.basicConfig()`` there does nothing
    (it configures only a logger without handlers) and a record logged then is not printed to stderr by
    logging's last resort (it would show as the module's "Captured stderr"). ``live`` is live logging's
    handler when it is on, ``log_file`` the log file's when one is asked for (``file_handler``); an
    empty handler stands in for each that is not, so the root logger has pytest's handlers."""
    root = logging.getLogger()
    handlers = (live or logging.NullHandler(), log_file or logging.NullHandler())
    for handler in handlers:
        root.addHandler(handler)
    saved_level = root.level
    if level is not None:
        root.setLevel(min(saved_level, level))
    try:
        yield
    finally:
        if level is not None:
            root.setLevel(saved_level)
        for handler in handlers:
            root.removeHandler(handler)
            handler.close()


def file_handler(
    path: Path, mode: str, level: int | None, fmt: str, datefmt: str | None
) -> logging.FileHandler:
    """``log_file`` / ``--log-file``: every record of the session at or above ``level`` (all that reach
    the root logger when None), written to ``path`` as pytest writes it (UTF-8, its directory made)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = logging.FileHandler(path, mode=mode, encoding="UTF-8")
    handler.setFormatter(logging.Formatter(fmt, datefmt))
    if level is not None:
        handler.setLevel(level)
    return handler


class LogCaptureHandler(logging.StreamHandler[StringIO]):
    """Keeps the records it receives and their formatted text."""

    def __init__(self) -> None:
        super().__init__(StringIO())
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)
        super().emit(record)

    def reset(self) -> None:
        """Start afresh with a new list (records already handed out keep theirs)."""
        self.records = []
        self.stream = StringIO()

    def clear(self) -> None:
        """Empty the current list in place, as ``caplog.clear()`` does."""
        self.records.clear()
        self.stream = StringIO()

    def handleError(self, record: logging.LogRecord) -> None:
        # A malformed log call (wrong number of % arguments...) should fail the test that made it,
        # not print a traceback to stderr that nobody reads.
        raise  # noqa: PLE0704 - re-raises the exception being handled by logging.Handler.emit


class LiveLogHandler(logging.Handler):
    """Live logging (``log_cli``): each record of a test's phases (or of collection), formatted, handed
    to ``write`` with the stage it came in, for the terminal to write at once. Records outside those
    stages are dropped."""

    def __init__(self, write: Callable[[str, str], None], level: int | None, fmt: str, datefmt: str | None):
        super().__init__(level if level is not None else logging.NOTSET)
        self.setFormatter(logging.Formatter(fmt, datefmt))
        self._write = write
        self.when: str | None = None

    def emit(self, record: logging.LogRecord) -> None:
        if self.when is None:
            return
        try:
            text = self.format(record)
        except Exception:
            self.handleError(record)
            return
        self._write(self.when, text)


class LoggingCapture:
    """The runner's per-phase log capture, shared with the test's ``caplog`` fixture."""

    def __init__(
        self,
        level: int | str | None = None,
        fmt: str = DEFAULT_LOG_FORMAT,
        datefmt: str | None = None,
        *,
        run_levels: dict[str, int | str] | None = None,
        live: LiveLogHandler | None = None,
        enabled: bool = True,
    ) -> None:
        # False under ``-p no:logging``: pytest then captures no record (they reach Python's last-resort
        # handler, so the test's captured stderr) and the report has no "Captured log" section.
        self.enabled = enabled
        self.level = resolve_level(level)
        self.live = live  # log_cli's handler, on the root logger for the whole run as the others
        # pytest's live-logging and log-file handlers are on the root logger for the whole run, each
        # lowering its level to theirs (log_cli_level, log_file_level, both defaulting to log_level)
        # even when live logging is off: a caplog without log_level then sees those records too.
        self.root_level: int | None = lowest_level(self.level, run_levels or {})
        self.formatter = logging.Formatter(fmt, datefmt)
        # Two handlers made once and reset per phase (as pytest's caplog handler is): creating
        # handlers costs a lock and a weakref registration each, six times per test.
        self.handler = self._make_handler()
        self._report = self._make_handler()
        self.records_by_phase: dict[str, list[logging.LogRecord]] = {}
        self._report_handler: LogCaptureHandler | None = None
        self._saved_root_level: int | None = None
        self._unpropagated: list[logging.Logger] = []  # loggers the handlers are on for this phase

    def _make_handler(self) -> LogCaptureHandler:
        handler = LogCaptureHandler()
        handler.setFormatter(self.formatter)
        if self.level is not None:
            handler.setLevel(self.level)
        return handler

    def start_phase(self, when: Phase) -> None:
        if not self.enabled:
            return
        root = logging.getLogger()
        self.handler.reset()
        self._report.reset()
        self._report_handler = self._report
        # The handlers stay on the root logger from the first phase until ``detach`` (three phases
        # a test, adding and removing them took a lock each time); a test that removed them
        # (``logging.basicConfig(force=True)``) gets them back at the next phase.
        if self.handler not in root.handlers:
            root.addHandler(self.handler)
        if self._report not in root.handlers:
            root.addHandler(self._report)
        if self.live is not None:
            self.live.when = when
            if self.live not in root.handlers:
                root.addHandler(self.live)
        self._attach_to_unpropagated(root)
        self.records_by_phase[when] = self.handler.records
        if self.root_level is not None:
            self._saved_root_level = root.level
            root.setLevel(min(root.level, self.root_level))

    def _attach_to_unpropagated(self, root: logging.Logger) -> None:
        """As pytest 9's: the handlers also go on every logger that does not propagate (whose records
        never reach the root), for the phase. A server's access log configured so (uvicorn's) is in
        ``caplog.records`` and the report's captured log, as under pytest."""
        self._detach_from_unpropagated()
        for logger in list(root.manager.loggerDict.values()):
            if isinstance(logger, logging.Logger) and not logger.propagate and logger is not root:
                logger.addHandler(self.handler)
                logger.addHandler(self._report)
                self._unpropagated.append(logger)

    def _detach_from_unpropagated(self) -> None:
        for logger in self._unpropagated:
            logger.removeHandler(self.handler)
            logger.removeHandler(self._report)
        self._unpropagated.clear()

    def end_phase(self) -> str:
        """End the phase; return its formatted log for the report (may be empty)."""
        self._detach_from_unpropagated()
        if self.live is not None:
            self.live.when = None
        if self._saved_root_level is not None:
            logging.getLogger().setLevel(self._saved_root_level)
            self._saved_root_level = None
        if self._report_handler is None:
            return ""
        text = self._report_handler.stream.getvalue().strip()
        self._report_handler = None
        return text

    def report_offset(self) -> int:
        """How much of the phase's report log there is now: where a ``subtests`` block's starts."""
        handler = self._report_handler
        return 0 if handler is None else len(handler.stream.getvalue())

    def report_since(self, offset: int) -> str:
        """The phase's report log from ``offset`` on: the records a ``subtests`` block logged."""
        handler = self._report_handler
        return "" if handler is None else handler.stream.getvalue()[offset:].strip()

    def detach(self) -> None:
        """Take the handlers off the root logger (the end of the run)."""
        self._detach_from_unpropagated()
        root = logging.getLogger()
        root.removeHandler(self.handler)
        root.removeHandler(self._report)
        if self.live is not None:
            root.removeHandler(self.live)

    @contextmanager
    def phase(self, when: Phase) -> Generator[LoggingCapture, None, None]:
        """``start_phase``/``end_phase`` as a block; read the report text with ``end_phase`` instead
        when it is needed."""
        self.start_phase(when)
        try:
            yield self
        finally:
            self.end_phase()


class LogCaptureFixture:
    """``caplog``: the current phase's records plus level controls restored at teardown."""

    def __init__(self, capture: LoggingCapture) -> None:
        self._capture = capture
        self._initial_handler_level: int | None = None
        self._initial_logger_levels: dict[str | None, int] = {}
        self._initial_disabled_level: int | None = None

    def _finalize(self) -> None:
        """Undo set_level(): logger levels, the handler level and any logging.disable() change."""
        for name, level in self._initial_logger_levels.items():
            logging.getLogger(name).setLevel(level)
        self._initial_logger_levels.clear()
        if self._initial_handler_level is not None:
            self.handler.setLevel(self._initial_handler_level)
            self._initial_handler_level = None
        if self._initial_disabled_level is not None:
            logging.disable(self._initial_disabled_level)
            self._initial_disabled_level = None

    @property
    def handler(self) -> LogCaptureHandler:
        return self._capture.handler

    def get_records(self, when: Phase) -> list[logging.LogRecord]:
        return self._capture.records_by_phase.get(when, [])

    @property
    def records(self) -> list[logging.LogRecord]:
        return self.handler.records

    @property
    def record_tuples(self) -> list[tuple[str, int, str]]:
        return [(record.name, record.levelno, record.getMessage()) for record in self.records]

    @property
    def messages(self) -> list[str]:
        return [record.getMessage() for record in self.records]

    @property
    def text(self) -> str:
        return _ANSI_ESCAPE.sub("", self.handler.stream.getvalue())

    def clear(self) -> None:
        self.handler.clear()

    def _force_enable(self, level: int, logger: logging.Logger) -> int:
        """Lower a ``logging.disable()`` threshold that would hide ``level``; return the old one."""
        original = logging.root.manager.disable
        if not logger.isEnabledFor(level):
            # disable(n) hides everything at n and below: keep just the levels under the requested one.
            logging.disable(max(level - 10, logging.NOTSET))
        return original

    def set_level(self, level: int | str, logger: str | None = None) -> None:
        """Set a logger's level (root by default) and the caplog handler's, until the test ends."""
        logger_obj = logging.getLogger(logger)
        self._initial_logger_levels.setdefault(logger, logger_obj.level)
        logger_obj.setLevel(level)
        if self._initial_handler_level is None:
            self._initial_handler_level = self.handler.level
        self.handler.setLevel(level)
        disabled = self._force_enable(logger_obj.level, logger_obj)
        if self._initial_disabled_level is None:
            self._initial_disabled_level = disabled

    @contextmanager
    def filtering(self, filter_: logging.Filter) -> Generator[None, None, None]:
        """Applies ``filter_`` to the captured records for the ``with`` block only."""
        self.handler.addFilter(filter_)
        try:
            yield
        finally:
            self.handler.removeFilter(filter_)

    @contextmanager
    def at_level(self, level: int | str, logger: str | None = None) -> Generator[None, None, None]:
        """Like set_level(), but only for the ``with`` block."""
        logger_obj = logging.getLogger(logger)
        original_logger_level = logger_obj.level
        logger_obj.setLevel(level)
        original_handler_level = self.handler.level
        self.handler.setLevel(level)
        original_disabled = self._force_enable(logger_obj.level, logger_obj)
        try:
            yield
        finally:
            logger_obj.setLevel(original_logger_level)
            self.handler.setLevel(original_handler_level)
            logging.disable(original_disabled)
