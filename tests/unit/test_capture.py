"""CaptureManager and CaptureFixture (asynctestrun._builtins.capture).

pytest captures these tests too; every case installs its own "terminal" underneath (a StringIO for
sys-level tests, a temporary file dup'ed onto fds 1 and 2 for fd-level ones) and checks that the
layers above it are removed again.
"""

import contextlib
import io
import os
import sys
import tempfile

import pytest

from asynctestrun._builtins.capture import (
    CaptureFixture,
    CaptureManager,
    CaptureResult,
    make_capture_fixture,
)
from asynctestrun._declare.outcomes import Failed


class Terminal:
    def __init__(self):
        self.out = io.StringIO()
        self.err = io.StringIO()


@contextlib.contextmanager
def sys_terminal():
    """sys.stdout/stderr replaced by StringIOs standing in for the real terminal.

    A context manager inside the test, not a fixture: pytest's own capture resets sys.stdout
    between fixture setup and the test call.
    """
    saved = sys.stdout, sys.stderr, sys.stdin
    terminal = Terminal()
    sys.stdout, sys.stderr = terminal.out, terminal.err
    try:
        yield terminal
        assert sys.stdout is terminal.out and sys.stderr is terminal.err, "capture did not restore sys"
    finally:
        sys.stdout, sys.stderr, sys.stdin = saved


@contextlib.contextmanager
def fd_terminal():
    """Fds 1 and 2 pointed at temp files; yields a reader returning everything written to them."""
    sys.stdout.flush()
    sys.stderr.flush()
    files = {fd: tempfile.TemporaryFile() for fd in (1, 2)}  # noqa: SIM115 - closed in the finally below
    saved = {fd: os.dup(fd) for fd in files}
    saved_streams = sys.stdout, sys.stderr
    try:
        for fd, file in files.items():
            os.dup2(file.fileno(), fd)
        sys.stdout = io.TextIOWrapper(os.fdopen(os.dup(1), "wb"), write_through=True)
        sys.stderr = io.TextIOWrapper(os.fdopen(os.dup(2), "wb"), write_through=True)

        def read(fd):
            files[fd].seek(0)
            return files[fd].read().decode()

        yield read
    finally:
        sys.stdout.close()
        sys.stderr.close()
        sys.stdout, sys.stderr = saved_streams
        for fd, old in saved.items():
            os.dup2(old, fd)
            os.close(old)
        for file in files.values():
            file.close()


def test_sys_capture_reads_and_clears():
    with sys_terminal() as terminal:
        manager = CaptureManager("sys")
        manager.start()
        print("hello")
        sys.stderr.write("oops\n")
        sys.stdout.buffer.write(b"raw bytes\n")
        assert manager.read() == ("hello\nraw bytes\n", "oops\n")
        assert manager.read() == ("", "")
        manager.stop()
        assert terminal.out.getvalue() == ""


def test_sys_capture_suspend_resume():
    with sys_terminal() as terminal:
        manager = CaptureManager("sys")
        manager.start()
        print("captured-1")
        manager.suspend()
        print("visible")
        manager.resume()
        print("captured-2")
        assert manager.read() == ("captured-1\ncaptured-2\n", "")
        manager.stop()
        assert terminal.out.getvalue() == "visible\n"


@pytest.mark.parametrize("method", ["sys", "fd"])
def test_stdin_is_refused_while_capturing(method):
    with fd_terminal():
        manager = CaptureManager(method)
        manager.start()
        try:
            with pytest.raises(OSError, match="reading from stdin while output is captured"):
                sys.stdin.read()
            with pytest.raises(OSError):
                input()
            assert sys.stdin.isatty() is False
        finally:
            manager.stop()


def test_tee_sys_passes_output_through():
    with sys_terminal() as terminal:
        manager = CaptureManager("tee-sys")
        manager.start()
        print("both")
        assert manager.read() == ("both\n", "")
        manager.stop()
        assert terminal.out.getvalue() == "both\n"


def test_no_capture_is_inert():
    with sys_terminal() as terminal:
        manager = CaptureManager("no")
        manager.start()
        print("direct")
        assert manager.read() == ("", "")
        manager.stop()
        assert terminal.out.getvalue() == "direct\n"


def test_fd_capture_catches_os_level_writes_in_order():
    with fd_terminal() as terminal:
        manager = CaptureManager("fd")
        manager.start()
        print("python-level")
        os.write(1, b"fd-level\n")
        os.write(2, b"fd-err\n")
        out, err = manager.read()
        manager.suspend()
        os.write(1, b"visible\n")
        manager.resume()
        os.write(1, b"after\n")
        assert manager.read() == ("after\n", "")
        manager.stop()
        os.write(1, b"restored\n")
        assert terminal(1) == "visible\nrestored\n"
        assert terminal(2) == ""
    assert (out, err) == ("python-level\nfd-level\n", "fd-err\n")


def test_capsys_takes_precedence_and_unread_output_reaches_the_report():
    with sys_terminal():
        manager = CaptureManager("sys")
        manager.start()
        capsys = make_capture_fixture("capsys", manager)
        capsys._start()
        print("to capsys")
        result = capsys.readouterr()
        assert result == CaptureResult("to capsys\n", "")
        assert result.out == "to capsys\n" and result.err == ""
        print("never read")
        capsys._close()
        assert manager.read() == ("never read\n", "")
        manager.stop()


def test_capsys_disabled_reaches_the_terminal():
    with sys_terminal() as terminal:
        manager = CaptureManager("sys")
        manager.start()
        capsys = make_capture_fixture("capsys", manager)
        capsys._start()
        with capsys.disabled():
            print("shown live")
        print("still captured")
        assert capsys.readouterr().out == "still captured\n"
        capsys._close()
        manager.stop()
        assert terminal.out.getvalue() == "shown live\n"


def test_capsys_without_manager():
    with sys_terminal() as terminal:
        capsys = CaptureFixture("sys", bytes, name="capsysbinary")
        capsys._start()
        sys.stdout.write("text\n")
        sys.stdout.buffer.write(b"\xff\n")
        assert capsys.readouterr() == (b"text\n\xff\n", b"")
        with capsys.disabled():
            print("live")
        capsys._close()
        assert terminal.out.getvalue() == "live\n"


def test_capfd_under_fd_manager():
    with fd_terminal() as terminal:
        manager = CaptureManager("fd")
        manager.start()
        capfd = make_capture_fixture("capfdbinary", manager)
        capfd._start()
        print("p")
        os.write(2, b"e\n")
        result = capfd.readouterr()
        with capfd.disabled():
            os.write(1, b"live\n")
        os.write(1, b"unread\n")
        capfd._close()
        os.write(1, b"global\n")
        report = manager.read()
        manager.stop()
        assert terminal(1) == "live\n"
    assert result == (b"p\n", b"e\n")
    assert report == ("unread\nglobal\n", "")


def test_capsys_under_fd_manager_leaves_fd_writes_to_the_manager():
    with fd_terminal():
        manager = CaptureManager("fd")
        manager.start()
        capsys = make_capture_fixture("capsys", manager)
        capsys._start()
        print("python")
        os.write(1, b"os\n")
        assert capsys.readouterr().out == "python\n"
        capsys._close()
        report = manager.read()
        manager.stop()
    assert report == ("os\n", "")


def test_two_capture_fixtures_conflict():
    with sys_terminal():
        manager = CaptureManager("sys")
        manager.start()
        capsys = make_capture_fixture("capsys", manager)
        capsys._start()
        with pytest.raises(Failed, match="cannot use capfd and capsys at the same time"):
            make_capture_fixture("capfd", manager)._start()
        capsys._close()
        manager.stop()


def test_fixture_started_and_closed_while_manager_suspended():
    with sys_terminal() as terminal:
        manager = CaptureManager("sys")
        manager.start()
        manager.suspend()
        capsys = make_capture_fixture("capsys", manager)
        capsys._start()
        print("live-1")
        manager.resume()
        print("fixture")
        manager.suspend()
        capsys._close()
        print("live-2")
        manager.resume()
        print("global")
        report = manager.read()
        manager.stop()
        assert terminal.out.getvalue() == "live-1\nlive-2\n"
        assert report == ("fixture\nglobal\n", "")
        assert capsys.readouterr().out == "fixture\n"  # what was still unread at close


def test_stop_closes_an_active_fixture():
    with sys_terminal():
        manager = CaptureManager("sys")
        manager.start()
        make_capture_fixture("capsys", manager)._start()
        manager.stop()


def test_capteesys_reads_output_and_passes_it_on_to_the_report():
    with sys_terminal() as terminal:
        manager = CaptureManager("sys")
        manager.start()
        capteesys = make_capture_fixture("capteesys", manager)
        capteesys._start()
        print("teed")
        assert capteesys.readouterr() == CaptureResult("teed\n", "")
        print("unread")
        capteesys._close()
        # Like pytest: what the test printed also reached the layer below, once, read or not.
        assert manager.read() == ("teed\nunread\n", "")
        manager.stop()
    assert terminal.out.getvalue() == ""
