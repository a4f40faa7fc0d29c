import warnings

SEEN = []


def pytest_runtest_logreport(report):
    if report.when == "call":
        SEEN.append(report.nodeid)


def pytest_sessionfinish(session, exitstatus):
    # A report of what the run saw, as a warning: pytest shows it in the warnings summary.
    warnings.warn(UserWarning(f"{len(SEEN)} tests reported"), stacklevel=1)
