"""Output capture: the run-wide ``CaptureManager`` (``--capture=fd|sys|tee-sys|no``) and the
``CaptureFixture`` behind capsys, capsysbinary, capfd, capfdbinary and capteesys.

Capture is layered like a stack. Each layer remembers what was current when it started (the
``sys.stdout`` object, a ``dup()`` of fd 1) and puts exactly that back when it stops, so layers must
start and stop in LIFO order. Worked example, ``--capture=fd`` and a test using ``capsys``::

    manager.start()       fd 1 -> manager's temp file; sys.stdout -> wrapper over that file
    capsys._start()       sys.stdout -> capsys buffer         (fd 1 untouched)
      print("a")          -> capsys buffer      (readouterr() returns it)
      os.write(1, b"b")   -> manager's file     ("Captured stdout call" in the report)
      capsys.disabled():  manager.suspend(): capsys layer off first, then the manager's; resume reverses
    capsys._close()       unread capsys output is written to the layer below (the manager), so it
                          still shows in the report, as in pytest; sys.stdout -> manager's wrapper
    manager.read()        ("b\\n" + anything unread, "")

So the fixture takes precedence while active simply by being the top layer. To keep LIFO order no
matter when the runner suspends, the manager owns the active fixture: ``suspend()`` turns the fixture
layer off before its own, ``resume()`` does the reverse, and a fixture started or closed while the
manager is suspended is briefly stacked on a resumed manager. Only one fixture may be active at once.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Callable, Generator
from contextlib import contextmanager, suppress
from tempfile import TemporaryFile
from typing import IO, Any, AnyStr, Generic, Literal, NamedTuple, TextIO, overload

from .._declare.outcomes import Failed

CaptureMethod = Literal["fd", "sys", "no", "tee-sys"]
FixtureName = Literal["capsys", "capsysbinary", "capfd", "capfdbinary", "capteesys"]
_STREAM_NAMES = {0: "stdin", 1: "stdout", 2: "stderr"}
_STDIN_MESSAGE = "pytest: reading from stdin while output is captured!  Consider using `-s`."
# The os module and the functions the capture reads its file with, as they were at import. They are
# kept in a dict because pyfakefs does not look into one: it swaps every module's ``os`` name and
# module-level os functions for its fakes, but for the modules it skips (pytest's capture among
# them), and its fake fstat knows no real file descriptor. A test's monkeypatch of ``os.fstat``
# changes the os module itself, which is seen here. pytest never calls os.lseek: a test's
# replacement of it must not reach the capture either.
_ORIGINAL: dict[str, Any] = {"os": os, "fstat": os.fstat, "lseek": os.lseek}


class CaptureResult(NamedTuple, Generic[AnyStr]):
    """What ``readouterr()`` returns; also unpacks as ``out, err = ...``."""

    out: AnyStr
    err: AnyStr


class CaptureIO(io.TextIOWrapper):
    """An in-memory text stream with a real ``.buffer`` (code writing bytes to stdout keeps working)."""

    def __init__(self) -> None:
        self._bytes = io.BytesIO()
        super().__init__(self._bytes, encoding="UTF-8", newline="", write_through=True)

    def getbytes(self) -> bytes:
        return self._bytes.getvalue()

    def clear(self) -> None:
        self._bytes.seek(0)
        self._bytes.truncate()


class TeeCaptureIO(CaptureIO):
    """Captures and also passes everything through to the stream it replaced (``--capture=tee-sys``)."""

    def __init__(self, other: TextIO) -> None:
        self._other = other
        super().__init__()

    def write(self, s: str) -> int:
        super().write(s)
        return self._other.write(s)


class DontReadFromInput:
    """Stands in for stdin while capturing: a test that blocks on input() would hang the run."""

    encoding = "utf-8"
    errors = "strict"
    mode = "r"
    name = "<stdin>"
    closed = False

    def read(self, size: int | None = -1) -> str:
        raise OSError(_STDIN_MESSAGE)

    def readline(self, size: int | None = -1) -> str:
        raise OSError(_STDIN_MESSAGE)

    def readlines(self, hint: int | None = -1) -> list[str]:
        raise OSError(_STDIN_MESSAGE)

    def __next__(self) -> str:
        raise OSError(_STDIN_MESSAGE)

    def __iter__(self) -> DontReadFromInput:
        return self

    def fileno(self) -> int:
        raise io.UnsupportedOperation("redirected stdin is pseudofile, has no fileno()")

    def isatty(self) -> bool:
        return False

    def readable(self) -> bool:
        return False

    def seekable(self) -> bool:
        return False

    def writable(self) -> bool:
        return False

    def flush(self) -> None:
        pass

    def close(self) -> None:
        pass  # sys.stdin.close() in user code must not break the next test

    @property
    def buffer(self) -> DontReadFromInput:
        return self


def _flush(stream: object) -> None:
    # A closed or exotic stream has nothing sensible to flush.
    with suppress(AttributeError, OSError, ValueError):
        stream.flush()  # type: ignore[attr-defined]


class _SysCapture:
    """One of sys.stdin/stdout/stderr replaced by an in-memory (or given) stream."""

    def __init__(self, fd: int, stream: IO[str] | None = None, *, tee: bool = False) -> None:
        self._name = _STREAM_NAMES[fd]
        self._fd = fd
        self._given = stream
        self._tee = tee
        self._old: Any = None
        self._stream: Any = None

    def start(self) -> None:
        self._old = getattr(sys, self._name)
        if self._given is not None:
            self._stream = self._given
        elif self._fd == 0:
            self._stream = DontReadFromInput()
        else:
            self._stream = TeeCaptureIO(self._old) if self._tee else CaptureIO()
        setattr(sys, self._name, self._stream)

    def suspend(self) -> None:
        setattr(sys, self._name, self._old)

    def resume(self) -> None:
        setattr(sys, self._name, self._stream)

    def done(self) -> None:
        setattr(sys, self._name, self._old)
        if self._given is None and self._stream is not None:
            self._stream.close()

    def snap(self) -> bytes:
        if not isinstance(self._stream, CaptureIO):
            return b""
        data = self._stream.getbytes()
        self._stream.clear()
        return data

    def writeorg(self, data: bytes) -> None:
        self._old.write(data.decode("utf-8", "replace"))
        _flush(self._old)


class _FDCapture:
    """A file descriptor (0, 1 or 2) redirected with dup2, plus the matching sys stream pointed at the
    same file so that print() and os.write() output interleave in the order they happened."""

    def __init__(self, targetfd: int) -> None:
        self._targetfd = targetfd
        self._saved_fd = -1
        self._placeholder_fd: int | None = None
        self._tmpfile: io.TextIOWrapper | None = None
        self._sys: _SysCapture | None = None

    def start(self) -> None:
        fd = self._targetfd
        try:
            os.fstat(fd)
        except OSError:
            # The fd is closed (a daemonised parent, `<&-`): occupy it with /dev/null so it can be
            # saved and redirected like any other, and close it again in done().
            self._placeholder_fd = os.open(os.devnull, os.O_RDWR)
            os.dup2(self._placeholder_fd, fd)
        _flush(getattr(sys, _STREAM_NAMES[fd]))
        self._saved_fd = os.dup(fd)
        if fd == 0:
            self._tmpfile = open(os.devnull, encoding="utf-8")  # noqa: SIM115 - closed in done()
            self._sys = _SysCapture(0)
        else:
            raw = TemporaryFile(buffering=0)  # noqa: SIM115 - owned by the wrapper, closed in done()
            self._tmpfile = io.TextIOWrapper(
                raw, encoding="utf-8", errors="replace", newline="", write_through=True
            )
            self._sys = _SysCapture(fd, self._tmpfile)
        os.dup2(self._tmpfile.fileno(), fd)
        self._sys.start()

    def suspend(self) -> None:
        if self._sys is not None:
            self._sys.suspend()
        os.dup2(self._saved_fd, self._targetfd)

    def resume(self) -> None:
        if self._sys is not None and self._tmpfile is not None:
            self._sys.resume()
            os.dup2(self._tmpfile.fileno(), self._targetfd)

    def done(self) -> None:
        if self._sys is None or self._tmpfile is None:
            return
        os.dup2(self._saved_fd, self._targetfd)
        os.close(self._saved_fd)
        if self._placeholder_fd is not None:
            if self._placeholder_fd != self._targetfd:
                os.close(self._targetfd)
            os.close(self._placeholder_fd)
        self._sys.done()
        self._tmpfile.close()
        self._sys = self._tmpfile = None

    def snap(self) -> bytes:
        if self._targetfd == 0 or self._tmpfile is None:
            return b""
        if (
            _ORIGINAL["os"].fstat is not _ORIGINAL["fstat"]
            and _patched_fstat_size(self._tmpfile.fileno()) == 0
        ):
            return b""
        # Most phases print nothing: checking the position is much cheaper than seek/read/truncate.
        # The redirected fd shares the file offset with the temporary file (dup2), so it is the number
        # of bytes written since the last snap; lseek is also cheaper than fstat's stat_result.
        self._tmpfile.flush()
        if _ORIGINAL["lseek"](self._tmpfile.fileno(), 0, os.SEEK_CUR) == 0:
            return b""
        self._tmpfile.seek(0)
        data = bytes(self._tmpfile.buffer.read())
        self._tmpfile.seek(0)
        self._tmpfile.truncate()
        return data

    def writeorg(self, data: bytes) -> None:
        os.write(self._saved_fd, data)


def _patched_fstat_size(fd: int) -> int:
    """The size a test's replacement of os.fstat gives the capture file, asked as pytest asks it.

    pytest's fd capture calls ``os.fstat`` on its file after each phase (to skip reading when
    nothing was written), so a fake that only takes the test's own file objects (falcon's static
    file tests) raises there, and that error fails the phase. Only called while os.fstat is not the
    real one: the real one is skipped for the cheaper lseek check.
    """
    size: int = _ORIGINAL["os"].fstat(fd).st_size
    return size


_Unit = _SysCapture | _FDCapture


class _Streams:
    """stdout and stderr (and optionally stdin) captured together, all with one method."""

    def __init__(self, method: Literal["fd", "sys", "tee-sys"], *, stdin: bool) -> None:
        self.units: list[_Unit]
        self.tee = method == "tee-sys"
        if method == "fd":
            self.units = [_FDCapture(1), _FDCapture(2)]
        else:
            self.units = [_SysCapture(1, tee=self.tee), _SysCapture(2, tee=self.tee)]
        if stdin:
            self.units.append(_FDCapture(0) if method == "fd" else _SysCapture(0))
        self.state: Literal["new", "started", "suspended", "done"] = "new"

    def start(self) -> None:
        for unit in self.units:
            unit.start()
        self.state = "started"

    def suspend(self) -> None:
        if self.state == "started":
            for unit in reversed(self.units):
                unit.suspend()
            self.state = "suspended"

    def resume(self) -> None:
        if self.state == "suspended":
            for unit in self.units:
                unit.resume()
            self.state = "started"

    def done(self) -> None:
        if self.state in ("started", "suspended"):
            for unit in reversed(self.units):
                unit.done()
        self.state = "done"

    def snap(self) -> tuple[bytes, bytes]:
        return self.units[0].snap(), self.units[1].snap()

    def pop_to_orig(self) -> tuple[bytes, bytes]:
        """Take what is buffered and hand it to the layer below, for the report to show."""
        out, err = self.snap()
        if self.tee:
            return out, err  # it reached the layer below as it was written
        if out:
            self.units[0].writeorg(out)
        if err:
            self.units[1].writeorg(err)
        return out, err


def _decode(data: bytes) -> str:
    return data.decode("utf-8", "replace")


class CaptureManager:
    """Run-wide capture for each test's phases; the runner reads it into the report's sections."""

    # pytest's manager keeps its streams here, and plugins peek at it (inline-snapshot suspends
    # ``_global_capturing.in_`` at session finish when it is set). None: the path they take when
    # pytest's capture is off, which leaves this manager's streams alone.
    _global_capturing: None = None

    def __init__(self, method: CaptureMethod) -> None:
        self.method: CaptureMethod = method
        self._streams: _Streams | None = None
        self._suspended = False
        self._fixture: CaptureFixture[Any] | None = None
        self._parked: CaptureFixture[Any] | None = None  # the test's capsys/capfd between two phases

    def start(self) -> None:
        if self.method != "no" and self._streams is None:
            # tee-sys passes stdin through: the person watching the output may be asked for input.
            self._streams = _Streams(self.method, stdin=self.method in ("fd", "sys"))
            self._streams.start()
        self._suspended = False

    def suspend(self) -> None:
        """Turn capture off (top layer first); output goes to the real streams until resume()."""
        if self._fixture is not None:
            self._fixture._suspend()
        if self._streams is not None:
            self._streams.suspend()
        self._suspended = True

    def resume(self) -> None:
        if self._streams is not None:
            self._streams.resume()
        if self._fixture is not None:
            self._fixture._resume()
        self._suspended = False

    @property
    def is_suspended(self) -> bool:
        return self._suspended

    @property
    def fixture_in_use(self) -> bool:
        """A capsys/capfd-like fixture captures the test's output now (pytest's ``_capture_fixture``)."""
        return self._fixture is not None

    def park_fixture(self) -> None:
        """At a phase's end, as pytest's: the test's capsys/capfd stops, what it holds unread going to
        the run's capture (so to that phase's "Captured stdout" section) while ``readouterr`` still
        returns it. It captures again from the next phase on (``unpark_fixture``)."""
        fixture = self._fixture
        if fixture is not None:
            fixture._close()
            self._parked = fixture

    def unpark_fixture(self) -> None:
        fixture, self._parked = self._parked, None
        if fixture is not None:
            fixture._start()

    def read(self) -> tuple[str, str]:
        """Captured (out, err) since the last read, which clears them."""
        if self._streams is None:
            return "", ""
        out, err = self._streams.snap()
        return _decode(out), _decode(err)

    def stop(self) -> None:
        self._parked = None
        if self._fixture is not None:
            self._fixture._close()
        if self._streams is not None:
            self._streams.done()
            self._streams = None

    # pytest's names, for conftests that fetch ``pluginmanager.getplugin("capturemanager")`` to print
    # to the terminal from inside a test or fixture.
    @contextmanager
    def global_and_fixture_disabled(self) -> Generator[None, None, None]:
        """Output inside the block goes to the real streams; capture resumes as it was."""
        was_suspended = self._suspended
        if not was_suspended:
            self.suspend()
        try:
            yield
        finally:
            if not was_suspended:
                self.resume()

    def is_globally_capturing(self) -> bool:
        return self.method != "no"

    def suspend_global_capture(self, in_: bool = False) -> None:
        self.suspend()

    def resume_global_capture(self) -> None:
        self.resume()

    def read_global_capture(self) -> CaptureResult[str]:
        return CaptureResult(*self.read())

    @contextmanager
    def _global_active(self) -> Generator[None, None, None]:
        """Make the manager's own layer current while a fixture layer is pushed or popped."""
        streams = self._streams if self._suspended else None
        if streams is not None:
            streams.resume()
        try:
            yield
        finally:
            if streams is not None:
                streams.suspend()

    def _push_fixture(self, fixture: CaptureFixture[Any], streams: _Streams) -> None:
        if self._fixture is not None:
            message = f"cannot use {fixture.name} and {self._fixture.name} at the same time"
            raise Failed(message, pytrace=False)
        with self._global_active():
            streams.start()
            if self._suspended:
                streams.suspend()
        self._fixture = fixture

    def _pop_fixture(self, fixture: CaptureFixture[Any], streams: _Streams) -> tuple[bytes, bytes]:
        if self._fixture is fixture:
            self._fixture = None
        with self._global_active():
            streams.resume()
            leftover = streams.pop_to_orig()
            streams.done()
        return leftover


class CaptureFixture(Generic[AnyStr]):
    """The object capsys/capsysbinary/capfd/capfdbinary/capteesys provide. The runner calls ``_start()`` at
    fixture setup and ``_close()`` at teardown; see the module docstring for how it stacks."""

    def __init__(
        self,
        method: Literal["sys", "fd", "tee-sys"],
        decode: Callable[[bytes], AnyStr],
        *,
        name: str,
        manager: CaptureManager | None = None,
    ) -> None:
        self.method = method
        self.name = name
        self._decode_fn: Callable[[bytes], AnyStr] = decode
        self._manager = manager
        self._streams: _Streams | None = None
        self._leftover = (b"", b"")

    def _start(self) -> None:
        if self._streams is not None:
            return
        streams = _Streams(self.method, stdin=False)
        if self._manager is not None:
            self._manager._push_fixture(self, streams)
        else:
            streams.start()
        self._streams = streams

    def _close(self) -> None:
        streams, self._streams = self._streams, None
        if streams is None:
            return
        if self._manager is not None:
            out, err = self._manager._pop_fixture(self, streams)
        else:
            streams.resume()
            out, err = streams.pop_to_orig()
            streams.done()
        self._leftover = (self._leftover[0] + out, self._leftover[1] + err)

    def _suspend(self) -> None:
        if self._streams is not None:
            self._streams.suspend()

    def _resume(self) -> None:
        if self._streams is not None:
            self._streams.resume()

    def readouterr(self) -> CaptureResult[AnyStr]:
        """Output captured since the previous call (or the start), as ``(out, err)``; resets it."""
        out, err = self._leftover
        self._leftover = (b"", b"")
        if self._streams is not None:
            new_out, new_err = self._streams.snap()
            out, err = out + new_out, err + new_err
        return CaptureResult(self._decode_fn(out), self._decode_fn(err))

    @contextmanager
    def disabled(self) -> Generator[None, None, None]:
        """Let output through to the terminal inside the block (this fixture and global capture)."""
        if self._manager is not None:
            if self._manager.is_suspended:
                yield
                return
            self._manager.suspend()
            try:
                yield
            finally:
                self._manager.resume()
            return
        self._suspend()
        try:
            yield
        finally:
            self._resume()


@overload
def make_capture_fixture(
    name: Literal["capsys", "capfd", "capteesys"], manager: CaptureManager | None = None
) -> CaptureFixture[str]: ...


@overload
def make_capture_fixture(
    name: Literal["capsysbinary", "capfdbinary"], manager: CaptureManager | None = None
) -> CaptureFixture[bytes]: ...


def make_capture_fixture(name: FixtureName, manager: CaptureManager | None = None) -> CaptureFixture[Any]:
    """The (not yet started) CaptureFixture for one of the capture fixture names."""
    method: Literal["sys", "fd", "tee-sys"] = (
        "fd" if name.startswith("capfd") else "tee-sys" if name == "capteesys" else "sys"
    )
    if name.endswith("binary"):
        return CaptureFixture(method, bytes, name=name, manager=manager)
    return CaptureFixture(method, _decode, name=name, manager=manager)
