"""pytest's recipe for test results in fixtures, a new-style wrapper, and a plugin object registered
from pytest_configure."""

import pytest

SEEN = []


@pytest.hookimpl(tryfirst=True, hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, "rep_" + report.when, report)


class ReportWatcher:
    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_makereport(self, item, call):
        report = yield
        SEEN.append((item.name, report.when, report.outcome, call.excinfo is not None))
        return report


class Reverser:
    """Runs the tests of test_order.py in reverse, as an ordering plugin would."""

    def pytest_collection_modifyitems(self, items):
        chosen = [item for item in items if item.nodeid.startswith("test_order.py")]
        rest = [item for item in items if item not in chosen]
        items[:] = rest + chosen[::-1]


def pytest_configure(config):
    config.pluginmanager.register(ReportWatcher(), "report-watcher")
    config.pluginmanager.register(Reverser(), "reverser")


@pytest.fixture
def result_aware(request):
    yield
    # Teardown sees how the test's call went.
    if request.node.rep_call.failed:
        SEEN.append((request.node.name, "noticed failure"))
