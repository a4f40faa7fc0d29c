import pytest

pytest.importorskip("broken_dep", exc_type=ImportError)


def test_never_collected():
    pass
