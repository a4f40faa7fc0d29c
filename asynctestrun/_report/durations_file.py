"""``--store-durations``: each test's duration written to the durations file that ``--shard`` balances by.

The file has pytest-split's ``.test_durations`` layout, a JSON object ``{nodeid: seconds}``. Its keys
are sorted, so a committed file changes only where durations changed. A test's duration is setup + call +
teardown, as in the cache's ``cache/durations``. What the file already holds is kept, and updated
with what this run measured. So a run of part of the suite (``-k``, ``--lf``, one shard) refreshes its
own tests and keeps the rest. Entries of deleted tests stay until the file is deleted and made again.

The file is read when the reporter is made, before any test runs. A file that cannot be read stops the
run there (exit 4), instead of failing after the whole suite has run. It is written once, atomically,
when the session ends, and only if some test finished.
"""

from __future__ import annotations

import json
from pathlib import Path

from .._config.config import ConfigError
from .._model.events import Event, SessionFinished, TestFinished
from .._plan.shard import ShardError, load_durations
from .atomic import write_atomic


class DurationsFileReporter:
    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self._recorded = load_durations(path)
        except ShardError as exc:
            raise ConfigError(f"--store-durations: {exc}") from None
        self._measured: dict[str, float] = {}

    def handle(self, event: Event) -> None:
        if isinstance(event, TestFinished):
            nodeid = event.result.nodeid
            if "::" in nodeid:  # not a module skipped at import, which is reported under its file path
                self._measured[nodeid] = round(event.result.duration, 6)
        elif isinstance(event, SessionFinished) and self._measured:
            merged = {**self._recorded, **self._measured}
            text = json.dumps(dict(sorted(merged.items())), indent=2, ensure_ascii=False) + "\n"
            write_atomic(self.path, text.encode("utf-8"))
