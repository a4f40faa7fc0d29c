"""pytest-cov's ``cov`` and ``no_cover`` fixtures, provided when pytest-cov is installed.

asynctestrun does not load pytest-cov; it measures ``--cov`` itself (``_execute/measure_coverage.py``).
Suites written for the plugin still request its fixtures: ``no_cover`` leaves a test's call out of the
measurement (as the ``no_cover`` mark does, see ``TestRun.call``) and ``cov`` is the coverage.py object
doing the measuring, or None when nothing is measured.
"""

from __future__ import annotations

from typing import Any

from .._declare.fixtures import fixture


@fixture
def no_cover() -> None:
    return None


@fixture
def cov() -> Any:
    from .._execute import measure_coverage

    active = measure_coverage.ACTIVE
    return active.coverage if active is not None else None
