"""Evaluating ``skip``, ``skipif`` and ``xfail`` marks before a test runs (pytest's semantics).

String conditions are evaluated with ``os``, ``sys``, ``platform`` and ``config`` available, plus the
test module's globals; boolean conditions need a ``reason``.
"""

from __future__ import annotations

import os
import platform
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .._declare.outcomes import Failed
from .._model.items import TestItem
from .._model.marks import Mark

# ``_pytest.skipping.xfailed_key``: the test's evaluated xfail mark, kept in ``item.stash`` from its
# set-up on, as pytest's skipping plugin does (pytest-check reads it to xfail failed soft checks).
XFAILED_KEY = object()


@dataclass(frozen=True, slots=True)
class XfailSpec:
    reason: str
    run: bool
    strict: bool
    raises: type[BaseException] | tuple[type[BaseException], ...] | None


# The test's pytest_markeval_namespace answers (its item.ihook's), asked for when a string condition
# is evaluated.
MarkevalAnswers = Callable[[], list[Any]]


def _evaluate(
    condition: object, mark: Mark, item: TestItem, config: Any, markeval: MarkevalAnswers | None
) -> tuple[bool, str]:
    reason = mark.kwargs.get("reason")
    if isinstance(condition, str):
        namespace: dict[str, Any] = {"os": os, "sys": sys, "platform": platform, "config": config}
        if markeval is not None:
            namespace.update(_hook_namespace(markeval()))
        namespace.update(getattr(item.module, "__dict__", {}))
        if hasattr(item.function, "__globals__"):
            namespace.update(item.function.__globals__)
        try:
            result = eval(compile(condition, f"<{mark.name} condition>", "eval"), namespace)
        except Exception as exc:
            raise Failed(
                f"Error evaluating {mark.name!r} condition\n    {condition}\n{type(exc).__name__}: {exc}",
                pytrace=False,
            ) from None
        return bool(result), reason if reason is not None else f"condition: {condition}"
    try:
        result = bool(condition)
    except Exception as exc:
        raise Failed(f"Error evaluating {mark.name!r} condition as a boolean\n{exc}", pytrace=False) from None
    if reason is None and mark.name == "skipif":
        raise Failed(
            f"Error evaluating {mark.name!r}: you need to specify reason=STRING when using booleans "
            "as conditions.",
            pytrace=False,
        )
    return result, reason or ""


def _hook_namespace(answers: list[Any]) -> dict[str, Any]:
    """What the ``pytest_markeval_namespace`` hooks add to a condition's names: the first registered
    first, so a nearer conftest's names win over an outer one's or a plugin's, and the test module's
    over all of them."""
    namespace: dict[str, Any] = {}
    for answer in reversed(answers):
        if not isinstance(answer, dict):
            raise Failed(f"pytest_markeval_namespace() needs to return a dict, got {answer!r}", pytrace=False)
        namespace.update(answer)
    return namespace


def skip_reason(
    item: TestItem, marks: list[Mark], config: Any, markeval: MarkevalAnswers | None = None
) -> str | None:
    # As pytest: every skipif (nearest first) before any skip, so a module's true skipif names the
    # reason of a test that also carries a skip mark (an empty parameter set's, say).
    for mark in marks:
        if mark.name == "skipif":
            conditions = (
                mark.args
                if mark.args
                else ((mark.kwargs["condition"],) if "condition" in mark.kwargs else ())
            )
            if not conditions:
                return str(mark.kwargs.get("reason", ""))
            for condition in conditions:
                hit, reason = _evaluate(condition, mark, item, config, markeval)
                if hit:
                    return reason
    for mark in marks:
        if mark.name == "skip":
            if "reason" in mark.kwargs:
                return str(mark.kwargs["reason"])
            if mark.args:
                return str(mark.args[0])
            return "unconditional skip"
    return None


def xfail_spec(
    item: TestItem,
    marks: list[Mark],
    config: Any,
    strict_default: bool,
    markeval: MarkevalAnswers | None = None,
) -> XfailSpec | None:
    for mark in marks:
        if mark.name != "xfail":
            continue
        run = bool(mark.kwargs.get("run", True))
        strict = bool(mark.kwargs.get("strict", strict_default))
        raises = mark.kwargs.get("raises")
        conditions = (
            mark.args if mark.args else ((mark.kwargs["condition"],) if "condition" in mark.kwargs else ())
        )
        if not conditions:
            return XfailSpec(str(mark.kwargs.get("reason", "")), run, strict, raises)
        for condition in conditions:
            hit, reason = _evaluate(condition, mark, item, config, markeval)
            if hit:
                return XfailSpec(reason, run, strict, raises)
    return None
