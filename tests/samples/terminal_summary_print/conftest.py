import sys


def pytest_sessionfinish(session, exitstatus):
    # A report made here and shown by the summary hook, as pytest-textual-snapshot's.
    session.config._report_lines = [f"{len(session.items)} tests looked at"]


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    # Written straight to stdout (print, a rich Console of the plugin's own), not through the
    # terminal reporter: pytest shows it here, after the failures and before the short summary.
    print("REPORT (printed):", *config._report_lines)
    sys.stdout.write(f"exit status {int(exitstatus)}\n")
    terminalreporter.write_line("REPORT (terminal reporter)")
