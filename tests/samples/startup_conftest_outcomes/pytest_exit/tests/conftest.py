import pytest

# pytest.exit raises an Exception: at start-up pytest wraps it in its conftest import error (exit 4).
pytest.exit("stop here", returncode=3)
