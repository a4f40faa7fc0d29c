"""Unit tests for asynctestrun._select.expression: the -k / -m expression language and its matchers."""

from __future__ import annotations

import pytest

from asynctestrun._select.expression import (
    Expression,
    ExpressionError,
    UnsupportedExpressionError,
    keyword_matcher,
    marker_matcher,
)


def holds(text: str, *true_names: str) -> bool:
    """Evaluate ``text`` with the bare identifiers in ``true_names`` true and every other one false."""
    return Expression.compile(text).evaluate(lambda name, **kwargs: not kwargs and name in true_names)


def error_of(text: str) -> tuple[str, int]:
    with pytest.raises(ExpressionError) as info:
        Expression.compile(text)
    return info.value.message, info.value.column


@pytest.mark.parametrize("text", ["", " ", "\t  "])
def test_empty_expression_matches_everything(text: str) -> None:
    assert Expression.compile(text).evaluate(lambda name: False) is True


@pytest.mark.parametrize(
    ("text", "true_names", "expected"),
    [
        ("a", ("a",), True),
        ("a", (), False),
        ("not a", ("a",), False),
        ("not not a", ("a",), True),
        ("not not not a", ("a",), False),
        ("a and b", ("a",), False),
        ("a and b", ("a", "b"), True),
        ("a or b", ("b",), True),
        ("a or b", (), False),
        # and binds tighter than or
        ("a or b and c", ("a",), True),
        ("a or b and c", ("b",), False),
        ("a and b or c", ("c",), True),
        # not binds tighter than and
        ("not a and b", ("b",), True),
        ("not a and b", ("a", "b"), False),
        # parentheses override precedence
        ("(a or b) and c", ("a",), False),
        ("(a or b) and c", ("a", "c"), True),
        ("not (a or b)", ("b",), False),
        ("not (a or b)", (), True),
        ("((a))", ("a",), True),
        ("not(a)and(b)or(c)", ("b",), True),
        ("\ta\tor\tb", ("b",), True),
    ],
)
def test_boolean_semantics_and_precedence(text: str, true_names: tuple[str, ...], expected: bool) -> None:
    assert holds(text, *true_names) is expected


@pytest.mark.parametrize(
    "name",
    [
        "test_a[1-2]",
        "a.b",
        "x/y",
        "a\\b",
        "mod.py::Cls::test",
        "+c",
        "-x",
        "[id]",
        "1.5",
        "é",
        "True",
        "None",
    ],
)
def test_odd_identifiers_are_single_names(name: str) -> None:
    expression = Expression.compile(name)
    assert expression.idents == frozenset({name})
    seen: list[str] = []

    def matcher(ident: str) -> bool:
        seen.append(ident)
        return True

    assert expression.evaluate(matcher) is True
    assert seen == [name]


def test_keywords_are_not_identifiers_but_longer_words_are() -> None:
    expression = Expression.compile("andy or nota or ORr or And")
    assert expression.idents == frozenset({"andy", "nota", "ORr", "And"})


def test_true_false_none_are_ordinary_identifiers() -> None:
    # pytest 9 accepts them as names; they are looked up with the matcher like any other word.
    assert holds("True", "True") is True
    assert holds("True") is False
    assert holds("None or False", "False") is True


def test_evaluation_short_circuits() -> None:
    asked: list[str] = []

    def matcher(name: str) -> bool:
        asked.append(name)
        return name == "a"

    assert Expression.compile("a or b").evaluate(matcher) is True
    assert Expression.compile("b and a").evaluate(matcher) is False
    assert asked == ["a", "b"]


@pytest.mark.parametrize(
    ("text", "message", "column"),
    [
        ("not", "expected not OR left parenthesis OR identifier; got end of input", 4),
        ("a and", "expected not OR left parenthesis OR identifier; got end of input", 6),
        ("a and and $", "expected not OR left parenthesis OR identifier; got and", 7),
        ("or", "expected not OR left parenthesis OR identifier; got or", 1),
        ("()", "expected not OR left parenthesis OR identifier; got right parenthesis", 2),
        ('"s"', "expected not OR left parenthesis OR identifier; got string literal", 1),
        ("(a", "expected right parenthesis; got end of input", 3),
        ("a)", "expected end of input; got right parenthesis", 2),
        # one token of look-ahead: the stray identifier is reported before the bad character after it
        ("a b $", "expected end of input; got identifier", 3),
        ("a=", "expected end of input; got =", 2),
        ("a,b", "expected end of input; got ,", 2),
        ("a*b", 'unexpected character "*"', 2),
        ("a\nb", 'unexpected character "\n"', 2),
        ("a 'b", 'closing quote "\'" is missing', 3),
    ],
)
def test_syntax_errors_report_message_and_column(text: str, message: str, column: int) -> None:
    assert error_of(text) == (message, column)


def test_error_str_leads_with_the_column() -> None:
    with pytest.raises(ExpressionError, match=r"^at column 5: expected not OR left parenthesis"):
        Expression.compile("a or")


def test_too_deep_nesting_is_an_error_not_a_crash() -> None:
    assert Expression.compile("(" * 100 + "a" + ")" * 100).evaluate(lambda name: True) is True
    message, column = error_of("(" * 101 + "a" + ")" * 101)
    assert (message, column) == ("more than 100 nested parentheses", 101)


def test_long_not_chains_and_flat_or_chains_do_not_recurse() -> None:
    assert holds("not " * 5000 + "a", "a") is True
    assert holds(" or ".join(f"n{i}" for i in range(5000)), "n4999") is True


@pytest.mark.parametrize(
    ("text", "name", "kwargs"),
    [
        ("m(x=1)", "m", {"x": 1}),
        ("m(x=-12)", "m", {"x": -12}),
        ("m(x=True, y=False, z=None)", "m", {"x": True, "y": False, "z": None}),
        ("m(s='a b', t=\"it's\", u='')", "m", {"s": "a b", "t": "it's", "u": ""}),
        ("m( x = 1 , y = 'q' )", "m", {"x": 1, "y": "q"}),
        # the matcher's name is positional-only, so "name" is usable as a key
        ("m(name='n')", "m", {"name": "n"}),
        ("a.b(k=1)", "a.b", {"k": 1}),
    ],
)
def test_call_form_passes_kwargs_to_the_matcher(text: str, name: str, kwargs: dict[str, object]) -> None:
    calls: list[tuple[str, dict[str, object]]] = []

    def matcher(ident: str, /, **given: object) -> bool:
        calls.append((ident, given))
        return True

    assert Expression.compile(text).evaluate(matcher) is True
    assert calls == [(name, kwargs)]


@pytest.mark.parametrize(
    ("text", "message", "column"),
    [
        ("m()", "expected identifier; got right parenthesis", 3),
        ("m(x=1,)", "expected identifier; got right parenthesis", 7),
        ("m(x=1", "expected right parenthesis; got end of input", 6),
        ("m(x=1 y=2)", "expected right parenthesis; got identifier", 7),
        ("m(x)", "expected =; got right parenthesis", 4),
        ("m(x=1.5)", 'unexpected character/s "1.5"', 5),
        ("m(x=abc)", 'unexpected character/s "abc"', 5),
        ("m(x=--1)", 'unexpected character/s "--1"', 5),
        ("m(x=²)", 'unexpected character/s "²"', 5),
        ("m(a-b=1)", "not a valid python identifier a-b", 3),
        ("m(True=1)", "unexpected reserved python keyword `True`", 3),
        ("m(if=1)", "unexpected reserved python keyword `if`", 3),
        ("m(x=1, x=2)", "keyword argument repeated: x", 8),
        ("m(x='a)", 'closing quote "\'" is missing', 5),
        ('m(y="a\\b")', 'escaping with "\\" not supported in marker expression', 7),
    ],
)
def test_call_form_errors(text: str, message: str, column: int) -> None:
    assert error_of(text) == (message, column)


def test_idents_lists_names_but_not_kwarg_keys() -> None:
    expression = Expression.compile("slow and not db(engine='pg') or http")
    assert expression.idents == frozenset({"slow", "db", "http"})


# -k


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("add", True),  # substring
        ("ADD", True),  # case-insensitive
        ("TestMath", True),  # parent class name
        ("slow", True),  # marker name
        ("test_add[1-2]", True),
        ("1-2", True),
        ("test_sub", False),
        ("add and not slow", False),
        ("math and not sub", True),
    ],
)
def test_keyword_matcher(text: str, expected: bool) -> None:
    matcher = keyword_matcher(["test_add[1-2]", "TestMath", "test_math.py", "slow"])
    assert Expression.compile(text).evaluate(matcher) is expected


def test_keyword_matcher_refuses_call_parameters_with_a_column() -> None:
    matcher = keyword_matcher(["test_a"])
    with pytest.raises(UnsupportedExpressionError, match="do not support call parameters"):
        matcher("a", x=1)
    with pytest.raises(ExpressionError) as info:
        Expression.compile("nope or x(a=1)").evaluate(matcher)
    assert (info.value.message, info.value.column) == (
        "Keyword expressions do not support call parameters.",
        9,
    )
    # short-circuiting means the call is never asked about when the left side already matched
    assert Expression.compile("test or x(a=1)").evaluate(matcher) is True


# -m


MARKS: list[tuple[str, dict[str, object]]] = [
    ("slow", {}),
    ("db", {"engine": "pg", "port": 5432}),
    ("db", {"engine": "sqlite"}),
    ("flag", {"on": True, "missing": None}),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("slow", True),
        ("SLOW", False),  # exact, case-sensitive
        ("slo", False),  # no substring matching
        ("not slow", False),
        ("fast", False),
        ("db(engine='pg')", True),
        ("db(engine='sqlite')", True),  # any mark of that name may satisfy the kwargs
        ("db(engine='mysql')", False),
        ("db(engine='pg', port=5432)", True),
        ("db(engine='sqlite', port=5432)", False),  # all kwargs must hold on the same mark
        ("db(port='5432')", False),  # a string is not an int
        ("flag(on=True)", True),
        ("flag(on=1)", True),  # values compare with ==, as in pytest
        ("flag(missing=None)", True),
        ("slow(missing=None)", False),  # absent is not None
        ("slow and db(engine='pg') and not flag(on=False)", True),
    ],
)
def test_marker_matcher(text: str, expected: bool) -> None:
    assert Expression.compile(text).evaluate(marker_matcher(MARKS)) is expected


def test_marker_matcher_accepts_a_one_shot_iterable() -> None:
    matcher = marker_matcher(iter(MARKS))
    assert matcher("slow") is True
    assert matcher("db", engine="sqlite") is True
