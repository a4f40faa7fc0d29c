"""Selecting tests with ``-k``, ``-m`` and ``--deselect``: returns (selected, number deselected)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from .._config.config import Config, ConfigError
from .._model.items import TestItem

if TYPE_CHECKING:
    from .._select.expression import Expression


def _compile(text: str, flag: str) -> Expression:
    from .._select.expression import Expression, ExpressionError

    try:
        return Expression.compile(text)
    except ExpressionError as exc:
        raise ConfigError(
            f"Wrong expression passed to '{flag}': {text}: at column {exc.column}: {exc.message}"
        ) from None


def _check_mark_names(markexpr: Expression, is_registered: Callable[[str], bool]) -> None:
    """Under strict markers pytest 9.2 refuses a ``-m`` expression naming an unregistered mark (a
    usage error), where a typo would otherwise deselect every test without a word."""
    unknown = sorted(name for name in markexpr.idents if not is_registered(name))
    if unknown:
        raise ConfigError(
            f"Unknown marker(s) in '-m' expression: {', '.join(unknown)}. "
            "Use 'asynctestrun --markers' to see available markers."
        )


def select(
    items: Sequence[TestItem], config: Config, is_registered_mark: Callable[[str], bool] | None = None
) -> tuple[list[TestItem], int]:
    if not (config.keyword or config.markexpr or config.deselect):
        return list(items), 0
    # Imported here: most runs select nothing, and the expression module is costly to import.
    from .._select.expression import ExpressionError, keyword_matcher, marker_matcher

    keyword = _compile(config.keyword, "-k") if config.keyword else None
    markexpr = _compile(config.markexpr, "-m") if config.markexpr else None
    if markexpr is not None and config.strict_markers and is_registered_mark is not None:
        _check_mark_names(markexpr, is_registered_mark)
    deselect = tuple(config.deselect)
    selected: list[TestItem] = []
    for item in items:
        if deselect and any(
            item.nodeid == d or item.nodeid.startswith(d + "::") or item.nodeid.startswith(d + "[")
            for d in deselect
        ):
            continue
        try:
            if keyword is not None and not keyword.evaluate(keyword_matcher(item.keywords)):
                continue
            if markexpr is not None and not markexpr.evaluate(
                marker_matcher((m.name, m.kwargs) for m in item.marks)
            ):
                continue
        except ExpressionError as exc:
            flag = "-k" if keyword is not None else "-m"
            raise ConfigError(
                f"Wrong expression passed to '{flag}': at column {exc.column}: {exc.message}"
            ) from None
        selected.append(item)
    return selected, len(items) - len(selected)
