"""What a conftest gets from ``pluginmanager.getplugin("terminalreporter")`` or
``config.get_terminal_writer()``: a writer to the terminal.

asynctestrun's own reporter is fed by events and owns the terminal's layout; this view only lets user
code print a line the way it would under pytest (a fixture announcing the server it started, a
``pytest_configure`` printing a banner). Without it those calls met ``None`` and the test errored.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, TextIO

from .._execute.failures import terminal_width


class TerminalView:
    """pytest's ``TerminalReporter`` writing methods, and its ``_tw`` (this object again)."""

    def __init__(self, config: Any, file: TextIO) -> None:
        self.config = config
        # The real stdout, kept as pytest's writer keeps it: with fd capture (the default) its fd is
        # redirected during a test, so what a test writes lands in that test's captured output.
        self._file = file
        # Reports are kept by asynctestrun's reporter; plugins reading these find them empty.
        self.stats: dict[str, list[Any]] = {}
        self.startpath: Path = Path(config.rootpath)
        self._at_line_start = True

    @property
    def _tw(self) -> TerminalView:
        return self

    @property
    def verbosity(self) -> int:
        return int(self.config.get_verbosity())

    @property
    def fullwidth(self) -> int:
        return terminal_width()  # the width the run's own report is laid out in

    @property
    def hasmarkup(self) -> bool:
        return False

    def _highlight(self, source: str, lexer: str = "python") -> str:
        """Source as pytest's writer shows it without markup (plugins pass it on as a highlighter)."""
        return source

    def isatty(self) -> bool:
        return self._file.isatty()

    def write(self, content: str, *, flush: bool = False, **markup: bool) -> None:
        if content:
            self._file.write(content)
            self._file.flush()
            self._at_line_start = content.endswith("\n")

    def ensure_newline(self) -> None:
        # The reporter may be midway through a line of progress letters, which this view cannot see:
        # a line of user output always starts on a line of its own.
        self.write("\n")

    def line(self, s: str = "", **markup: bool) -> None:
        self.write(s + "\n")

    def write_line(self, line: str | bytes, **markup: bool) -> None:
        if isinstance(line, bytes):
            line = line.decode("utf-8", "replace")
        if not self._at_line_start:
            self.write("\n")
        self.line(line)

    def rewrite(self, line: str, **markup: bool) -> None:
        self.write("\r" + line)

    def write_sep(
        self, sep: str, title: str | None = None, fullwidth: int | None = None, **markup: bool
    ) -> None:
        width = fullwidth or self.fullwidth
        if title is None:
            self.line(sep * max(width // len(sep), 1))
            return
        fill = max((width - len(title) - 2) // (2 * len(sep)), 1)
        line = f"{sep * fill} {title} {sep * fill}"
        # An odd remainder gets one more separator, so the rule spans the width as pytest's do.
        if len(line) + len(sep.rstrip()) <= width:
            line += sep.rstrip()
        self.line(line)

    sep = write_sep  # the TerminalWriter's name

    def section(self, title: str, sep: str = "=", **markup: bool) -> None:
        self.write_sep(sep, title)

    def flush(self) -> None:
        self._file.flush()
