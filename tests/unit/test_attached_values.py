"""``-m=expr``: a short option's value after "=", as pytest's argparse reads it."""

from __future__ import annotations

from asynctestrun import cli


def test_a_short_option_taking_a_value_is_split_at_the_first_equals() -> None:
    split = cli._split_attached_values(["-m=slow", "-o=timeout=3", "-k=a==b", "-p=no:x"])
    assert split == ["-m", "slow", "-o", "timeout=3", "-k", "a==b", "-p", "no:x"]


def test_flags_long_options_and_paths_are_left_alone() -> None:
    tokens = ["-x=1", "--junitxml=out.xml", "dir=1/test_a.py", "-mslow"]
    assert cli._split_attached_values(tokens) == tokens


def test_a_value_that_looks_like_an_option_stays_whole() -> None:
    assert cli._split_attached_values(["-k", "-m=x"]) == ["-k", "-m=x"]


def test_nothing_after_a_double_dash_is_split() -> None:
    assert cli._split_attached_values(["-m=a", "--", "-m=b"]) == ["-m", "a", "--", "-m=b"]
