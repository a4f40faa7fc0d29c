"""Tests for asynctestrun._config.inifile: config-file discovery, rootdir, raw values.

Expected results were checked against pytest 9.2 on the same file trees. The fallback cases
assume no pytest configuration file above the temporary directory.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from asynctestrun._config.inifile import (
    ConfigFileError,
    IniConfig,
    get_args,
    get_bool,
    get_lines,
    get_list,
    locate,
)


def make(root: Path, files: dict[str, str]) -> Path:
    """Create *files* (relative path → text; a trailing "/" makes a directory) under *root*."""
    for rel, text in files.items():
        path = root / rel
        if rel.endswith("/"):
            path.mkdir(parents=True, exist_ok=True)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    return root


def found(config: IniConfig, root: Path) -> tuple[str, str | None]:
    """Rootdir and config file, relative to *root*, for compact assertions."""
    inipath = None if config.inipath is None else config.inipath.relative_to(root).as_posix()
    return config.rootdir.relative_to(root).as_posix(), inipath


# ---------------------------------------------------------------- each kind of file


@pytest.mark.parametrize(
    ("name", "text", "section", "values"),
    [
        ("pytest.toml", '[pytest]\naddopts = ["-v"]\n', "pytest", {"addopts": ["-v"]}),
        (".pytest.toml", '[pytest]\nminversion = "9.0"\n', "pytest", {"minversion": "9.0"}),
        ("pytest.ini", "[pytest]\naddopts = -v\n", "pytest", {"addopts": "-v"}),
        (".pytest.ini", "[pytest]\naddopts = -v\n", "pytest", {"addopts": "-v"}),
        ("pyproject.toml", '[tool.pytest]\naddopts = ["-v"]\n', "tool.pytest", {"addopts": ["-v"]}),
        (
            "pyproject.toml",
            '[tool.pytest.ini_options]\naddopts = "-v"\n',
            "tool.pytest.ini_options",
            {"addopts": "-v"},
        ),
        (
            "pyproject.toml",
            '[tool.asynctestrun]\nasyncio_mode = "auto"\n',
            "tool.asynctestrun",
            {"asyncio_mode": "auto"},
        ),
        ("tox.ini", "[tox]\nenvlist = py\n[pytest]\naddopts = -v\n", "pytest", {"addopts": "-v"}),
        (
            "setup.cfg",
            "[metadata]\nname = x\n[tool:pytest]\naddopts = -v\n",
            "tool:pytest",
            {"addopts": "-v"},
        ),
    ],
)
def test_each_kind_of_file_configures_the_run(
    tmp_path: Path, name: str, text: str, section: str, values: dict[str, object]
) -> None:
    make(tmp_path, {name: text, "tests/": ""})

    config = locate([], tmp_path / "tests")

    assert found(config, tmp_path) == (".", name)
    assert config.section == section
    assert dict(config.values) == values


@pytest.mark.parametrize("name", ["pytest.toml", ".pytest.toml", "pytest.ini", ".pytest.ini"])
def test_dedicated_files_count_even_when_empty(tmp_path: Path, name: str) -> None:
    make(tmp_path, {name: "", "tox.ini": "[pytest]\naddopts = -v\n"})

    config = locate([], tmp_path)

    assert found(config, tmp_path) == (".", name)
    assert config.values == {}
    assert config.section == ""


def test_pytest_ini_without_pytest_section_still_wins(tmp_path: Path) -> None:
    make(tmp_path, {"pytest.ini": "[tool:pytest]\naddopts = -v\n", "tox.ini": "[pytest]\naddopts = -x\n"})

    config = locate([], tmp_path)

    assert found(config, tmp_path) == (".", "pytest.ini")
    assert config.values == {}


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("tox.ini", "[tox]\nenvlist = py\n"),
        ("setup.cfg", "[metadata]\nname = x\n"),
        # A bare [tool.pytest] header holds no option, so pytest searches on past it; the
        # pyproject.toml is then only the fallback below.
        ("pyproject.toml", "[tool.pytest]\n"),
    ],
)
def test_files_without_a_pytest_section_do_not_stop_the_search(tmp_path: Path, name: str, text: str) -> None:
    make(tmp_path, {"tox.ini": "[pytest]\naddopts = -v\n", f"sub/{name}": text})

    assert found(locate([], tmp_path / "sub"), tmp_path) == (".", "tox.ini")


# ---------------------------------------------------------------- precedence

ALL_KINDS = {
    "pytest.toml": "[pytest]\n",
    ".pytest.toml": "[pytest]\n",
    "pytest.ini": "[pytest]\n",
    ".pytest.ini": "[pytest]\n",
    "pyproject.toml": "[tool.pytest.ini_options]\n",
    "tox.ini": "[pytest]\n",
    "setup.cfg": "[tool:pytest]\n",
}


@pytest.mark.parametrize("first", range(len(ALL_KINDS)))
def test_precedence_between_kinds_in_one_directory(tmp_path: Path, first: int) -> None:
    names = list(ALL_KINDS)[first:]
    make(tmp_path, {name: ALL_KINDS[name] for name in names})

    assert found(locate([], tmp_path), tmp_path) == (".", names[0])


def test_nearer_directory_wins_over_a_stronger_kind(tmp_path: Path) -> None:
    make(tmp_path, {"pytest.toml": "[pytest]\n", "a/setup.cfg": "[tool:pytest]\n", "a/b/": ""})

    assert found(locate([], tmp_path / "a" / "b"), tmp_path) == ("a", "a/setup.cfg")


def test_empty_ini_options_table_counts(tmp_path: Path) -> None:
    make(tmp_path, {"pyproject.toml": "[tool.pytest.ini_options]\n", "tox.ini": "[pytest]\n"})

    config = locate([], tmp_path)

    assert found(config, tmp_path) == (".", "pyproject.toml")
    assert config.section == "tool.pytest.ini_options"


def test_files_beside_the_winner_that_configure_pytest_are_named_as_ignored(tmp_path: Path) -> None:
    make(
        tmp_path,
        {
            "pytest.ini": "[tool:pytest]\n",
            "pyproject.toml": "[tool.pytest.ini_options]\naddopts = '-x'\n",
            "tox.ini": "[tox]\nenvlist = py\n",
            "setup.cfg": "[tool:pytest]\naddopts = -q\n",
        },
    )

    assert locate([], tmp_path).ignored == ("pyproject.toml", "setup.cfg")


def test_a_pyproject_configuring_asynctestrun_alone_is_not_named_as_ignored(tmp_path: Path) -> None:
    make(tmp_path, {"pytest.ini": "[pytest]\n", "pyproject.toml": "[tool.asynctestrun]\ntimeout = 3\n"})

    assert locate([], tmp_path).ignored == ()


def test_asynctestrun_table_alone_makes_pyproject_a_config_file(tmp_path: Path) -> None:
    # Unlike pytest, which would pass over this pyproject.toml and take the tox.ini above.
    make(tmp_path, {"tox.ini": "[pytest]\n", "sub/pyproject.toml": "[tool.asynctestrun]\n"})

    config = locate([], tmp_path / "sub")

    assert found(config, tmp_path) == ("sub", "sub/pyproject.toml")
    assert config.section == "tool.asynctestrun"


# ---------------------------------------------------------------- fallbacks


def test_bare_pyproject_is_used_only_when_no_file_configures_the_run(tmp_path: Path) -> None:
    make(tmp_path, {"tox.ini": "[pytest]\n", "sub/pyproject.toml": "[project]\nname = 'x'\n"})

    assert found(locate([], tmp_path / "sub"), tmp_path) == (".", "tox.ini")


def test_nearest_bare_pyproject_is_the_config_file(tmp_path: Path) -> None:
    make(tmp_path, {"pyproject.toml": "", "sub/pyproject.toml": "[project]\n", "sub/pkg/": ""})

    config = locate([], tmp_path / "sub" / "pkg")

    assert found(config, tmp_path) == ("sub", "sub/pyproject.toml")
    assert config.values == {}
    assert config.section == ""


def test_bare_pyproject_beats_setup_py(tmp_path: Path) -> None:
    make(tmp_path, {"setup.py": "", "sub/pyproject.toml": "[project]\n"})

    assert found(locate([], tmp_path / "sub"), tmp_path) == ("sub", "sub/pyproject.toml")


def test_setup_py_marks_the_rootdir_without_a_config_file(tmp_path: Path) -> None:
    make(tmp_path, {"setup.py": "", "setup.cfg": "[metadata]\n", "a/b/": ""})

    config = locate([], tmp_path / "a" / "b")

    assert found(config, tmp_path) == (".", None)
    assert config.values == {}
    assert config.section == ""


def test_without_anything_the_rootdir_is_the_common_ancestor_of_invocation_dir_and_args(
    tmp_path: Path,
) -> None:
    make(tmp_path, {"e/": "", "f/g/": ""})

    assert found(locate(["../f/g"], tmp_path / "e"), tmp_path) == (".", None)
    assert found(locate([], tmp_path / "e"), tmp_path) == ("e", None)


# ---------------------------------------------------------------- arguments

TREE = {
    "a/b/pytest.ini": "[pytest]\n",
    "a/b/test_x.py": "",
    "c/tox.ini": "[pytest]\n",
    "c/d/test_y.py": "",
    "e/": "",
}


@pytest.mark.parametrize(
    ("cwd", "args", "expected"),
    [
        (".", ["a/b/test_x.py"], ("a/b", "a/b/pytest.ini")),
        (".", ["a/b/test_x.py::TestX::test_one[a::b]"], ("a/b", "a/b/pytest.ini")),
        ("e", ["../c/d"], ("c", "c/tox.ini")),
        ("e", ["-k", "--strict"], ("e", None)),  # options are not paths
        ("e", ["does/not/exist"], ("e", None)),  # neither are missing paths
    ],
)
def test_search_starts_from_the_arguments(
    tmp_path: Path, cwd: str, args: list[str], expected: tuple[str, str | None]
) -> None:
    make(tmp_path, TREE)

    assert found(locate(args, tmp_path / cwd), tmp_path) == expected


def test_absolute_argument(tmp_path: Path) -> None:
    make(tmp_path, TREE)

    assert found(locate([str(tmp_path / "c" / "d")], tmp_path / "e"), tmp_path) == ("c", "c/tox.ini")


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["a/b/test_x.py", "c/d/test_y.py"], ("a/b", "a/b/pytest.ini")),
        (["c/d/test_y.py", "a/b/test_x.py"], ("c", "c/tox.ini")),
    ],
)
def test_sibling_arguments_are_searched_one_by_one(
    tmp_path: Path, args: list[str], expected: tuple[str, str | None]
) -> None:
    # Their common ancestor has no config file above it, so each argument's own walk decides.
    make(tmp_path, TREE)

    assert found(locate(args, tmp_path), tmp_path) == expected


# ---------------------------------------------------------------- -c / --config-file

FORCED = {
    "pytest.ini": "[pytest]\na = 1\n",
    "cfg/my.ini": "[pytest]\nb = 2\n",
    "cfg/other.cfg": "[tool:pytest]\nc = 3\n",
    "cfg/plain.toml": "[pytest]\nd = 4\n",
    "cfg/tooled.toml": "[tool.pytest.ini_options]\ne = 5\n",
    "cfg/nosection.ini": "[x]\n",
    "cfg/pyproject.toml": "[project]\n",
    "sub/": "",
}


@pytest.mark.parametrize(
    ("inifile", "section", "values"),
    [
        ("cfg/my.ini", "pytest", {"b": "2"}),
        ("cfg/other.cfg", "tool:pytest", {"c": "3"}),
        ("cfg/plain.toml", "pytest", {"d": "4"}),
        ("cfg/tooled.toml", "tool.pytest.ini_options", {"e": "5"}),
        ("cfg/nosection.ini", "", {}),
        ("cfg/pyproject.toml", "", {}),
    ],
)
def test_config_file_option_forces_the_file_and_its_directory(
    tmp_path: Path, inifile: str, section: str, values: dict[str, str]
) -> None:
    make(tmp_path, FORCED)

    config = locate(["sub"], tmp_path, inifile=inifile)

    assert found(config, tmp_path) == ("cfg", inifile)
    assert config.section == section
    assert config.values == values


def test_config_file_is_relative_to_the_invocation_dir(tmp_path: Path) -> None:
    make(tmp_path, FORCED)

    assert found(locate([], tmp_path / "sub", inifile="../cfg/my.ini"), tmp_path) == ("cfg", "cfg/my.ini")


def test_config_file_that_is_not_a_regular_file_gives_no_values(tmp_path: Path) -> None:
    make(tmp_path, FORCED)

    config = locate(["sub"], tmp_path, inifile="/dev/null")

    assert config.inipath == Path("/dev/null")
    assert config.rootdir == tmp_path / "sub"
    assert config.values == {}


@pytest.mark.parametrize(
    ("inifile", "message"),
    [
        ("cfg/missing.ini", "not found. Check your '-c/--config-file' option."),
        ("cfg", "is a directory"),
        ("cfg/notes.txt", "unsupported format. Supported extensions are: .cfg, .ini, .toml."),
        # A known name keeps its meaning wherever it is: setup.cfg may not use [pytest].
        ("cfg/setup.cfg", "[pytest] section in setup.cfg files is no longer supported"),
        ("cfg/both.toml", "cannot use both [pytest] and [tool.pytest]"),
        ("cfg/toplevel.toml", "must be under a [pytest] table (found top-level options: addopts)"),
    ],
)
def test_config_file_errors(tmp_path: Path, inifile: str, message: str) -> None:
    make(
        tmp_path,
        {
            "cfg/notes.txt": "",
            "cfg/setup.cfg": "[pytest]\n",
            "cfg/both.toml": "[pytest]\na = 1\n[tool.pytest]\nb = 2\n",
            "cfg/toplevel.toml": 'addopts = "-v"\n',
        },
    )

    with pytest.raises(ConfigFileError) as excinfo:
        locate([], tmp_path, inifile=inifile)

    assert message in str(excinfo.value)


# ---------------------------------------------------------------- --rootdir


def test_rootdir_option_overrides_only_the_rootdir(tmp_path: Path) -> None:
    make(tmp_path, FORCED)

    assert found(locate([], tmp_path, rootdir="sub"), tmp_path) == ("sub", "pytest.ini")
    assert found(locate([], tmp_path, rootdir="sub", inifile="cfg/my.ini"), tmp_path) == ("sub", "cfg/my.ini")
    assert found(locate([], tmp_path / "sub", rootdir=str(tmp_path / "cfg")), tmp_path) == (
        "cfg",
        "pytest.ini",
    )


def test_rootdir_option_expands_environment_variables(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make(tmp_path, FORCED)
    monkeypatch.setenv("ATR_TEST_ROOT", str(tmp_path / "cfg"))

    assert locate([], tmp_path, rootdir="$ATR_TEST_ROOT").rootdir == tmp_path / "cfg"


def test_rootdir_option_must_be_a_directory(tmp_path: Path) -> None:
    make(tmp_path, FORCED)

    with pytest.raises(
        ConfigFileError, match=r"Directory '.*nope' not found\. Check your '--rootdir' option\."
    ):
        locate([], tmp_path, rootdir="nope")


def test_rootdir_option_skips_the_per_argument_search(tmp_path: Path) -> None:
    make(tmp_path, TREE)

    config = locate(["a/b/test_x.py", "c/d/test_y.py"], tmp_path, rootdir="e")

    assert found(config, tmp_path) == ("e", None)


# ---------------------------------------------------------------- malformed files


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("pyproject.toml", "[tool.pytest.ini_options\n", "pyproject.toml: Expected ']'"),
        ("pyproject.toml", "[tool.pytest.ini_options]\nx = \n", "(at line 2, column 5)"),
        (
            "pyproject.toml",
            "[tool.pytest]\na = 1\n[tool.pytest.ini_options]\nb = '2'\n",
            "cannot use both [tool.pytest] (native TOML types) and [tool.pytest.ini_options]",
        ),
        ("pyproject.toml", "[tool]\npytest = 1\n", "[tool.pytest] must be a table"),
        ("pytest.toml", 'addopts = "-v"\n', "pytest configuration must be under a [pytest] table"),
        (
            "pytest.ini",
            "[pytest]\naddopts = -v\nthis line bad\n",
            "pytest.ini:3: unexpected line: 'this line bad'",
        ),
        ("tox.ini", "[pytest]\na = 1\na = 2\n", "tox.ini:3: duplicate name 'a'"),
        ("tox.ini", "[pytest]\n[pytest]\n", "tox.ini:2: duplicate section 'pytest'"),
        ("tox.ini", "a = 1\n[pytest]\n", "tox.ini:1: no section header defined"),
        ("tox.ini", "[pytest]\n  orphan\n", "tox.ini:2: unexpected value continuation"),
        ("tox.ini", "[]\n", "tox.ini:1: empty section name"),
        (
            "setup.cfg",
            "[pytest]\naddopts = -v\n",
            "[pytest] section in setup.cfg files is no longer supported",
        ),
    ],
)
def test_malformed_files_are_errors(tmp_path: Path, name: str, text: str, message: str) -> None:
    make(tmp_path, {name: text})

    with pytest.raises(ConfigFileError) as excinfo:
        locate([], tmp_path)

    assert str(tmp_path / name) in str(excinfo.value)
    assert message in str(excinfo.value)


def test_malformed_file_is_an_error_even_if_the_search_would_pass_it(tmp_path: Path) -> None:
    make(tmp_path, {"pytest.ini": "", "sub/tox.ini": "junk\n"})

    with pytest.raises(ConfigFileError, match=r"tox\.ini:1: unexpected line"):
        locate([], tmp_path / "sub")


def test_file_that_is_not_utf8_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "pytest.ini").write_bytes(b"[pytest]\naddopts = \xff\n")

    with pytest.raises(ConfigFileError, match=r"pytest\.ini: not valid UTF-8"):
        locate([], tmp_path)


# ---------------------------------------------------------------- values


def test_ini_mode_toml_values_become_strings_and_lists_of_strings(tmp_path: Path) -> None:
    make(
        tmp_path,
        {
            "pyproject.toml": (
                "[tool.pytest.ini_options]\n"
                'addopts = ["-v", "-x"]\n'
                "xfail_strict = true\n"
                "strict = false\n"
                "count = 3\n"
                "ratio = 1.5\n"
                'mixed = [1, true, "a"]\n'
                'text = "a b"\n'
            )
        },
    )

    assert locate([], tmp_path).values == {
        "addopts": ["-v", "-x"],
        "xfail_strict": "true",
        "strict": "false",
        "count": "3",
        "ratio": "1.5",
        "mixed": ["1", "true", "a"],
        "text": "a b",
    }


@pytest.mark.parametrize(("name", "table"), [("pyproject.toml", "tool.pytest"), ("pytest.toml", "pytest")])
def test_native_toml_values_are_normalised_the_same_way(tmp_path: Path, name: str, table: str) -> None:
    text = f'[{table}]\naddopts = "-v -x"\ntestpaths = ["tests"]\nxfail_strict = true\ntimeout = 5\n'
    make(tmp_path, {name: text})

    assert locate([], tmp_path).values == {
        "addopts": "-v -x",
        "testpaths": ["tests"],
        "xfail_strict": "true",
        "timeout": "5",
    }


def test_native_table_next_to_an_empty_ini_options_table_is_tolerated(tmp_path: Path) -> None:
    make(tmp_path, {"pyproject.toml": "[tool.pytest]\ntimeout = 1\n[tool.pytest.ini_options]\n"})

    config = locate([], tmp_path)

    assert config.section == "tool.pytest"
    assert config.values == {"timeout": "1"}


def test_asynctestrun_table_is_layered_over_the_pytest_section(tmp_path: Path) -> None:
    make(
        tmp_path,
        {
            "pyproject.toml": (
                "[tool.pytest.ini_options]\n"
                'asyncio_mode = "strict"\n'
                'testpaths = ["tests"]\n'
                "[tool.asynctestrun]\n"
                'asyncio_mode = "auto"\n'
                "workers = 4\n"
            )
        },
    )

    config = locate([], tmp_path)

    assert config.section == "tool.pytest.ini_options"
    assert config.values == {"asyncio_mode": "auto", "testpaths": ["tests"], "workers": "4"}


def test_ini_values_follow_pytest_parsing(tmp_path: Path) -> None:
    make(
        tmp_path,
        {
            "tox.ini": (
                "\N{BYTE ORDER MARK}# comment\n"
                "; comment\n"
                "[pytest]  ; a comment after a header is dropped\n"
                "markers =\n"
                "    slow: marks slow tests\n"
                "\n"
                "    # a comment line inside a value is skipped\n"
                "    fast: kept # inline comments stay\n"
                "Key: v=1\n"
                "interp = %(x)s\n"
                "empty =\n"
                "a:b = c\n"
                "[other]\n"
                "z = 1\n"
            )
        },
    )

    assert locate([], tmp_path).values == {
        "markers": "slow: marks slow tests\nfast: kept # inline comments stay",
        "Key": "v=1",
        "interp": "%(x)s",
        "empty": "",
        "a": "b = c",
    }


def test_values_are_read_only(tmp_path: Path) -> None:
    make(tmp_path, {"pytest.ini": "[pytest]\na = 1\n"})

    with pytest.raises(TypeError):
        locate([], tmp_path).values["a"] = "2"  # type: ignore[index]


# ---------------------------------------------------------------- helpers


def test_get_list_splits_strings_on_whitespace() -> None:
    values: dict[str, str | list[str]] = {"s": "a  b\n c", "l": ["a b", "c"]}

    assert get_list(values, "s") == ["a", "b", "c"]
    assert get_list(values, "l") == ["a b", "c"]
    assert get_list(values, "missing") == []


def test_get_args_splits_strings_like_a_shell() -> None:
    values: dict[str, str | list[str]] = {"s": "-k 'a and b' -x", "l": ["-k", "a and b"], "bad": "-k 'open"}

    assert get_args(values, "s") == ["-k", "a and b", "-x"]
    assert get_args(values, "l") == ["-k", "a and b"]
    assert get_args(values, "missing") == []
    with pytest.raises(ValueError, match=r"'bad'.*No closing quotation"):
        get_args(values, "bad")


def test_get_lines_keeps_one_entry_per_non_blank_line() -> None:
    values: dict[str, str | list[str]] = {
        "s": "\n  slow: marks slow tests \n\n  error::DeprecationWarning\n",
        "l": ["a: b", "c"],
    }

    assert get_lines(values, "s") == ["slow: marks slow tests", "error::DeprecationWarning"]
    assert get_lines(values, "l") == ["a: b", "c"]
    assert get_lines(values, "missing") == []


@pytest.mark.parametrize("word", ["true", "True", "YES", "y", "t", "on", "1", " true "])
def test_get_bool_true(word: str) -> None:
    assert get_bool({"k": word}, "k", default=False) is True


@pytest.mark.parametrize("word", ["false", "False", "NO", "n", "f", "off", "0"])
def test_get_bool_false(word: str) -> None:
    assert get_bool({"k": word}, "k", default=True) is False


def test_get_bool_default_and_errors() -> None:
    assert get_bool({}, "k", default=True) is True
    with pytest.raises(ValueError, match="'k' expects a boolean"):
        get_bool({"k": "maybe"}, "k", default=False)
    with pytest.raises(ValueError, match="'k' expects a boolean"):
        get_bool({"k": ["true"]}, "k", default=False)
