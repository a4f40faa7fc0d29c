"""``--json-report PATH``: one object per test plus session totals, written atomically at the end.

The schema is documented in ``docs/json-report.md``.
"""

from __future__ import annotations

import json
import platform
import sys
from pathlib import Path
from typing import Any

from .._model.events import CollectionFinished, Event, SessionFinished, TestFinished
from .._model.outcomes import CollectError, PhaseResult, TestResult
from .atomic import write_atomic

SCHEMA_VERSION = 1


class JsonReporter:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.results: list[TestResult] = []
        self.errors: list[CollectError] = []

    def handle(self, event: Event) -> None:
        if isinstance(event, CollectionFinished):
            self.errors.extend(event.errors)
        elif isinstance(event, TestFinished):
            self.results.append(event.result)
        elif isinstance(event, SessionFinished):
            write_atomic(self.path, json.dumps(self.document(event), indent=2).encode())

    def document(self, event: SessionFinished) -> dict[str, Any]:
        totals: dict[str, int] = {}
        for result in self.results:
            for outcome in result.outcomes:
                totals[outcome.value] = totals.get(outcome.value, 0) + 1
        if self.errors:
            totals["error"] = totals.get("error", 0) + len(self.errors)
        return {
            "schema_version": SCHEMA_VERSION,
            "exit_code": event.exit_code,
            "duration": round(event.duration, 6),
            "interrupted": event.interrupted,
            "environment": {"python": platform.python_version(), "platform": sys.platform},
            "totals": totals,
            "collection_errors": [{"nodeid": e.nodeid, "longrepr": e.longrepr} for e in self.errors],
            "tests": [self._test(r) for r in self.results],
        }

    @staticmethod
    def _test(result: TestResult) -> dict[str, Any]:
        def phase(p: PhaseResult) -> dict[str, Any]:
            return {
                "phase": p.phase.value,
                "outcome": p.outcome.value,
                "duration": round(p.duration, 6),
                "longrepr": p.longrepr,
                "reason": p.reason,
            }

        return {
            "nodeid": result.nodeid,
            "outcome": result.outcome.value,
            "duration": round(result.duration, 6),
            "loop_scope": result.loop_scope,
            "markers": list(result.markers),
            "phases": [phase(p) for p in result.phases],
            "sections": [{"title": t, "content": c} for t, c in result.sections],
            "warnings": list(result.warnings),
            # The failed phase of each earlier attempt that was rerun (pytest-rerunfailures).
            "reruns": [phase(p) for p in result.reruns],
        }
