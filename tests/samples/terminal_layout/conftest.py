class Money:
    def __init__(self, amount):
        self.amount = amount

    def __eq__(self, other):
        return isinstance(other, Money) and other.amount == self.amount


# A plugin's own explanation of a failed comparison replaces the built-in one; its lines are shown
# as given, a line break inside one escaped.
def pytest_assertrepr_compare(op, left, right):
    if isinstance(left, Money) and isinstance(right, Money) and op == "==":
        return ["Comparing Money:", f"   amounts: {left.amount} != {right.amount}", "one\ntwo"]


# A plugin's report at the end of the run (syrupy's snapshot summary, say): shown after the failures
# and warnings, before the short test summary.
def pytest_terminal_summary(terminalreporter, exitstatus, config):
    terminalreporter.section("plugin report")
    terminalreporter.write_line(f"exit status {exitstatus}, verbosity {config.get_verbosity()}")
    terminalreporter.write_sep("-", "a rule of dashes")


# Header lines a plugin adds (pytest-randomly's seed, say): a string or a list of them.
def pytest_report_header(config, start_path):
    return ["layout sample header", f"start path named {start_path.name}"]
