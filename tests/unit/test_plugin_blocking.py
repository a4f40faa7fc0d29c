"""``-p no:NAME`` blocks what pytest blocks: the registration names NAME and pytest_NAME."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from asynctestrun._collect import plugins
from asynctestrun._config.config import Config


@dataclass
class FakeEntryPoint:
    name: str
    value: str

    def load(self) -> ModuleType:
        return ModuleType(self.value)


@dataclass
class RecordingCollector:
    registered: list[str] = field(default_factory=list)

    def register_plugin(self, name: str, module: object) -> None:
        self.registered.append(name)


# Entry point names as their packages spell them: pytest-mock's is its module's name,
# pytest-repeat's is not.
ENTRY_POINTS = [FakeEntryPoint("pytest_mock", "pytest_mock"), FakeEntryPoint("repeat", "pytest_repeat")]


def _loaded(monkeypatch: pytest.MonkeyPatch, *disabled: str) -> list[str]:
    monkeypatch.delenv("PYTEST_DISABLE_PLUGIN_AUTOLOAD", raising=False)
    monkeypatch.setattr(plugins, "_pytest11", lambda: ENTRY_POINTS)
    config = Config(
        rootdir=Path("."), invocation_dir=Path("."), inipath=None, ini={}, args=(), disabled_plugins=disabled
    )
    collector: Any = RecordingCollector()
    plugins.load_entry_point_plugins(collector, config)
    return list(collector.registered)


@pytest.mark.parametrize(
    ("disabled", "loaded"),
    [
        ((), ["pytest_mock", "repeat"]),
        # pytest also blocks pytest_NAME: "mock" turns pytest-mock off.
        (("mock",), ["repeat"]),
        (("pytest_mock",), ["repeat"]),
        (("repeat",), ["pytest_mock"]),
        # The module an entry point points to is not a name pytest blocks by.
        (("pytest_repeat",), ["pytest_mock", "repeat"]),
    ],
)
def test_entry_points_blocked_by_registration_name(
    monkeypatch: pytest.MonkeyPatch, disabled: tuple[str, ...], loaded: list[str]
) -> None:
    assert _loaded(monkeypatch, *disabled) == loaded


@pytest.mark.parametrize(
    ("plugin_args", "autoload", "asyncio", "anyio"),
    [
        ((), True, True, True),
        (("no:asyncio",), True, False, True),
        (("no:anyio",), True, True, False),
        # Only the entry point names block them: not the package or module an entry point names.
        (("no:pytest_asyncio", "no:anyio.pytest_plugin"), True, True, True),
        # Autoload off: only ``-p NAME`` (entry point or plugin module) brings one in.
        ((), False, False, False),
        (("asyncio", "anyio.pytest_plugin"), False, True, True),
        (("pytest_asyncio.plugin", "no:anyio"), False, True, False),
    ],
)
def test_async_plugins_in_the_run(
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    plugin_args: tuple[str, ...],
    autoload: bool,
    asyncio: bool,
    anyio: bool,
) -> None:
    from asynctestrun._config.load import CliOptions, load

    if autoload:
        monkeypatch.delenv("PYTEST_DISABLE_PLUGIN_AUTOLOAD", raising=False)
    else:
        monkeypatch.setenv("PYTEST_DISABLE_PLUGIN_AUTOLOAD", "1")
    (tmp_path / "pytest.ini").write_text("[pytest]\n")
    config = load(CliOptions(args=(str(tmp_path),), plugins=plugin_args), tmp_path)
    assert (config.asyncio_plugin, config.anyio_plugin) == (asyncio, anyio)


def test_builtin_fixtures_know_their_plugins() -> None:
    """Every fixture named as a blockable plugin's is one the built-ins define, and every plugin named
    is one of pytest's own (a typo would leave the fixture in the run whatever -p no: says)."""
    from asynctestrun._builtins import fixtures

    for name, owners in fixtures.PLUGINS_OF.items():
        assert callable(getattr(fixtures, name)), name
        assert set(owners) <= plugins.PYTEST_INTERNAL, name
