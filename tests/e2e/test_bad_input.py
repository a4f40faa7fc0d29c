"""Bad input gets a clear message and pytest's exit code; nothing else in the run is lost.

Each case is a tiny project written to tmp_path and run through the CLI in a subprocess. Where
pytest + pytest-asyncio answer the same input differently, the comment says which side this follows.
"""

import pytest
from harness import run_cli

INI = "[pytest]\nasyncio_default_fixture_loop_scope = function\n"


def _run(project, *args):
    return run_cli(project, "-q", "-p", "no:cacheprovider", *args)


def _project(tmp_path, files, ini=INI):
    (tmp_path / "pytest.ini").write_text(ini)
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    return tmp_path


CASES = {
    # A plugin or conftest refusing its configuration: pytest's usage error, exit 4.
    "usage-error-from-configure": (
        {
            "conftest.py": "import pytest\ndef pytest_configure(config):\n"
            "    raise pytest.UsageError('these two options conflict')\n",
            "test_a.py": "def test_a(): pass\n",
        },
        INI,
        (),
        4,
        "ERROR: these two options conflict",
    ),
    # The runner-core issue asks for a usage error here (pytest-asyncio errors every test instead).
    "unknown-asyncio-mode": (
        {"test_a.py": "def test_a(): pass\n"},
        INI + "asyncio_mode = sideways\n",
        (),
        4,
        "asyncio_mode",
    ),
    "bad-mark-loop-scope": (
        {"test_a.py": 'import pytest\n@pytest.mark.asyncio(loop_scope="galaxy")\nasync def test_a(): pass\n'},
        INI,
        (),
        2,
        "unexpected loop scope value 'galaxy'",
    ),
    "parametrize-arity": (
        {
            "test_a.py": 'import pytest\n@pytest.mark.parametrize("a,b", [(1, 2, 3)])\n'
            "def test_a(a, b): pass\n"
        },
        INI,
        (),
        2,
        "must be equal to the number of values",
    ),
    "parametrize-unknown-argname": (
        {"test_a.py": 'import pytest\n@pytest.mark.parametrize("z", [1])\ndef test_a(a): pass\n'},
        INI,
        (),
        2,
        "uses no argument 'z'",
    ),
    "bad-fixture-scope": (
        {
            "test_a.py": 'import pytest\n@pytest.fixture(scope="forever")\ndef f(): pass\n'
            "def test_a(f): pass\n"
        },
        INI,
        (),
        2,
        "unknown scope 'forever'",
    ),
    "conftest-raises": (
        {"conftest.py": 'raise RuntimeError("conftest broke")\n', "test_a.py": "def test_a(): pass\n"},
        INI,
        (),
        4,
        "conftest broke",
    ),
    "unreadable-config": ({"test_a.py": "def test_a(): pass\n"}, "[pytest\nbroken", (), 4, "pytest.ini"),
    "keyword-syntax": ({"test_a.py": "def test_a(): pass\n"}, INI, ("-k", "a and"), 4, "-k"),
    "mark-syntax": ({"test_a.py": "def test_a(): pass\n"}, INI, ("-m", "(("), 4, "-m"),
    "missing-path": ({"test_a.py": "def test_a(): pass\n"}, INI, ("nope.py",), 4, "nope.py"),
    "unknown-flag": ({"test_a.py": "def test_a(): pass\n"}, INI, ("--bogus-flag",), 4, "--bogus-flag"),
    # pytest checks required_plugins before any conftest: a missing or too old one is a usage error,
    # the entries named sorted; an entry that is not a requirement is missing too.
    "missing-required-plugins": (
        {"test_a.py": "def test_a(): pass\n"},
        INI + "required_plugins = pytest-asyncio>=1.0 zz-not-installed pytest-asyncio>=99 ~=1.4\n",
        (),
        4,
        "ERROR: Missing required plugins: pytest-asyncio>=99, zz-not-installed, ~=1.4",
    ),
    # A plugin's or initial conftest's pytest_cmdline_main checking its options (pytest-split's).
    "usage-error-from-cmdline-main": (
        {
            "conftest.py": "import pytest\ndef pytest_cmdline_main(config):\n"
            "    raise pytest.UsageError('argument `--group` is required')\n",
            "test_a.py": "def test_a(): pass\n",
        },
        INI,
        (),
        4,
        "ERROR: argument `--group` is required",
    ),
    "syntax-error-file": (
        {"test_bad.py": "def test_x(:\n", "test_good.py": "def test_a(): pass\n"},
        INI,
        (),
        2,
        "test_bad.py",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input_is_reported_with_pytests_exit_code(tmp_path, case):
    files, ini, args, code, needle = CASES[case]
    result = _run(_project(tmp_path, files, ini), *args)
    output = result.stdout + result.stderr
    assert result.returncode == code, output
    assert needle in output, output
    assert "Traceback (most recent call last)" not in result.stderr or case == "conftest-raises", output


def test_syntax_error_in_one_file_does_not_lose_the_others(tmp_path):
    project = _project(tmp_path, {"test_bad.py": "def test_x(:\n", "test_good.py": "def test_a(): pass\n"})
    result = _run(project, "--continue-on-collection-errors")
    assert result.returncode == 1, result.stdout
    assert "1 passed" in result.stdout and "1 error" in result.stdout


def test_a_usage_error_ends_with_an_empty_line_as_pytests(tmp_path):
    # pytest writes "ERROR: <message>" as a line and then an empty one, on stderr.
    result = _run(_project(tmp_path, {}), "nope.py")
    assert result.returncode == 4, result.stderr
    assert result.stderr.endswith("ERROR: file or directory not found: nope.py\n\n"), repr(result.stderr)
