"""A makereport wrapper that fails every skip, as pytest-error-for-skips does under --error-for-skips:
it words the failure with ``call.excinfo._getreprcrash()`` (where the skip was raised, the last frame
that does not hide itself, and the exception's short form). events.log records each crash."""

from pathlib import Path

import pytest

EVENTS = Path(__file__).parent / "events.log"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.skipped and call.excinfo is not None and call.excinfo.errisinstance(pytest.skip.Exception):
        crash = call.excinfo._getreprcrash()
        report.outcome = "failed"
        report.longrepr = f"Forbidden skipped test - {crash.message}"
        # A skip mark's crash is in the runner's own code: only the test file's lines are compared.
        where = f"{Path(crash.path).name}:{crash.lineno}" if crash.path == item.path.as_posix() else "-"
        with EVENTS.open("a") as events:
            events.write(f"{call.when} {item.name}: {where} {crash.message}\n")
