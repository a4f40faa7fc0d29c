"""The hook a plugin declares for others to implement (as pytest-metadata declares pytest_metadata)."""


def pytest_collect_settings(settings, config):
    """Add to the run's settings."""
