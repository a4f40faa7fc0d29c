import pytest

pytest.skip("module-level skip: nothing here runs", allow_module_level=True)


def test_skipped_with_its_module():
    raise AssertionError("must not run")
