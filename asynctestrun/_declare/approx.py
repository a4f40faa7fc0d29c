"""``approx()``: equality within a tolerance for numbers, Decimals, flat sequences and flat mappings.

Semantics follow pytest 9 (numpy arrays are not supported). For a number, ``actual == approx(expected)``
holds when ``|expected - actual| <= max(rel * |expected|, abs)``; the defaults are ``rel=1e-6`` and
``abs=1e-12``, and giving ``abs`` alone switches the relative tolerance off. Exact equality always
passes first, so non-numeric items inside a sequence or mapping compare with plain ``==``.

``_repr_compare()`` explains a failed comparison; the assertion reporter calls it, as pytest's does.
"""

from __future__ import annotations

import builtins
import math
import warnings
from collections.abc import Iterable, Mapping, Sequence, Sized
from decimal import Decimal
from numbers import Complex
from pprint import pformat
from typing import Any, ClassVar

Tolerance = float | int | Decimal


class ApproxDecimalToleranceWarning(UserWarning):
    """A float tolerance given for a Decimal comparison was not exactly representable."""


def _is_number(value: object) -> bool:
    return isinstance(value, Complex | Decimal)


def _is_container(value: object) -> bool:
    return isinstance(value, Iterable) and isinstance(value, Sized) and not isinstance(value, str | bytes)


def _is_nan(value: Any) -> bool:
    return bool(math.isnan(builtins.abs(value)))


def _is_inf(value: Any) -> bool:
    return bool(math.isinf(builtins.abs(value)))


class ApproxBase:
    """Common state: the expected value and the tolerance arguments as given."""

    def __init__(self, expected: Any, rel: Tolerance | None, abs: Tolerance | None, nan_ok: bool) -> None:
        self.expected = expected
        self.rel = rel
        self.abs = abs
        self.nan_ok = nan_ok

    def _scalar(self, value: Any) -> ApproxScalar:
        if isinstance(value, Decimal):
            return ApproxDecimal(value, self.rel, self.abs, self.nan_ok)
        return ApproxScalar(value, self.rel, self.abs, self.nan_ok)

    def __ne__(self, actual: object) -> bool:
        return not self == actual

    def __bool__(self) -> bool:
        __tracebackhide__ = True
        raise AssertionError(
            "approx() is not supported in a boolean context.\nDid you mean: `assert a == approx(b)`?"
        )

    # Equal values must hash equally, which "equal within a tolerance" cannot honour.
    __hash__ = None  # type: ignore[assignment]

    def _repr_compare(self, actual: Any) -> list[str]:
        return ["comparison failed", f"Obtained: {actual}", f"Expected: {self}"]


class ApproxScalar(ApproxBase):
    """One value. Numbers get a tolerance; anything else compares with ``==``."""

    DEFAULT_RELATIVE_TOLERANCE: ClassVar[Tolerance] = 1e-6
    DEFAULT_ABSOLUTE_TOLERANCE: ClassVar[Tolerance] = 1e-12

    def __eq__(self, actual: object) -> bool:
        expected = self.expected
        # True must not pass as approximately 1: a bool expectation wants a bool.
        if isinstance(expected, bool) and not isinstance(actual, bool):
            return False
        if actual == expected:
            return True
        if not (_is_number(expected) and _is_number(actual)):
            return False
        if _is_nan(expected):
            return self.nan_ok and _is_nan(actual)
        if _is_inf(expected):
            return False  # infinity equals only itself, which the exact check above handled
        result: bool = builtins.abs(expected - actual) <= self.tolerance
        return result

    __hash__ = None

    @property
    def tolerance(self) -> Any:
        """``max(rel * |expected|, abs)``; ValueError for a negative or NaN tolerance."""
        absolute = self.abs if self.abs is not None else self.DEFAULT_ABSOLUTE_TOLERANCE
        # NaN first: ordering a Decimal NaN raises InvalidOperation instead of returning False.
        if math.isnan(absolute):
            raise ValueError("absolute tolerance can't be NaN.")
        if absolute < 0:
            raise ValueError(f"absolute tolerance can't be negative: {absolute}")
        if self.rel is None and self.abs is not None:
            return absolute
        rel = self.rel if self.rel is not None else self.DEFAULT_RELATIVE_TOLERANCE
        relative = rel * builtins.abs(self.expected)
        if math.isnan(relative):
            raise ValueError("relative tolerance can't be NaN.")
        if relative < 0:
            raise ValueError(f"relative tolerance can't be negative: {relative}")
        return max(relative, absolute)

    def _format_tolerance(self, tolerance: Any) -> str:
        # Mid-range tolerances read best as plain numbers (0.1, 123.457); tiny or huge ones in
        # scientific notation with one decimal (1.0e-06).
        if 1e-3 <= tolerance < 1e3:
            return f"{tolerance:.6g}"
        return f"{tolerance:.1e}"

    def __repr__(self) -> str:
        expected = self.expected
        if not _is_number(expected) or isinstance(expected, bool) or _is_inf(expected):
            return str(expected)
        try:
            tolerance = self.tolerance
            text = self._format_tolerance(tolerance)
            if isinstance(expected, complex) and expected.imag and not math.isinf(tolerance):
                text += " ∠ ±180°"
        except ValueError:
            text = "???"
        return f"{expected} ± {text}"


class ApproxDecimal(ApproxScalar):
    """A Decimal: tolerances become Decimals too (float and Decimal do not mix in arithmetic)."""

    DEFAULT_RELATIVE_TOLERANCE: ClassVar[Tolerance] = Decimal("1e-6")
    DEFAULT_ABSOLUTE_TOLERANCE: ClassVar[Tolerance] = Decimal("1e-12")

    def __init__(
        self,
        expected: Decimal,
        rel: Tolerance | None,
        abs: Tolerance | None,
        nan_ok: bool,
        stacklevel: int = 4,
    ) -> None:
        super().__init__(
            expected,
            _as_decimal("rel", rel, stacklevel + 1),
            _as_decimal("abs", abs, stacklevel + 1),
            nan_ok,
        )

    def _format_tolerance(self, tolerance: Any) -> str:
        return f"{tolerance:.1e}"


def _as_decimal(name: str, value: Tolerance | None, stacklevel: int) -> Decimal | None:
    if value is None or isinstance(value, Decimal):
        return value
    exact = Decimal(value)
    if isinstance(value, float) and not math.isnan(value) and exact != Decimal(str(value)):
        warnings.warn(
            f"{name}={value!r} cannot be represented exactly as a Decimal and was widened to {exact}.\n"
            f"Pass {name}=Decimal({str(value)!r}) to compare against the tolerance you wrote.",
            ApproxDecimalToleranceWarning,
            stacklevel=stacklevel,
        )
    return exact


class ApproxSequence(ApproxBase):
    """A flat, ordered sequence (list, tuple, range, array...): compared element by element."""

    def __init__(
        self, expected: Sequence[Any], rel: Tolerance | None, abs: Tolerance | None, nan_ok: bool
    ) -> None:
        for index, item in enumerate(expected):
            if _is_container(item):
                raise TypeError(
                    f"pytest.approx() does not support nested data structures: {item!r} at index {index}\n"
                    f"  full sequence: {pformat(expected)}"
                )
        super().__init__(expected, rel, abs, nan_ok)

    def __eq__(self, actual: object) -> bool:
        try:
            if len(actual) != len(self.expected):  # type: ignore[arg-type]
                return False
        except TypeError:
            return False
        pairs = zip(actual, self.expected, strict=True)  # type: ignore[call-overload]
        return all(a == self._scalar(e) for a, e in pairs)

    __hash__ = None

    def __repr__(self) -> str:
        seq_type = type(self.expected) if type(self.expected) in (list, tuple) else list
        return f"approx({seq_type(self._scalar(item) for item in self.expected)!r})"

    def _repr_compare(self, actual: Any) -> list[str]:
        if len(actual) != len(self.expected):
            return [
                "Impossible to compare lists with different sizes.",
                f"Lengths: {len(self.expected)} and {len(actual)}",
            ]
        rows = [(str(i), a, e) for i, (a, e) in enumerate(zip(actual, self.expected, strict=True))]
        # pytest divides the sequence difference by the obtained value (and the mapping one by the expected).
        return _mismatch_table(self, rows, len(self.expected), relative_to_obtained=True)


class ApproxMapping(ApproxBase):
    """A flat mapping: the same keys, and each value approximately equal."""

    def __init__(
        self, expected: Mapping[Any, Any], rel: Tolerance | None, abs: Tolerance | None, nan_ok: bool
    ) -> None:
        for key, value in expected.items():
            if _is_container(value):
                raise TypeError(
                    f"pytest.approx() does not support nested dictionaries: key={key!r} value={value!r}\n"
                    f"  full mapping={pformat(expected)}"
                )
        super().__init__(expected, rel, abs, nan_ok)

    def __eq__(self, actual: object) -> bool:
        try:
            if set(actual.keys()) != set(self.expected.keys()):  # type: ignore[attr-defined]
                return False
        except AttributeError:
            return False
        return all(actual[key] == self._scalar(value) for key, value in self.expected.items())  # type: ignore[index]

    __hash__ = None

    def __repr__(self) -> str:
        return f"approx({ {key: self._scalar(value) for key, value in self.expected.items()}!r})"

    def _repr_compare(self, actual: Any) -> list[str]:
        if set(actual.keys()) != set(self.expected.keys()):
            return [
                "comparison failed.",
                f"Mappings has different keys: expected {self.expected.keys()} but got {actual.keys()}",
            ]
        rows = [(str(key), actual[key], value) for key, value in self.expected.items()]
        return _mismatch_table(self, rows, len(self.expected), relative_to_obtained=False)


def _mismatch_table(
    approx: ApproxBase, rows: list[tuple[str, Any, Any]], total: int, *, relative_to_obtained: bool
) -> list[str]:
    """The failure explanation for a sequence or mapping: one table row per mismatched item."""
    mismatched: list[tuple[str, str, str]] = []
    max_abs: Any = -math.inf
    max_rel: Any = -math.inf
    for key, obtained, expected in rows:
        approx_value = approx._scalar(expected)
        if obtained == approx_value:
            continue
        mismatched.append((key, str(obtained), repr(approx_value)))
        if _is_number(obtained) and _is_number(expected):
            diff = builtins.abs(obtained - expected)
            max_abs = max(max_abs, diff)
            base = builtins.abs(obtained if relative_to_obtained else expected)
            if base:
                max_rel = max(max_rel, diff / base)
    table = [("Index", "Obtained", "Expected"), *mismatched]
    widths = [max(len(row[column]) for row in table) for column in range(3)]
    return [
        f"comparison failed. Mismatched elements: {len(mismatched)} / {total}:",
        f"Max absolute difference: {max_abs}",
        f"Max relative difference: {max_rel}",
        *(" | ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)) for row in table),
    ]


def approx(
    expected: Any, rel: Tolerance | None = None, abs: Tolerance | None = None, nan_ok: bool = False
) -> ApproxBase:
    """Wrap ``expected`` so that ``==`` allows a tolerance (see the module docstring)."""
    if isinstance(expected, Decimal):
        return ApproxDecimal(expected, rel, abs, nan_ok, stacklevel=3)
    if isinstance(expected, Mapping):
        return ApproxMapping(expected, rel, abs, nan_ok)
    if isinstance(expected, Sequence) and not isinstance(expected, str | bytes):
        return ApproxSequence(expected, rel, abs, nan_ok)
    if _is_container(expected):
        raise TypeError(f"pytest.approx() only supports ordered sequences, but got: {expected!r}")
    return ApproxScalar(expected, rel, abs, nan_ok)
