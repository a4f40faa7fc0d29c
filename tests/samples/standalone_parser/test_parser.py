"""pytest.Parser built by test code as a plain argument parser (pydantic-settings' CLI source does)."""

import pytest


def test_parse_declared_options():
    parser = pytest.Parser(_ispytest=True)
    parser.addoption("--fruit", choices=["pear", "kiwi"])
    parser.addoption("--num-list", action="append", type=int)
    parser.getgroup("pets", "the pets").addoption("--pet", default="bird")
    namespace = parser.parse(["--fruit", "pear", "a.py", "--num-list", "1", "--num-list", "2"])
    assert vars(namespace) == {"fruit": "pear", "num_list": [1, 2], "pet": "bird", "file_or_dir": ["a.py"]}


def test_bad_value_is_a_usage_error():
    parser = pytest.Parser(_ispytest=True)
    parser.addoption("--fruit", choices=["pear", "kiwi"])
    with pytest.raises(pytest.UsageError, match="invalid choice"):
        parser.parse(["--fruit", "lime"])


def test_unknown_option_is_a_usage_error():
    parser = pytest.Parser(usage="%(prog)s [options]", _ispytest=True)
    with pytest.raises(pytest.UsageError, match="unrecognized arguments: --colour"):
        parser.parse(["--colour"])


def test_prog():
    parser = pytest.Parser(prog="tool", _ispytest=True)
    assert parser.prog == "tool"
    parser.prog = "other"
    assert parser.prog == "other"


def test_made_without_ispytest_warns():
    with pytest.warns(pytest.PytestDeprecationWarning, match="A private pytest class or function was used") as record:
        pytest.Parser()
    assert record[0].filename == __file__
