"""``declared_dest``: the dest argparse gives a plugin's ``addoption`` declaration."""

from __future__ import annotations

import argparse
from typing import Any

import pytest

from asynctestrun._shim.option_names import declared_dest

DECLARATIONS: list[tuple[tuple[str, ...], dict[str, Any]]] = [
    (("--vcr-record-mode",), {"dest": "deprecated_vcr_record"}),
    (("--run-slow",), {}),
    (("-R", "--replay-all"), {"action": "store_true"}),
    (("-Z",), {"action": "store_true"}),
    (("-q", "--quiet", "--no-output"), {}),
]


@pytest.mark.parametrize(("opts", "attrs"), DECLARATIONS)
def test_the_dest_is_argparses(opts: tuple[str, ...], attrs: dict[str, Any]) -> None:
    action = argparse.ArgumentParser(add_help=False).add_argument(*opts, **attrs)
    assert declared_dest(opts, attrs) == action.dest
