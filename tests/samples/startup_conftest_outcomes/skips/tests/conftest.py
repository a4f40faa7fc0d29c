# Loaded before collection: pytest does not catch a skip here, the run ends as Python's uncaught
# exception does (exit 1), not with a usage error.
import pytest

print("loading the start-up conftest")
pytest.importorskip("a_module_nobody_installed")
