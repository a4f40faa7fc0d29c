import pytest


@pytest.fixture
def greeting(greeting):
    return greeting + " from module"


def test_module_fixture_extends_the_conftest_fixture_it_overrides(greeting):
    assert greeting == "hello from module"
