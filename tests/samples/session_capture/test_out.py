import sys
from sys import stdout, stderr

import pytest

AT_IMPORT = (sys.stdout, sys.stderr)


def test_same_stdout_as_import():
    assert sys.stdout is stdout


def test_same_stderr_as_import():
    assert sys.stderr is stderr


@pytest.mark.parametrize("f", [stdout.buffer, stderr.buffer])
def test_buffer_param(f):
    assert f in (sys.stdout.buffer, sys.stderr.buffer)
