"""The quick ``pytest11`` entry point scan agrees with importlib.metadata."""

from __future__ import annotations

import sys
import zipfile
from importlib.metadata import entry_points
from pathlib import Path

import pytest

from asynctestrun._collect import entry_points as quick


def _dist(site: Path, dirname: str, text: str) -> None:
    info = site / dirname
    info.mkdir(parents=True)
    (info / "entry_points.txt").write_text(text)


def _both() -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    found = quick.pytest11()
    assert found is not None
    expected = [(ep.name, ep.value) for ep in entry_points(group="pytest11")]
    return [(ep.name, ep.value) for ep in found], expected


def test_the_scan_matches_importlib_metadata_in_this_environment() -> None:
    found, expected = _both()
    assert found == expected


def test_first_distribution_of_a_name_wins_and_other_groups_are_ignored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    _dist(
        first,
        "Fake_Plugin-1.0.dist-info",
        "# comment\n[console_scripts]\nfake = fake:main\n\n[pytest11]\n fake = fake_plugin.core [extra]\n",
    )
    _dist(second, "fake.plugin-2.0.dist-info", "[pytest11]\nfake_old = fake_old\n")
    _dist(second, "other.egg-info", "[pytest11]\nother = other_mod:attr.inner\n")
    monkeypatch.setattr(sys, "path", [str(first), str(second), str(tmp_path / "missing")])
    found, expected = _both()
    assert found == expected
    assert found == [("fake", "fake_plugin.core [extra]"), ("other", "other_mod:attr.inner")]


def test_a_zip_on_the_path_falls_back_to_importlib_metadata(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    archive = tmp_path / "bundle.zip"
    with zipfile.ZipFile(archive, "w") as bundle:
        bundle.writestr("zipped-1.0.dist-info/entry_points.txt", "[pytest11]\nzipped = zipped\n")
    monkeypatch.setattr(sys, "path", [str(archive)])
    assert quick.pytest11() is None


def test_load_follows_the_attribute_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "ep_target_mod.py").write_text("class Holder:\n    inner = 42\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    assert quick.EntryPoint("x", "ep_target_mod:Holder.inner [extra]").load() == 42
    assert quick.EntryPoint("y", "ep_target_mod").load().__name__ == "ep_target_mod"
