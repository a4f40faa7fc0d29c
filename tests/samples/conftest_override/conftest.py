import pytest


@pytest.fixture
def greeting():
    return "hello"


@pytest.fixture
def layers():
    return ["root"]


@pytest.fixture
def root_only():
    return "root"
