# tests/ is a start-up directory (test* under the rootdir): its conftest may name plugins.
pytest_plugins = ["helpers"]
