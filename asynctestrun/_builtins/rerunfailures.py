"""Stands in for pytest-rerunfailures' plugin module: its options, ini keys and ``flaky`` marker.

When pytest-rerunfailures is installed, pytest reruns a failing test marked ``@pytest.mark.flaky(reruns=N)``
(or every failing test under ``--reruns N``). The plugin does that by taking over pytest's runtest
protocol, which asynctestrun does not have, so asynctestrun loads this module in its place (see
``_collect/plugins.py``) and reruns tests itself (``_execute/reruns.py``). Without the plugin installed,
pytest ignores the mark and so does asynctestrun. The option names, destinations and ini keys are the
plugin's, so ``addopts``, ``config.getoption("reruns")`` and ``getini("reruns")`` keep working.
"""

from __future__ import annotations

from typing import Any

NAME = "rerunfailures"


def pytest_addoption(parser: Any) -> None:
    group = parser.getgroup("rerunfailures", "re-run failing tests to eliminate flaky failures")
    group.addoption("--reruns", dest="reruns", type=int, help="rerun a failing test up to N times")
    group.addoption("--force-reruns", dest="force_reruns", type=int, help="rerun every failing test N times")
    group.addoption("--reruns-delay", dest="reruns_delay", type=float, help="seconds between reruns")
    group.addoption(
        "--reruns-delay-backoff-factor",
        dest="reruns_delay_backoff_factor",
        type=float,
        help="multiply the delay by this after each rerun",
    )
    group.addoption(
        "--only-rerun", dest="only_rerun", action="append", default=None, help="rerun on errors matching"
    )
    group.addoption(
        "--rerun-except", dest="rerun_except", action="append", default=None, help="never rerun these"
    )
    group.addoption("--rerun-exclude-path", dest="rerun_exclude_path", action="append", default=None)
    group.addoption("--reruns-mode", dest="reruns_mode", choices=("strict", "append"), default="strict")
    group.addoption("--fail-on-flaky", dest="fail_on_flaky", action="store_true", default=False)
    group.addoption(
        "--rerun-show-tracebacks", dest="rerun_show_tracebacks", action="store_true", default=False
    )
    group.addoption("--max-suite-reruns", dest="max_suite_reruns", type=int, default=None)
    parser.addini("reruns", "rerun a failing test up to N times", type="string")
    parser.addini("reruns_delay", "seconds between reruns", type="string")
    parser.addini("reruns_delay_backoff_factor", "multiply the delay by this after each rerun", type="string")
    parser.addini("only_rerun", "rerun on errors matching these patterns", type="linelist")
    parser.addini("rerun_except", "never rerun on errors matching these patterns", type="linelist")


def pytest_configure(config: Any) -> None:
    config.addinivalue_line(
        "markers",
        "flaky(reruns=1, reruns_delay=0, reruns_delay_backoff_factor=1.0): rerun the test up to "
        "'reruns' times when it fails.",
    )
