"""approx() (asynctestrun._declare.approx): equality semantics and reprs as in pytest 9."""

# `actual == approx(expected)` is the order users write, and comparing NaN through approx() is the point.
# ruff: noqa: SIM300, PLW0177

import math
import warnings
from decimal import Decimal
from fractions import Fraction

import pytest

from asynctestrun._declare.approx import ApproxDecimalToleranceWarning, approx


@pytest.mark.parametrize(
    ("expected", "text"),
    [
        (1.0, "1.0 ± 1.0e-06"),
        (1, "1 ± 1.0e-06"),
        (0.0, "0.0 ± 1.0e-12"),
        (1e10, "10000000000.0 ± 1.0e+04"),
        (123456789.0, "123456789.0 ± 123.457"),
        (Fraction(1, 3), "1/3 ± 3.3e-07"),
        (1 + 2j, "(1+2j) ± 2.2e-06 ∠ ±180°"),
        (complex(3, 0), "(3+0j) ± 3.0e-06"),
        (Decimal("1.0"), "1.0 ± 1.0e-6"),
        (float("inf"), "inf"),
        (float("nan"), "nan ± ???"),
        ("abc", "abc"),
        (None, "None"),
        (True, "True"),
    ],
)
def test_scalar_repr(expected, text):
    assert repr(approx(expected)) == text


@pytest.mark.parametrize(
    ("kwargs", "text"),
    [
        ({"rel": 0.1}, "1.0 ± 0.1"),
        ({"abs": 0.1}, "1.0 ± 0.1"),
        ({"abs": 0.1, "rel": 0.5}, "1.0 ± 0.5"),
        ({"abs": 1e-3, "rel": 0}, "1.0 ± 0.001"),
        ({"abs": 9.99e-4, "rel": 0}, "1.0 ± 1.0e-03"),
        ({"abs": 999.9999, "rel": 0}, "1.0 ± 1000"),
        ({"abs": 1000.0, "rel": 0}, "1.0 ± 1.0e+03"),
        ({"abs": 0, "rel": 0}, "1.0 ± 0.0e+00"),
        ({"rel": -1}, "1.0 ± ???"),
        ({"abs": float("inf")}, "1.0 ± inf"),
    ],
)
def test_tolerance_formatting(kwargs, text):
    assert repr(approx(1.0, **kwargs)) == text


def test_default_tolerances():
    assert 1.000001 == approx(1.0)
    assert 1.0000011 != approx(1.0)
    assert 1e-12 == approx(0.0)
    assert 1.1e-12 != approx(0.0)


def test_abs_alone_disables_relative_tolerance():
    assert 1e10 + 2 != approx(1e10, abs=1)
    assert 1e10 + 2 == approx(1e10, abs=1, rel=1e-6)


def test_special_values():
    assert float("nan") != approx(float("nan"))
    assert float("nan") == approx(float("nan"), nan_ok=True)
    assert float("nan") != approx(1.0, nan_ok=True)
    assert float("inf") == approx(float("inf"))
    assert 1e308 != approx(float("inf"))
    assert float("-inf") != approx(float("inf"))


def test_bools_and_non_numbers():
    assert True == approx(True)  # noqa: E712 - the comparison under test
    assert 1 != approx(True)
    assert True == approx(1)  # noqa: E712
    assert "a" != approx(1.0)
    assert None != approx(1.0)  # noqa: E711
    assert "abc" == approx("abc")


def test_invalid_tolerances_raise_on_comparison():
    assert 1.0 == approx(1.0, rel=-1)  # exact equality short-circuits
    with pytest.raises(ValueError, match=r"relative tolerance can't be negative: -1\.0"):
        assert 1.1 == approx(1.0, rel=-1)
    with pytest.raises(ValueError, match="absolute tolerance can't be negative"):
        assert 1.1 == approx(1.0, abs=-1)
    with pytest.raises(ValueError, match=r"relative tolerance can't be NaN\."):
        assert 1.1 == approx(1.0, rel=math.nan)


def test_decimal():
    assert Decimal("1.0000001") == approx(Decimal("1.0"))
    assert Decimal("1.00001") != approx(Decimal("1.0"))
    assert Decimal("1.005") == approx(Decimal("1.0"), abs=Decimal("1e-2"))
    assert repr(approx(Decimal("NaN"))) == "NaN ± ???"
    with pytest.raises(TypeError):
        assert 1.0000001 == approx(Decimal("1.0"))


def test_decimal_with_inexact_float_tolerance_warns():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        approx(Decimal("1.0"), rel=0.1)
        approx(Decimal("1.0"), rel=0.5)  # exactly representable: silent
    assert len(caught) == 1
    assert caught[0].category is ApproxDecimalToleranceWarning
    assert str(caught[0].message).startswith("rel=0.1 cannot be represented exactly as a Decimal")
    assert caught[0].filename == __file__


def test_sequences():
    assert [1.0, 2.0] == approx([1.0, 2.0000001])
    assert (1.0, 2.0) == approx([1.0, 2.0])
    assert [1.0] != approx([1.0, 2.0])
    assert [1.0, "a", None] == approx([1.0, "a", None])
    assert iter([1.0]) != approx([1.0])
    assert repr(approx([1.0, 2.0])) == "approx([1.0 ± 1.0e-06, 2.0 ± 2.0e-06])"
    assert repr(approx((1.0,))) == "approx((1.0 ± 1.0e-06,))"
    assert repr(approx(range(2))) == "approx([0 ± 1.0e-12, 1 ± 1.0e-06])"


def test_mappings():
    assert {"a": 1.0, "b": 2.0} == approx({"b": 2.0000001, "a": 1.0})
    assert {"a": 1.0} != approx({"b": 1.0})
    assert [1.0] != approx({"a": 1.0})
    assert repr(approx({"a": 1.0, "b": 2})) == "approx({'a': 1.0 ± 1.0e-06, 'b': 2 ± 2.0e-06})"


def test_unsupported_structures():
    with pytest.raises(TypeError, match=r"does not support nested data structures: \[1\.0\] at index 0"):
        approx([[1.0]])
    with pytest.raises(TypeError, match=r"does not support nested dictionaries: key='a' value=\[1\.0\]"):
        approx({"a": [1.0]})
    with pytest.raises(TypeError, match="only supports ordered sequences"):
        approx({1.0, 2.0})


def test_boolean_context_and_hash_are_refused():
    with pytest.raises(AssertionError, match="not supported in a boolean context"):
        bool(approx(1.0))
    with pytest.raises(TypeError):
        hash(approx(1.0))


def test_repr_compare_explains_sequence_mismatch():
    lines = approx([1.0, 2.0, 3])._repr_compare([1.0, 2.5, 3])
    assert lines == [
        "comparison failed. Mismatched elements: 1 / 3:",
        "Max absolute difference: 0.5",
        "Max relative difference: 0.2",
        "Index | Obtained | Expected     ",
        "1     | 2.5      | 2.0 ± 2.0e-06",
    ]
    assert approx({"b": 2.0})._repr_compare({"a": 1.0})[1] == (
        "Mappings has different keys: expected dict_keys(['b']) but got dict_keys(['a'])"
    )
