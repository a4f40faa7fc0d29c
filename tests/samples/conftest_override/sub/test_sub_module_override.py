import pytest


@pytest.fixture
def layers(layers):
    return [*layers, "module"]


def test_module_fixture_extends_sub_conftest_fixture(layers):
    assert layers == ["root", "sub", "module"]


@pytest.mark.parametrize("greeting", ["direct"])
def test_parametrize_argument_shadows_fixture(greeting):
    assert greeting == "direct"
