import pytest

# Without allow_module_level: pytest skips the directory all the same (a test module's would be an error).
pytest.skip("plain skip in a conftest")
