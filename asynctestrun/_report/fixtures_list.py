"""``--fixtures``: the fixtures visible to the collected tests, grouped by where they are defined."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import TextIO

from .._config.config import Config
from .._model.items import FixtureDef, Holder, HolderKind, TestItem
from .._plan.registry import FixtureRegistry


def _title(holder: Holder, config: Config) -> str:
    if holder.kind is HolderKind.BUILTIN:
        return "fixtures built into asynctestrun"
    if holder.kind is HolderKind.PLUGIN:
        return f"fixtures defined from plugin {holder.key}"
    if holder.kind is HolderKind.CONFTEST:
        return f"fixtures defined from {holder.key}/conftest.py"
    return f"fixtures defined from {holder.key}"


def print_fixtures(
    registry: FixtureRegistry, items: Sequence[TestItem], config: Config, out: TextIO | None = None
) -> None:
    out = out or sys.stdout
    holders: list[Holder] = []
    for item in items:
        for holder in item.holders:
            if holder not in holders:
                holders.append(holder)
    if not holders:
        holders = [h for h in registry.by_holder if h.kind in (HolderKind.BUILTIN, HolderKind.PLUGIN)]
    for holder in holders:
        defs = [d for d in registry.by_holder.get(holder, {}).values() if not d.name.startswith("_")]
        if not defs:
            continue
        out.write(f"\n{'-' * 10} {_title(holder, config)} {'-' * 10}\n")
        for fixturedef in sorted(defs, key=lambda d: d.name):
            scope = "" if fixturedef.scope.value == "function" else f" [{fixturedef.scope.value} scope]"
            loop = f" [loop: {fixturedef.loop_scope.value}]" if fixturedef.loop_scope is not None else ""
            out.write(f"{fixturedef.name}{scope}{loop} -- {fixturedef.location}\n")
            out.write(f"    {_first_doc_line(fixturedef)}\n")


def print_fixtures_per_test(
    registry: FixtureRegistry, items: Sequence[TestItem], verbose: int, out: TextIO | None = None
) -> None:
    """``--fixtures-per-test``: for each selected test, the fixtures it uses (the definition it gets,
    where several shadow each other), by name; private ones (``_name``) only with ``-v``."""
    from .terminal import _rule

    out = out or sys.stdout
    for item in items:
        defs = []
        for name in sorted(item.fixturenames):
            visible = registry.visible(name, item.holders)
            if visible and (verbose > 0 or not name.startswith("_")):
                defs.append(visible[-1])
        if not defs:
            continue
        line = f":{item.lineno}" if item.lineno is not None else ""
        out.write("\n" + _rule(f"fixtures used by {item.name}", "-") + "\n")
        out.write(_rule(f"({item.relpath}{line})", "-") + "\n")
        for fixturedef in defs:
            out.write(f"{fixturedef.name} -- {_relative_location(fixturedef.location)}\n")
            out.write(f"    {_first_doc_line(fixturedef)}\n")


def _relative_location(location: str) -> str:
    """``path:line`` with the path relative to the current directory, as pytest shows it."""
    path, sep, line = location.rpartition(":")
    return f"{os.path.relpath(path)}{sep}{line}" if sep and os.path.isabs(path) else location


def _first_doc_line(fixturedef: FixtureDef) -> str:
    doc = (getattr(fixturedef.func, "__doc__", None) or "").strip().splitlines()
    return doc[0].strip() if doc else "no docstring available"
