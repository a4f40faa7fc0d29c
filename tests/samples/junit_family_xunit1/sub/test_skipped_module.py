import pytest

pytest.skip("a collection report names its file and no line", allow_module_level=True)
