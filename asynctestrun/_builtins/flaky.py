"""Stands in for box/flaky's pytest plugin (the ``flaky`` package): its options and ``flaky`` marker.

With flaky installed, pytest reruns a test decorated ``@flaky`` (``max_runs``, ``min_passes``,
``rerun_filter``; on a class, every test of it) or marked ``@pytest.mark.flaky(max_runs=...)`` until it
has passed ``min_passes`` times, as long as that is still possible within ``max_runs`` runs; under
``--force-flaky`` every test is. The plugin does that by taking over pytest's runtest protocol, which
asynctestrun does not have, so asynctestrun loads this module in its place (``_collect/plugins.py``)
and reruns the tests itself (``_execute/flaky.py``). The option names and destinations are the
plugin's, so ``addopts`` and ``config.getoption`` keep working.
"""

from __future__ import annotations

from typing import Any


def pytest_addoption(parser: Any) -> None:
    parser.addoption(
        "--no-flaky-report", action="store_false", dest="flaky_report", default=True, help="no flaky report"
    )
    parser.addoption(
        "--no-success-flaky-report",
        action="store_false",
        dest="flaky_success_report",
        default=True,
        help="no successes in the flaky report",
    )
    group = parser.getgroup("Force flaky", "Force all tests to be flaky.")
    group.addoption("--force-flaky", action="store_true", dest="force_flaky", default=False)
    group.addoption("--max-runs", action="store", dest="max_runs", type=int, default=2)
    group.addoption("--min-passes", action="store", dest="min_passes", type=int, default=1)


def pytest_configure(config: Any) -> None:
    config.addinivalue_line("markers", "flaky: marks tests to be automatically retried upon failure")


def pytest_runtest_setup(item: Any) -> None:
    """flaky's own set-up hook reads the test's closest ``flaky`` mark, whichever plugin runs the
    test: a mark flaky cannot take (pytest-rerunfailures' ``reruns=N``, ``max_runs`` below
    ``min_passes``) fails the set-up under pytest, so it does here. Not where flaky's runtest
    protocol already gave the test its settings (decorator, ``--force-flaky``)."""
    from .._execute.flaky import SETTLED_KEY, mark_settings

    mark = item.get_closest_marker("flaky")
    if mark is not None and not item.stash.get(SETTLED_KEY, False):
        mark_settings(item, mark)
