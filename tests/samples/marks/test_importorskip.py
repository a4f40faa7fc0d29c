import pytest

pytest.importorskip("module_that_is_not_installed")


def test_never_collected():
    raise AssertionError("must not run")
