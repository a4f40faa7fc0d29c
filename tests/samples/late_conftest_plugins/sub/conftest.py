# A conftest below the start-up ones may not name plugins: pytest fails its directory.
pytest_plugins = ["helpers"]
