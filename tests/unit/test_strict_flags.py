"""``--strict-config`` / ``--strict-markers`` / ``--strict``: each is the ``-o KEY=true`` it stands for."""

from __future__ import annotations

from asynctestrun import cli


def test_each_flag_is_followed_by_its_override() -> None:
    tokens = ["--strict-config", "-o", "strict_config=false", "--strict-markers", "--strict"]
    assert cli._with_strict_overrides(tokens) == [
        "--strict-config",
        "-o",
        "strict_config=true",
        "-o",
        "strict_config=false",
        "--strict-markers",
        "-o",
        "strict_markers=true",
        "--strict",
        "-o",
        "strict=true",
    ]


def test_a_flag_as_an_options_value_or_after_a_double_dash_is_left_alone() -> None:
    tokens = ["-k", "--strict", "--", "--strict-config"]
    assert cli._with_strict_overrides(tokens) == tokens
