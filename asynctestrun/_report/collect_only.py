"""``--collect-only``: the selected node ids (``-q``) or a tree of files and tests, then the count."""

from __future__ import annotations

import sys
from typing import TextIO

from .._model.events import CollectionFinished, Event, SessionFinished
from .terminal import format_session_duration


class CollectOnlyReporter:
    def __init__(self, verbose: int = 0, out: TextIO | None = None) -> None:
        self.verbose = verbose
        self.out = out or sys.stdout
        self.count = 0
        self.deselected = 0
        self.errors = 0

    def handle(self, event: Event) -> None:
        if isinstance(event, CollectionFinished):
            self.count = len(event.nodeids)
            self.deselected = event.deselected
            self.errors = len(event.errors)
            if self.verbose < 0:
                for nodeid in event.nodeids:
                    self.out.write(nodeid + "\n")
            else:
                current = None
                for nodeid in event.nodeids:
                    path, _, rest = nodeid.partition("::")
                    if path != current:
                        current = path
                        self.out.write(f"<Module {path}>\n")
                    self.out.write(f"  <Function {rest}>\n")
            for error in event.errors:
                self.out.write(f"ERROR collecting {error.nodeid}\n{error.longrepr}\n")
        elif isinstance(event, SessionFinished):
            errors = f", {self.errors} error{'s' if self.errors != 1 else ''}" if self.errors else ""
            self.out.write(f"\n{self.summary()}{errors} in {format_session_duration(event.duration)}\n")

    def summary(self) -> str:
        """pytest's closing words: what was collected, and how much of it -k / -m / --deselect left."""
        collected = self.count + self.deselected
        if collected == 0:
            return "no tests collected"
        if not self.deselected:
            return f"{collected} test{'s' if collected != 1 else ''} collected"
        if not self.count:
            return f"no tests collected ({self.deselected} deselected)"
        return f"{self.count}/{collected} tests collected ({self.deselected} deselected)"
