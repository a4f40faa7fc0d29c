def pytest_sessionfinish(session, exitstatus):
    # Printed by pytest where its terminal stands then: right after the progress line's "[100%]".
    print(f"sessionfinish: status {int(exitstatus)}")


def pytest_terminal_summary(terminalreporter):
    terminalreporter.write_line("terminal summary line")


def pytest_unconfigure(config):
    # Printed after pytest's closing line.
    print("unconfigure: done")
