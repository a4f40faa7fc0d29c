"""``-m`` under strict markers: every name in the expression must be a registered mark (pytest 9.2)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from asynctestrun._config.config import Config, ConfigError
from asynctestrun._plan.select import select


def _config(**kwargs: Any) -> Config:
    return Config(rootdir=Path.cwd(), invocation_dir=Path.cwd(), inipath=None, ini={}, args=(), **kwargs)


def _registered(name: str) -> bool:
    return name in {"slow", "fast"}


def test_an_unknown_name_is_a_usage_error_naming_each_sorted() -> None:
    config = _config(markexpr="zed or slow or (not abc)", strict_markers=True)
    with pytest.raises(ConfigError, match=r"Unknown marker\(s\) in '-m' expression: abc, zed\. "):
        select([], config, _registered)


def test_call_arguments_are_not_mark_names() -> None:
    config = _config(markexpr="slow(reason=1) and not fast", strict_markers=True)
    assert select([], config, _registered) == ([], 0)


def test_without_strict_markers_any_name_is_accepted() -> None:
    config = _config(markexpr="typo", strict_markers=False)
    assert select([], config, _registered) == ([], 0)
