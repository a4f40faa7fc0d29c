# Below tests/: loaded while collecting, so not allowed.
pytest_plugins = []
