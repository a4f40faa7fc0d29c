import pytest


@pytest.fixture(scope="module")
def module_only():
    yield
    raise NotImplementedError("module only")


def test_plain():
    pass


def test_last_of_the_run(module_only):
    assert False
