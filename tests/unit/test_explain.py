"""Comparison details (asynctestrun._rewrite.explain) and its helpers saferepr and pretty.

Expected lines are what pytest 9 shows for the same comparison.
"""

import collections
import dataclasses

import pytest

from asynctestrun._rewrite.explain import explain_comparison, truncate_explanation
from asynctestrun._rewrite.pretty import pretty_lines
from asynctestrun._rewrite.saferepr import ellipsize, safe_repr


@pytest.fixture(autouse=True)
def _not_on_ci(monkeypatch):
    # On CI (CI or BUILD_NUMBER set) pytest shows diffs in full; these expectations are the local ones.
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv("BUILD_NUMBER", raising=False)


@dataclasses.dataclass
class Point:
    x: object
    y: object = 0
    note: str = dataclasses.field(default="", compare=False)


@dataclasses.dataclass(eq=False)
class Plain:
    a: int


Pair = collections.namedtuple("Pair", "a b")


class AttrsLike:
    """Looks like an attrs class to the explainer: ``__attrs_attrs__`` lists the fields."""

    class _Field:
        def __init__(self, name, eq=True):
            self.name = name
            self.eq = eq

    __attrs_attrs__ = (_Field("a"), _Field("b"), _Field("ignored", eq=False))

    def __init__(self, a, b, ignored=0):
        self.a, self.b, self.ignored = a, b, ignored

    def __repr__(self):
        return f"AttrsLike(a={self.a!r}, b={self.b!r})"


class OwnEq:
    def __eq__(self, other):
        return False

    __hash__ = object.__hash__


TEXT_CASES = [
    ("'hello' == 'hallo'", "hello", "hallo", ["- hallo", "?  ^", "+ hello", "?  ^"]),
    (
        "'line1\\nline2\\nline3' == 'line1\\nlineX\\nline3'",
        "line1\nline2\nline3",
        "line1\nlineX\nline3",
        ["  line1", "- lineX", "?     ^", "+ line2", "?     ^", "  line3"],
    ),
    (
        "'aaaaaaaaaaaa...aaXbbbbbbbbbb' == 'aaaaaaaaaaaa...aaYbbbbbbbbbb'",
        "a" * 50 + "X" + "b" * 10,
        "a" * 50 + "Y" + "b" * 10,
        [
            "Skipping 40 identical leading characters in diff, use -v to show",
            "- aaaaaaaaaaYbbbbbbbbbb",
            "?           ^",
            "+ aaaaaaaaaaXbbbbbbbbbb",
            "?           ^",
        ],
    ),
    (
        "'xxxxxxxxxxxx...yyyyyyyyyyyyy' == 'xxxxxxxxxxxx...yyyyyyyyyyyyy'",
        "x" * 60 + "a" + "y" * 60,
        "x" * 60 + "b" + "y" * 60,
        [
            "Skipping 50 identical leading characters in diff, use -v to show",
            "Skipping 51 identical trailing characters in diff, use -v to show",
            "- xxxxxxxxxxbyyyyyyyyy",
            "?           ^",
            "+ xxxxxxxxxxayyyyyyyyy",
            "?           ^",
        ],
    ),
    (
        "'aaaaaaaaaaaa...aaaaaaaaaaaaa' == 'aaaaaaaaaaaa...aaaaaaaaaaaab'",
        "a" * 100,
        "a" * 100 + "b",
        [
            "Skipping 89 identical leading characters in diff, use -v to show",
            "- aaaaaaaaaaab",
            "?            -",
            "+ aaaaaaaaaaa",
        ],
    ),
    ("'abc\\n' == 'abc'", "abc\n", "abc", ["- abc", "+ abc", "?    +"]),
    (
        "'  ' == ' '",
        "  ",
        " ",
        ["Strings contain only whitespace, escaping them using repr()", "- ' '", "+ '  '", "?   +"],
    ),
    ("'\\xe9' == 'e\\u0301'", "\u00e9", "e\u0301", ["- e\u0301", "+ \u00e9"]),
]


@pytest.mark.parametrize(("summary", "left", "right", "details"), TEXT_CASES)
def test_text_diff(summary, left, right, details):
    assert explain_comparison("==", left, right) == [summary, "", *details]


def test_text_is_not_shortened_when_verbose():
    left, right = "a" * 50 + "X", "a" * 50 + "Y"
    lines = explain_comparison("==", left, right, verbose=1)
    assert lines[2] == "- " + right
    lines = explain_comparison("==", left, right, verbose=2)
    assert lines[0] == f"{left!r} == {right!r}"


@pytest.mark.parametrize(
    ("left", "right", "details"),
    [
        ([1, 2, 3], [1, 2, 4, 5], ["At index 2 diff: 3 != 4", "Right contains one more item: 5"]),
        ([1, 2, 3, 6, 7], [1, 2], ["Left contains 3 more items, first extra item: 3"]),
        ((1, 2), (1, 3), ["At index 1 diff: 2 != 3"]),
        ([1], (1,), []),
        ([], [1], ["Right contains one more item: 1"]),
        (b"abc", b"abd", ["At index 2 diff: b'c' != b'd'"]),
        (bytearray(b"ab"), bytearray(b"ac"), ["At index 1 diff: 98 != 99"]),
        ([[0] * 30], [1], [f"At index 0 diff: {[0] * 30!r} != 1"]),
    ],
)
def test_sequences(left, right, details):
    lines = explain_comparison("==", left, right)
    assert lines[2:] == [*details, "Use -v to get more diff"]


def test_sequence_full_diff_when_verbose():
    assert explain_comparison("==", [1, 2, 3], [1, 2, 4, 5], verbose=1) == [
        "[1, 2, 3] == [1, 2, 4, 5]",
        "",
        "At index 2 diff: 3 != 4",
        "Right contains one more item: 5",
        "",
        "Full diff: (-: missing in left side, +: extra in left side)",
        "  [",
        "      1,",
        "      2,",
        "-     4,",
        "?     ^",
        "+     3,",
        "?     ^",
        "-     5,",
        "  ]",
    ]


def test_dicts():
    assert explain_comparison("==", {"a": 1, "b": 2}, {"a": 1, "b": 3}) == [
        "{'a': 1, 'b': 2} == {'a': 1, 'b': 3}",
        "",
        "Omitting 1 identical items, use -vv to show",
        "Differing items:",
        "{'b': 2} != {'b': 3}",
        "Use -v to get more diff",
    ]
    assert explain_comparison("==", {"a": 1, "b": 2, "c": 5}, {"a": 1})[2:] == [
        "Omitting 1 identical items, use -vv to show",
        "Left contains 2 more items:",
        "{'b': 2, 'c': 5}",
        "Use -v to get more diff",
    ]
    assert explain_comparison("==", {}, {"a": 1})[2:] == [
        "Right contains 1 more item:",
        "{'a': 1}",
        "Use -v to get more diff",
    ]


def test_dicts_keep_insertion_order_in_summary_and_full_diff():
    lines = explain_comparison("==", {"a": 1}, {"a": 1, "z": 9, "y": 8}, verbose=1)
    assert lines[0] == "{'a': 1} == {'a': 1, 'z': 9, 'y': 8}"
    assert lines[-5:] == ["  {", "      'a': 1,", "-     'z': 9,", "-     'y': 8,", "  }"]


def test_dicts_show_common_items_at_vv():
    lines = explain_comparison("==", {"a": 1, "b": 2}, {"a": 1, "b": 3}, verbose=2)
    assert lines[2:6] == ["Common items:", "{'a': 1}", "Differing items:", "{'b': 2} != {'b': 3}"]


def test_sets():
    assert explain_comparison("==", {1, 2, 3}, {2, 3, 4, 5})[2:] == [
        "Extra items in the left set:",
        "1",
        "Extra items in the right set:",
        "4",
        "5",
        "Use -v to get more diff",
    ]
    assert explain_comparison("==", frozenset({1}), frozenset({2}), verbose=1)[-7:] == [
        "Full diff: (-: missing in left side, +: extra in left side)",
        "  frozenset({",
        "-     2,",
        "?     ^",
        "+     1,",
        "?     ^",
        "  })",
    ]


def test_dataclasses_drill_down_into_differing_attributes():
    assert explain_comparison("==", Point(Point(1, "x"), 2), Point(Point(1, "y"), 2)) == [
        "Point(x=Point... y=2, note='') == Point(x=Point... y=2, note='')",
        "",
        "Omitting 1 identical items, use -vv to show",
        "Differing attributes:",
        "['x']",
        "",
        "Drill down into differing attribute x:",
        "  x: Point(x=1, y='x', note='') != Point(x=1, y='y', note='')",
        "  ",
        "  Omitting 1 identical items, use -vv to show",
        "  Differing attributes:",
        "  ['y']",
        "  ",
        "  Drill down into differing attribute y:",
        "    y: 'x' != 'y'",
        "    - y",
        "    + x",
    ]


def test_dataclass_attribute_that_is_a_list():
    assert explain_comparison("==", Point([1, 2]), Point([1, 3]))[6:] == [
        "Drill down into differing attribute x:",
        "  x: [1, 2] != [1, 3]",
        "  At index 1 diff: 2 != 3",
        "  Use -v to get more diff",
    ]


def test_matching_attributes_at_vv_and_eq_false_dataclasses():
    lines = explain_comparison("==", Point(1, 2), Point(1, 3), verbose=2)
    assert lines[2:6] == ["Matching attributes:", "['x']", "Differing attributes:", "['y']"]
    assert explain_comparison("==", Plain(1), Plain(2))[2:] == [
        "Differing attributes:",
        "['a']",
        "",
        "Drill down into differing attribute a:",
        "  a: 1 != 2",
    ]


def test_namedtuples_and_attrs_classes():
    assert explain_comparison("==", Pair(1, 2), Pair(1, 3))[2:] == [
        "Omitting 1 identical items, use -vv to show",
        "Differing attributes:",
        "['b']",
        "",
        "Drill down into differing attribute b:",
        "  b: 2 != 3",
        "Use -v to get more diff",
    ]
    assert explain_comparison("==", AttrsLike(1, 2, ignored=5), AttrsLike(1, 3))[2:] == [
        "Omitting 1 identical items, use -vv to show",
        "Differing attributes:",
        "['b']",
        "",
        "Drill down into differing attribute b:",
        "  b: 2 != 3",
    ]


def test_not_in_points_at_the_match():
    assert explain_comparison("not in", "foo", "a\nfoo\nb") == [
        "'foo' not in 'a\\nfoo\\nb'",
        "",
        "'foo' is contained here:",
        "  a",
        "  foo",
        "  b",
    ]
    long_text = "x" * 100 + "foo" + "y" * 100
    assert explain_comparison("not in", "foo", long_text)[2:] == [
        "'foo' is contained here:",
        "  xxxxxxxxxxfoo" + "y" * 100,
        "?           +++",
    ]


@pytest.mark.parametrize(
    ("op", "left", "right"),
    [
        ("==", 1, 2),
        ("==", 1.5, 2),
        ("==", 1, "1"),
        ("==", Point(1), 5),
        ("==", OwnEq(), OwnEq()),
        ("!=", "abc", "abc"),
        ("in", "foo", "bar"),
        ("not in", 1, [1, 2]),
        ("<", [1], [2]),
        ("is", None, 1),
    ],
)
def test_nothing_to_add(op, left, right):
    assert explain_comparison(op, left, right) is None


def test_summary_reprs_are_shortened_and_safe():
    class Broken:
        def __repr__(self):
            raise ValueError("nope")

    lines = explain_comparison("==", [Broken()], [1])
    assert lines[0].startswith("[<[ValueError...")  # the failing repr, cut to fit the line
    assert lines[0].endswith(">] == [1]")
    assert explain_comparison("==", list(range(100)), list(range(101)))[0] == (
        "[0, 1, 2, 3, 4, 5, ...] == [0, 1, 2, 3, 4, 5, ...]"
    )


def test_truncation_keeps_about_eight_lines():
    short = [f"line{i}" for i in range(10)]
    assert truncate_explanation(short) == short
    long = [f"line{i}" for i in range(20)]
    assert truncate_explanation(long) == [
        *long[:7],
        "line7...",
        "",
        "...Full output truncated, use '-vv' to show",
    ]
    wide = ["x" * 100] * 8
    assert truncate_explanation(wide) == [
        *wide[:6],
        "x" * 40 + "...",
        "",
        "...Full output truncated, use '-vv' to show",
    ]


def test_safe_repr():
    class Broken:
        def __repr__(self):
            raise RuntimeError("bad")

    assert safe_repr(Broken()).startswith("<[RuntimeError('bad') raised in repr()] Broken object at 0x")
    assert safe_repr(list(range(30))) == "[0, 1, 2, 3, 4, 5, ...]"
    assert safe_repr(list(range(30)), None) == repr(list(range(30)))
    assert safe_repr({"b": 1, "a": 2, "c": 3, "d": 4, "e": 5}) == "{'b': 1, 'a': 2, 'c': 3, 'd': 4, ...}"
    assert len(safe_repr("x" * 1000)) == 240
    assert safe_repr("x" * 1000).count("...") == 1
    assert ellipsize("abcdefghij", 9) == "abc...hij"
    assert safe_repr("caf\u00e9", use_ascii=True) == "'caf\\xe9'"


def test_pretty_lines():
    assert pretty_lines([1, {"a": (2,)}, set(), "x\ny"]) == [
        "[",
        "    1,",
        "    {",
        "        'a': (",
        "            2,",
        "        ),",
        "    },",
        "    set(),",
        "    'x\\n'",
        "    'y',",
        "]",
    ]
    assert pretty_lines(Point(1, [2])) == [
        "Point(",
        "    x=1,",
        "    y=[",
        "        2,",
        "    ],",
        "    note='',",
        ")",
    ]
    assert pretty_lines({3, 1, 2}) == ["{", "    1,", "    2,", "    3,", "}"]
    assert pretty_lines(Pair(1, 2)) == ["Pair(a=1, b=2)"]

    class TwoLines:
        def __repr__(self):
            return "a\nb"

    assert pretty_lines({"k": TwoLines()}) == ["{", "    'k': a", "    b,", "}"]
    loop = [1]
    loop.append(loop)
    assert pretty_lines(loop)[2].startswith("    <Recursion on list with id=")


def test_full_diff_on_ci_even_when_empty(monkeypatch):
    # pytest's test is whether the variable exists, whatever its value.
    monkeypatch.setenv("CI", "")
    lines = explain_comparison("==", [1, 2, 3], [1, 2])
    assert lines is not None and "Full diff: (-: missing in left side, +: extra in left side)" in lines
    assert "Use -v to get more diff" not in lines
