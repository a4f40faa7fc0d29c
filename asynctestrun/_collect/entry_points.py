"""The ``pytest11`` entry points of the installed distributions, read without ``importlib.metadata``.

Why not ``importlib.metadata.entry_points``: importing it (email, zipfile, csv, calendar, ...) and
scanning with it took 28 ms of every run here, a third of asynctestrun's own start-up, for what is
usually an empty answer. Installed distributions are directories named ``NAME-VERSION.dist-info`` or
``NAME.egg-info`` in the ``sys.path`` directories, each with an optional ``entry_points.txt`` in INI form;
that is all this reads, in the order ``importlib.metadata`` reads it (``sys.path`` order, then directory
listing order; the first distribution of a name wins). Anything else, a zip or egg file on
``sys.path`` or a meta path finder with distributions of its own, makes :func:`pytest11` return None
and the caller uses ``importlib.metadata`` as before.
"""

from __future__ import annotations

import importlib
import os
import re
import sys
from dataclasses import dataclass
from functools import reduce
from typing import Any

GROUP = "pytest11"
_INFO_SUFFIXES = (".dist-info", ".egg-info")
_VALUE = re.compile(r"(?P<module>[\w.]+)\s*(:\s*(?P<attr>[\w.]+)\s*)?((?P<extras>\[.*\])\s*)?$")


@dataclass(frozen=True, slots=True)
class EntryPoint:
    """What the plugin loader uses of ``importlib.metadata.EntryPoint``."""

    name: str
    value: str

    def load(self) -> Any:
        match = _VALUE.match(self.value)
        if match is None:
            raise ValueError(f"malformed entry point value {self.value!r}")
        module = importlib.import_module(match.group("module"))
        attrs = [part for part in (match.group("attr") or "").split(".") if part]
        return reduce(getattr, attrs, module)


def pytest11() -> list[EntryPoint] | None:
    """The ``pytest11`` entry points, or None when the environment needs ``importlib.metadata``."""
    if not _only_path_finder():
        return None
    found: list[EntryPoint] = []
    seen: set[str] = set()
    for entry in sys.path:
        directory = entry or "."
        if os.path.isfile(directory):
            return None  # a zip or an egg: importlib.metadata reads inside it
        try:
            children = os.listdir(directory)
        except OSError:
            continue
        for child in children:
            low = child.lower()
            if not low.endswith(_INFO_SUFFIXES):
                continue
            name = _normalize(low.rpartition(".")[0].partition("-")[0])
            if name in seen:
                continue
            seen.add(name)
            found.extend(_read(os.path.join(directory, child, "entry_points.txt")))
    return found


def _only_path_finder() -> bool:
    """True when the standard path finder is the only finder that lists distributions."""
    from importlib.machinery import PathFinder

    return all(finder is PathFinder or not hasattr(finder, "find_distributions") for finder in sys.meta_path)


def _normalize(name: str) -> str:
    return re.sub(r"[-_.]+", "_", name).lower()


def _read(path: str) -> list[EntryPoint]:
    try:
        with open(path, encoding="utf-8") as stream:
            text = stream.read()
    except (OSError, UnicodeDecodeError):
        return []
    return parse(text)


def parse(text: str) -> list[EntryPoint]:
    """The ``pytest11`` section of an ``entry_points.txt``."""
    found: list[EntryPoint] = []
    section = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1].strip()
            continue
        if section == GROUP and "=" in line:
            name, _, value = line.partition("=")
            found.append(EntryPoint(name.strip(), value.strip()))
    return found
