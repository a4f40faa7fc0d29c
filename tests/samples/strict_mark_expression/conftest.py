def pytest_configure(config):
    # Registered by a conftest, not the ini: still a known name for ``-m``.
    config.addinivalue_line("markers", "slow(reason): tests that take a while")
