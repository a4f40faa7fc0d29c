"""The built-in fixtures every suite can request, declared with asynctestrun's own ``fixture``.

Each is a thin adapter from the fixture protocol to a class in ``_builtins`` (or ``_declare``); the
runtime services some need (capture, log capture) are reached through ``request`` so nothing here
holds module-level state.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from .._declare.fixtures import fixture
from .._declare.warns import WarningsRecorder
from .monkeypatch import MonkeyPatch
from .subtests import CAPTURE_KEY, STASH_KEY, Subtests
from .tmpdir import TempPathFactory, make_tmp_path

# The pytest plugins each fixture here belongs to: ``-p no:NAME`` takes a plugin's fixtures out of
# pytest's run, so requesting one is a missing fixture. ``tmpdir`` and ``tmpdir_factory`` need both
# plugins (pytest's legacypath adds them only while the tmpdir plugin is there). Unlisted fixtures
# come from plugins that cannot be blocked.
PLUGINS_OF: dict[str, tuple[str, ...]] = {
    "cache": ("cacheprovider",),
    "capfd": ("capture",),
    "capfdbinary": ("capture",),
    "capsys": ("capture",),
    "capsysbinary": ("capture",),
    "capteesys": ("capture",),
    "caplog": ("logging",),
    "doctest_namespace": ("doctest",),
    "monkeypatch": ("monkeypatch",),
    "record_property": ("junitxml",),
    "record_testsuite_property": ("junitxml",),
    "record_xml_attribute": ("junitxml",),
    "recwarn": ("recwarn",),
    "subtests": ("subtests",),
    "tmp_path": ("tmpdir",),
    "tmp_path_factory": ("tmpdir",),
    "tmpdir": ("legacypath", "tmpdir"),
    "tmpdir_factory": ("legacypath", "tmpdir"),
}


@fixture(scope="session")
def pytestconfig(request: Any) -> Any:
    """The run's configuration (``getoption``, ``getini``, ``rootpath``)."""
    return request.config


@fixture(scope="session")
def tmp_path_factory(request: Any) -> TempPathFactory:
    basetemp = request.config.getoption("basetemp", None)
    factory = TempPathFactory(Path(basetemp) if basetemp else None)
    # Older runs are deleted once the session is over, as pytest's pytest_sessionfinish does: in this
    # fixture's teardown it would count against the last test's timeout.
    request.config.add_cleanup(factory.close)
    return factory


@fixture
def tmp_path(request: Any, tmp_path_factory: TempPathFactory) -> Path:
    return make_tmp_path(tmp_path_factory, request.node.name)


@fixture
def monkeypatch() -> Iterator[MonkeyPatch]:
    patcher = MonkeyPatch()
    yield patcher
    patcher.undo()


@fixture
def subtests(request: Any) -> Subtests:
    """``with subtests.test(msg, **params):`` blocks reported on their own (pytest 9)."""
    return Subtests(request.node.stash[STASH_KEY], request.node.stash[CAPTURE_KEY])


@fixture
def recwarn() -> Iterator[WarningsRecorder]:
    recorder = WarningsRecorder()
    with recorder:
        # As pytest's fixture: a "default" filter over the recorder's "always", so a warning repeated
        # from the same line is recorded once (``WarningsRecorder`` alone, as ``pytest.warns``, keeps
        # every repeat).
        warnings.simplefilter("default")
        yield recorder


def _writes_junit(config: Any) -> bool:
    """Whether this process writes the JUnit file: ``--junitxml`` was given and it is not a
    pytest-xdist worker (whose results the parent writes)."""
    return bool(config.getoption("xmlpath", None)) and not hasattr(config, "workerinput")


def _warn_incompatibility_with_xunit2(request: Any, fixture_name: str) -> None:
    """pytest's warning, at the test's place, that a JUnit file of family xunit2 (the default) has no
    room for what the fixture records. Only where a file is written: not without ``--junitxml``, nor
    in a pytest-xdist worker. Under ``filterwarnings = error`` it fails the test's set-up."""
    from .._declare.pytest_warnings import PytestWarning

    config = request.config
    family = config.getini("junit_family") or "xunit2"
    if _writes_junit(config) and family not in ("xunit1", "legacy"):
        message = f"{fixture_name} is incompatible with junit_family '{family}' (use 'legacy' or 'xunit1')"
        request.node.warn(PytestWarning(message))


@fixture
def record_property(request: Any) -> Callable[[str, object], None]:
    _warn_incompatibility_with_xunit2(request, "record_property")

    def record(name: str, value: object) -> None:
        request.node.user_properties.append((name, value))

    return record


@fixture
def record_xml_attribute(request: Any) -> Callable[[str, object], None]:
    from .._declare.pytest_warnings import PytestExperimentalApiWarning

    request.node.warn(PytestExperimentalApiWarning("record_xml_attribute is an experimental feature"))
    _warn_incompatibility_with_xunit2(request, "record_xml_attribute")

    def record(name: str, value: object) -> None:
        # An attribute of the test's JUnit testcase, not a property; pytest's fixture records
        # nothing where this process writes no JUnit file.
        if _writes_junit(request.config):
            request.node.xml_attributes.append((str(name), str(value)))

    return record


@fixture(scope="session")
def record_testsuite_property(request: Any) -> Callable[[str, object], None]:
    from .._model.events import SuitePropertyRecorded

    emit = request._services.emit if _writes_junit(request.config) else None

    def record(name: str, value: object) -> None:
        __tracebackhide__ = True
        if not isinstance(name, str):
            raise TypeError(f"name parameter needs to be a string, but {type(name).__name__} given")
        if emit is not None:  # pytest's fixture records nothing where no JUnit file is written
            emit(SuitePropertyRecorded(name, str(value)))

    return record


@fixture(scope="session")
def doctest_namespace() -> dict[str, Any]:
    return {}


def _capture_fixture(request: Any, name: str) -> Iterator[Any]:
    from .capture import make_capture_fixture

    capture = make_capture_fixture(name, request._services.capture)  # type: ignore[call-overload]
    capture._start()
    try:
        yield capture
    finally:
        capture._close()


@fixture
def capsys(request: Any) -> Iterator[Any]:
    """Capture writes to sys.stdout/sys.stderr; ``readouterr()`` returns what was written."""
    yield from _capture_fixture(request, "capsys")


@fixture
def capsysbinary(request: Any) -> Iterator[Any]:
    yield from _capture_fixture(request, "capsysbinary")


@fixture
def capteesys(request: Any) -> Iterator[Any]:
    """Like capsys, and what is written also reaches the streams it replaced (pytest 9)."""
    yield from _capture_fixture(request, "capteesys")


@fixture
def capfd(request: Any) -> Iterator[Any]:
    """Capture writes to file descriptors 1 and 2."""
    yield from _capture_fixture(request, "capfd")


@fixture
def capfdbinary(request: Any) -> Iterator[Any]:
    yield from _capture_fixture(request, "capfdbinary")


@fixture
def caplog(request: Any) -> Iterator[Any]:
    """Access and control log capturing: ``records``, ``text``, ``set_level``, ``at_level``..."""
    from .logging import LogCaptureFixture

    fixture_object = LogCaptureFixture(request._services.logging)
    try:
        yield fixture_object
    finally:
        fixture_object._finalize()


# Legacy py.path fixtures. Their import sits here rather than in the block above only because this
# section was appended while that block had another owner; it can move up with the others.
from .legacypath import LocalPath, TempdirFactory  # noqa: E402


@fixture(scope="session")
def tmpdir_factory(tmp_path_factory: TempPathFactory) -> TempdirFactory:
    """``tmp_path_factory`` handing out ``LocalPath`` (``py.path.local``-style) directories."""
    return TempdirFactory(tmp_path_factory)


@fixture
def tmpdir(tmp_path: Path) -> LocalPath:
    """``tmp_path`` as a ``LocalPath``, for suites written against ``py.path.local``."""
    return LocalPath(tmp_path)


@fixture(scope="session")
def cache(request: Any) -> Any:
    """The run's cache (``get``/``set``/``mkdir``), kept across runs in ``.asynctestrun_cache``."""
    return request.config.cache
