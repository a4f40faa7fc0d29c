import warnings

SEEN = []


def pytest_runtest_logreport(report):
    if report.when == "call":
        SEEN.append(report.nodeid)


def pytest_sessionfinish(session, exitstatus):
    # A report of what the run saw, as a warning: pytest shows it in the warnings summary.
    # Its message starts on a line of its own and ends with a blank one, as python-kasa's does.
    warnings.warn(UserWarning(f"\n{len(SEEN)} tests reported\n\n"), stacklevel=1)
