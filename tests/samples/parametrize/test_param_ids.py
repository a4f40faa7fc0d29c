"""How pytest turns parameter values into test ids."""

import enum
import json
import types

import pytest


class Colour(enum.Enum):
    RED = 1


@pytest.mark.parametrize(
    "value",
    [
        -1,
        0.0,
        float("inf"),
        "é",
        "",
        "line\nbreak",
        b"bytes",
        ("tuple",),
        Colour.RED,
        len,
        int,
        None,
        "a" * 30,
        "with[brackets]",
        "double::colon",
    ],
)
def test_ids_of_unusual_values(value):
    pass


@pytest.mark.parametrize("value", [1, 2, 3], ids=["same", "same", None])
def test_duplicate_explicit_ids(value):
    pass


@pytest.mark.parametrize("value", [pytest.param(1, id="é-explicit"), pytest.param(2, id="")])
def test_explicit_unusual_ids(value):
    pass


@pytest.mark.parametrize(("a", "b"), [(1, "x")], ids=["pair"])
@pytest.mark.parametrize("c", [True])
def test_ids_of_stacked_multi_argument_parametrize(a, b, c):
    pass


# Any value with a string __name__ is named by it, not only classes and functions.
@pytest.mark.parametrize("value", [json, types.SimpleNamespace(__name__="named"), types.SimpleNamespace(__name__=5)])
def test_ids_of_values_with_a_name(value):
    pass
