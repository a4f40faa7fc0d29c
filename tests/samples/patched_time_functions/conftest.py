import pytest


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    # pytest's "test result information in fixtures" recipe: the runner builds each CallInfo.
    outcome = yield
    report = outcome.get_result()
    setattr(item, "rep_" + report.when, report)
