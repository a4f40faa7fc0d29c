import app


def pytest_sessionfinish(session, exitstatus):
    # Run after pytest-cov's measurement ended: its line is a missed one, so the run is under 100%.
    app.summarise()
