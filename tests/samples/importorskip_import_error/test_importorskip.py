import pytest


def test_missing_module_skips():
    pytest.importorskip("no_such_module_for_this_sample")


def test_import_error_fails():
    pytest.importorskip("broken_dep")


def test_import_error_skips_with_exc_type():
    pytest.importorskip("broken_dep", exc_type=ImportError)


@pytest.fixture
def dep():
    return pytest.importorskip("broken_dep")


def test_import_error_in_fixture(dep):
    pass


@pytest.mark.asyncio
async def test_async_import_error_fails():
    pytest.importorskip("broken_dep")
