"""Temporary directories: ``TempPathFactory`` (``tmp_path_factory``) and ``make_tmp_path`` (``tmp_path``).

Layout, as pytest's but with our name::

    <system temp>/asynctestrun-of-<user>/
        asynctestrun-7/            one per run: the base temp (``--basetemp`` replaces it)
            test_add_1_2_0/        tmp_path of test_add[1-2], numbered so reruns never clash
        asynctestrun-current -> asynctestrun-7

Each run gets the next number; only the ``retention_count`` most recent run directories are kept.
A run marks its directory with a ``.lock`` holding its pid, and cleanup skips directories whose
lock belongs to a live process, so concurrent runs (watch mode, CI matrices) do not delete each
other's files. As in pytest, older runs are deleted when the session ends (``close``, which the
``tmp_path_factory`` fixture hands to ``config.add_cleanup``), not when the base temp is made: that
happens inside the first test asking for a temporary directory, whose timeout would count the time
spent deleting hundreds of old directories.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import tempfile
import uuid
from pathlib import Path

_LOCK_NAME = ".lock"
_RUN_PREFIX = "asynctestrun-"


def _get_user() -> str | None:
    try:
        import getpass  # imported here: it is slow to import, and only the first tmp_path needs it

        return getpass.getuser()
    except (ImportError, OSError, KeyError):
        return None  # no login name (containers with an unknown uid)


def _numbered_entries(root: Path, prefix: str) -> list[tuple[int, Path]]:
    entries: list[tuple[int, Path]] = []
    for path in root.iterdir():
        suffix = path.name[len(prefix) :]
        if path.name.startswith(prefix) and suffix.isdigit():
            entries.append((int(suffix), path))
    return entries


def make_numbered_dir(root: Path, prefix: str, mode: int = 0o700) -> Path:
    """Create ``root/<prefix><N>`` with N one above the highest existing number."""
    for _ in range(10):
        numbers = [number for number, _path in _numbered_entries(root, prefix)]
        path = root / f"{prefix}{max(numbers, default=-1) + 1}"
        try:
            path.mkdir(mode=mode)
        except FileExistsError:
            continue  # another process took this number between the listing and mkdir
        return path
    raise OSError(f"could not create numbered dir with prefix {prefix} in {root} after 10 tries")


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # exists, owned by someone else
    except OSError:
        return False
    return True


def _in_use(path: Path) -> bool:
    try:
        pid = int((path / _LOCK_NAME).read_text().strip() or "0")
    except (OSError, ValueError):
        return False
    return pid > 0 and _pid_alive(pid)


def _remove(path: Path) -> None:
    """Rename first so a half-deleted directory never looks like a numbered one, then delete."""
    garbage = path.parent / f"garbage-{uuid.uuid4()}"
    try:
        path.rename(garbage)
    except OSError:
        return  # already gone, or held open on a platform that forbids it: try next run
    shutil.rmtree(garbage, ignore_errors=True)


class TempPathFactory:
    """Creates the run's base temp directory lazily and unique directories beneath it."""

    def __init__(
        self,
        basetemp: str | os.PathLike[str] | None = None,
        *,
        retention_count: int = 3,
        temproot: str | os.PathLike[str] | None = None,
    ) -> None:
        if retention_count < 0:
            raise ValueError(f"retention_count must be >= 0, not {retention_count}")
        self._given_basetemp = Path(basetemp) if basetemp is not None else None
        self._temproot = Path(temproot) if temproot is not None else None
        self._retention_count = retention_count
        self._basetemp: Path | None = None
        self._lock: Path | None = None
        self._user_rootdir: Path | None = None  # where the run directories are, once one is made here

    def getbasetemp(self) -> Path:
        """The run's base directory, created on first use."""
        if self._basetemp is not None:
            return self._basetemp
        if self._given_basetemp is not None:
            basetemp = self._given_basetemp.resolve()
            # --basetemp means "exactly this directory, fresh": wipe what a previous run left.
            if basetemp.exists():
                shutil.rmtree(basetemp)
            basetemp.mkdir(mode=0o700, parents=True)
        else:
            basetemp = self._make_run_dir()
        self._basetemp = basetemp
        return basetemp

    def _user_root(self) -> Path:
        temproot = (self._temproot or Path(tempfile.gettempdir())).resolve()
        rootdir = temproot / f"asynctestrun-of-{_get_user() or 'unknown'}"
        try:
            rootdir.mkdir(mode=0o700, exist_ok=True)
        except OSError:
            # The login name may hold characters the filesystem refuses ("DOMAIN\\user").
            rootdir = temproot / "asynctestrun-of-unknown"
            rootdir.mkdir(mode=0o700, exist_ok=True)
        if hasattr(os, "getuid"):
            # A shared /tmp lets another user pre-create this directory to read or plant files.
            info = rootdir.stat()
            if info.st_uid != os.getuid():
                raise OSError(
                    f"The temporary directory {rootdir} is not owned by the current user. "
                    "Fix this and try again."
                )
            if info.st_mode & 0o077:
                rootdir.chmod(info.st_mode & ~0o077)
        return rootdir

    def _make_run_dir(self) -> Path:
        rootdir = self._user_root()
        path = make_numbered_dir(rootdir, _RUN_PREFIX)
        self._lock = path / _LOCK_NAME
        self._lock.write_text(str(os.getpid()))
        self._point_current(rootdir, path)
        self._user_rootdir = rootdir
        return path

    @staticmethod
    def _point_current(rootdir: Path, path: Path) -> None:
        link = rootdir / f"{_RUN_PREFIX}current"
        # A convenience for people looking for the last run's files; never worth failing over.
        with contextlib.suppress(OSError):
            link.unlink(missing_ok=True)
            link.symlink_to(path)

    def _cleanup(self, rootdir: Path) -> None:
        # Counted from the newest run now there, as pytest's cleanup_numbered_dir counts: runs started
        # while this one was going may have taken higher numbers.
        newest = max((number for number, _path in _numbered_entries(rootdir, _RUN_PREFIX)), default=0)
        oldest_kept = newest - max(self._retention_count, 1) + 1
        for number, path in _numbered_entries(rootdir, _RUN_PREFIX):
            if number < oldest_kept and not _in_use(path):
                _remove(path)
        for leftover in rootdir.glob("garbage-*"):
            shutil.rmtree(leftover, ignore_errors=True)

    def mktemp(self, basename: str, numbered: bool = True) -> Path:
        """A new directory under the base temp: ``<basename><N>`` if numbered, else ``<basename>``."""
        basetemp = self.getbasetemp()
        normalized = os.path.normpath(basename)
        if (basetemp / normalized).resolve().parent != basetemp:
            raise ValueError(f"{basename} is not a normalized and relative path")
        if not numbered:
            path = basetemp / normalized
            path.mkdir(mode=0o700)
            return path
        return make_numbered_dir(basetemp, normalized)

    def close(self) -> None:
        """End of session: delete older runs' directories beyond ``retention_count``, then release this
        run's lock so later runs may clean its directory up."""
        if self._user_rootdir is not None:
            self._cleanup(self._user_rootdir)
            self._user_rootdir = None
        if self._lock is not None:
            self._lock.unlink(missing_ok=True)
            self._lock = None


_MAX_NAME = 30


def make_tmp_path(factory: TempPathFactory, nodename: str) -> Path:
    """A fresh directory for one test, named after it: ``test_add[1-2]`` -> ``test_add_1_2_0``."""
    name = re.sub(r"\W", "_", nodename)[:_MAX_NAME]
    return factory.mktemp(name, numbered=True)
