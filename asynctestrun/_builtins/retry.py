"""Stands in for pytest-retry's plugin module: its options, ini keys, hooks and ``flaky`` marker.

With pytest-retry installed, pytest runs a test marked ``@pytest.mark.flaky(retries=N)`` again when its
call fails (every test under ``--retries N``). The plugin does that from inside pytest's report hook,
calling pytest's set-up and teardown machinery itself, which asynctestrun does not have; so asynctestrun
loads this module in its place (``_collect/plugins.py``) and retries tests itself
(``_execute/retry.py``). The option names, destinations, ini keys and hooks are the plugin's, so
``addopts``, ``config.getoption("retries")`` and a conftest's ``pytest_set_filtered_exceptions`` keep
working.
"""

from __future__ import annotations

from typing import Any

RETRIES_HELP = "number of times to retry failed tests. Defaults to 0."
DELAY_HELP = "configure a delay (in seconds) between retries."
TIMING_HELP = "if True, retry duration will be included in overall reported test duration"
OUTCOME_HELP = "configure the outcome of retried tests. Defaults to 'retried'"


class _HookSpecs:
    """The plugin's own hooks, which a conftest may implement."""

    def pytest_set_filtered_exceptions(self) -> None:
        """The exception classes a failure must be one of to be retried."""

    def pytest_set_excluded_exceptions(self) -> None:
        """The exception classes a failure must not be one of to be retried."""


def pytest_addhooks(pluginmanager: Any) -> None:
    pluginmanager.add_hookspecs(_HookSpecs)


def pytest_addoption(parser: Any) -> None:
    group = parser.getgroup("pytest-retry", "retry flaky tests to compensate for intermittent failures")
    group.addoption("--retries", action="store", dest="retries", type=int, help=RETRIES_HELP)
    group.addoption("--retry-delay", action="store", dest="retry_delay", type=float, help=DELAY_HELP)
    group.addoption(
        "--cumulative-timing", action="store", dest="cumulative_timing", type=bool, help=TIMING_HELP
    )
    group.addoption("--retry-outcome", action="store", dest="retry_outcome", type=str, help=OUTCOME_HELP)
    parser.addini("retries", RETRIES_HELP, default=0, type="string")
    parser.addini("retry_delay", DELAY_HELP, default=0, type="string")
    parser.addini("cumulative_timing", TIMING_HELP, default=False, type="bool")
    parser.addini("retry_outcome", OUTCOME_HELP, default="retried")


def pytest_configure(config: Any) -> None:
    config.addinivalue_line(
        "markers",
        "flaky(retries=1, delay=0, only_on=..., exclude=..., condition=...): indicate a flaky test which "
        "will be retried the number of times specified with an (optional) specified delay between each "
        "attempt.",
    )


def pytest_collection_modifyitems(config: Any, items: list[Any]) -> None:
    """Under ``--retries N`` (or the ini's ``retries``) every test without a ``flaky`` mark gets one."""
    if not (config.getoption("retries", None) or config.getini("retries")):
        return
    from .._execute.retry import RetrySettings
    from .._shim.pytest_api import mark

    flaky = mark.flaky(retries=RetrySettings.from_config(config).retries)
    for item in items:
        if "flaky" not in item.keywords:
            item.add_marker(flaky)


def pytest_terminal_summary(terminalreporter: Any, config: Any) -> None:
    """The plugin's section naming each retried test's attempts."""
    from .._execute.retry import SETTINGS_KEY

    settings = config.stash.get(SETTINGS_KEY)
    if settings is None or not settings.log:
        return
    terminalreporter.write("\n")
    terminalreporter.section("the following tests were retried", sep="=", bold=True, yellow=True)
    terminalreporter.write("".join(settings.log))
    terminalreporter.section("end of test retry report", sep="=", bold=True, yellow=True)
    terminalreporter.write("\n")
