"""The arguments the CLI did not know, parsed again against the options plugins and conftests declare:
in command-line order, with a break where the CLI took out an option of its own."""

from __future__ import annotations

from asynctestrun import cli
from asynctestrun._shim.config import ARGUMENT_BREAK, Parser

BREAK = ARGUMENT_BREAK


def test_an_option_the_cli_took_out_leaves_a_break() -> None:
    tokens = ["--cov", "-q", "tests"]
    assert cli._reparse_args(tokens, ["--cov"], ["tests"]) == ["--cov", BREAK, "tests"]


def test_a_path_before_the_flag_stays_before_it() -> None:
    assert cli._reparse_args(["tests", "--cov"], ["--cov"], ["tests"]) == ["tests", "--cov"]


def test_a_value_right_after_its_flag_stays_next_to_it() -> None:
    tokens = ["-p", "no:cacheprovider", "--level", "tests", "-v", "--name", "x", "other"]
    assert cli._reparse_args(tokens, ["--level", "--name", "x"], ["tests", "other"]) == [
        "--level", "tests", BREAK, "--name", "x", "other"
    ]


def test_a_token_the_cli_spelled_otherwise_goes_last() -> None:
    reparsed = cli._reparse_args(["--level", "a.py"], ["--level", "--odd"], ["a.py"])
    assert reparsed == ["--level", "a.py", "--odd"]


def test_the_break_ends_an_optional_value_and_sets_nothing() -> None:
    parser = Parser(_ispytest=True)
    parser.addoption("--level", nargs="?", const="high", default="low")
    namespace, rest = parser.argparser().parse_known_args(["--level", BREAK, "tests"])
    assert vars(namespace) == {"level": "high", "file_or_dir": ["tests"]}
    assert rest == []
    assert parser.defaults() == {"level": "low"}
