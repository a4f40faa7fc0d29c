def pytest_addoption(parser):
    # An option whose value may be left out (as pytest-cov's --cov): "--level" alone means "high".
    parser.addoption("--level", nargs="?", const="high", default="low")
