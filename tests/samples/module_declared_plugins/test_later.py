"""Collected after test_declares.py: its plugins are registered for the whole run by then."""


def test_fixture_of_a_plugin_another_module_declared(greeting: str) -> None:
    assert greeting == "hello"
