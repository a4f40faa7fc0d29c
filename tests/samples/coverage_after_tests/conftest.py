import app


def pytest_sessionfinish(session, exitstatus):
    # Run after pytest-cov's measurement ended: its line is a missed one, so the run is under 100%.
    app.summarise()


def pytest_terminal_summary(terminalreporter):
    # pytest shows this below the JUnit file's line and above pytest-cov's section.
    terminalreporter.write_line("summary from the conftest")
