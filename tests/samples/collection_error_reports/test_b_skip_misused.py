import pytest

# Without allow_module_level a skip at import time is a collection error, not a skipped module.
pytest.skip("not like this")


def test_never_collected():
    pass
