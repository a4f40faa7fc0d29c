"""Control characters in test ids and failure messages must still give a well-formed JUnit XML file."""

import pytest


@pytest.mark.parametrize("value", [b"nul\x00byte", "bell\x07", "escape\x1b[31m"])
def test_control_characters_in_parameter_ids(value):
    pass


def test_control_characters_in_failure_message():
    raise AssertionError("nul \x00 bell \x07 escape \x1b[31m")


def test_plain_neighbour():
    pass
