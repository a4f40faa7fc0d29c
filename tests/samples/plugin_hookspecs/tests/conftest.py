def pytest_collect_settings(settings, config):
    # A conftest in a test* directory under the root is loaded at start-up, before pytest_configure.
    settings["tests"] = "conftest"
