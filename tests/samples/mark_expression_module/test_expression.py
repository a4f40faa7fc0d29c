"""Plugins reuse pytest's -k / -m language through ``_pytest.mark.expression`` (syrupy does, to tell
which snapshots the -k expression selected); its API is pytest's, not asynctestrun's own."""

import pytest
from _pytest.mark.expression import Expression, ExpressionMatcher


def test_evaluates_against_a_matcher():
    expression = Expression.compile("a and not (b or c)")
    assert expression.evaluate(lambda name: name == "a")
    assert not expression.evaluate(lambda name: name in ("a", "c"))
    assert expression.input == "a and not (b or c)"
    assert expression.idents() == {"a", "b", "c"}


def test_keyword_arguments_reach_the_matcher():
    seen = []

    def matcher(name, **kwargs):
        seen.append((name, kwargs))
        return True

    assert Expression.compile('m(x=1, y="s", z=True)').evaluate(matcher)
    assert seen == [("m", {"x": 1, "y": "s", "z": True})]


def test_an_empty_expression_matches_nothing():
    assert Expression.compile("").evaluate(lambda name: True) is False
    assert Expression.compile("   ").idents() == frozenset()


@pytest.mark.parametrize(
    ("text", "message", "offset"),
    [
        ("a and", "expected not OR left parenthesis OR identifier; got end of input", 6),
        ("(a", "expected right parenthesis; got end of input", 3),
        ("a b", "expected end of input; got identifier", 3),
        ("a $", 'unexpected character "$"', 3),
    ],
    ids=["dangling-and", "unclosed", "two-names", "bad-character"],
)
def test_a_malformed_expression_is_a_syntax_error(text, message, offset):
    with pytest.raises(SyntaxError) as info:
        Expression.compile(text)
    assert (info.value.msg, info.value.offset) == (message, offset)
    assert (info.value.filename, info.value.lineno, info.value.text) == ("<pytest match expression>", 1, text)


def test_the_matcher_protocol_is_importable():
    assert ExpressionMatcher is not None
