"""What a plugin gets from ``pluginmanager.get_plugin("lfplugin")`` or ``"lfplugin-collwrapper"``:
pytest's --lf plugins, as far as plugins read them. syrupy reads their counters (files left unread,
a failure collected) to tell a run --lf narrowed from a whole one, whose unused snapshots it reports."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .._collect.last_failed import LastFailedFilter


class LastFailedView:
    """Both plugins' state, read from the filter collection used (None: --lf is off, or there were
    no recorded failures)."""

    def __init__(self, last_failed: LastFailedFilter | None) -> None:
        self._filter = last_failed

    @property
    def active(self) -> bool:
        return self._filter is not None

    @property
    def _skipped_files(self) -> int:
        return self._filter.skipped_files if self._filter is not None else 0

    @property
    def _collected_at_least_one_failure(self) -> bool:
        return self._filter is not None and self._filter.active
