"""What rewritten ``assert`` statements call at run time: the failure message builder.

``rewrite`` turns ``assert f(x.y)`` into code that stores each sub-expression in a temporary
(initialised to ``UNSET``) and, only when the test is falsy, raises
``failure(template, values, locals())``. The *template* is a nested tuple of constants that the
rewriter derived from the expression's shape; *values* holds the temporaries, indexed by the
template's slot numbers. Every node of the template is ``(kind, slot, *fields)``:

=========  ==================================  ===================================
kind       fields                              shown as
=========  ==================================  ===================================
value      (none)                              repr of the value
name       identifier                          repr, or the name for globals and
                                               builtins that are callables/modules
attr       object node, attribute name         value, ``+ where value = obj.attr``
call       function node, ((prefix, node),)    value, ``+ where value = f(args)``
compare    (operators,), (operand nodes,)      ``left op right`` of the failing pair,
                                               or the comparison's detail lines
bool       "and" / "or", (operand nodes,)      ``(a and b)``, evaluated operands only
unary      operator text, operand node         ``not x``
binop      operator text, left, right          ``(a + b)``
=========  ==================================  ===================================

A name's slot holds ``True`` once the name was evaluated, not its value (no extra reference to
the object while the assert runs, as under pytest): ``failure`` reads the value again from the
asserting frame's locals, globals or builtins.

A slot still holding ``UNSET`` was never evaluated (short-circuited ``and`` / ``or``, or the rest
of a comparison chain after the first false link); it is simply not shown. So the message is
built from values computed exactly once, and only when the assertion has already failed.

Verbosity comes from the ``SETTINGS`` context variable, set by the stage that runs tests. A
context variable rather than a module global: rewritten code cannot be handed parameters, and a
context variable is per thread and per task, so concurrent runs in one process do not collide.
"""

from __future__ import annotations

import builtins
import sys
import types
from collections.abc import Callable, Mapping
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Final, cast

from .saferepr import DEFAULT_MAXSIZE, safe_repr

KIND_VALUE: Final = "value"
KIND_NAME: Final = "name"
KIND_ATTR: Final = "attr"
KIND_CALL: Final = "call"
KIND_COMPARE: Final = "compare"
KIND_BOOL: Final = "bool"
KIND_UNARY: Final = "unary"
KIND_BINOP: Final = "binop"

Template = tuple[object, ...]


class _Unset:
    """Marks a temporary that was never assigned; distinct from every user value."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "UNSET"


UNSET: Final = _Unset()


@dataclass(frozen=True, slots=True)
class AssertionSettings:
    """How much a failure message shows. ``verbose`` is pytest's ``-v`` count.

    ``truncate`` keeps comparison details to about eight lines; the runner turns it off for
    ``-vv`` and on CI, as pytest does.
    """

    verbose: int = 0
    truncate: bool = True
    # The run's pytest_assertrepr_compare implementations (syrupy's, inline-snapshot's, a conftest's),
    # asked before the built-in explanation: ``(op, left, right)`` to the first non-empty answer.
    compare_hook: Callable[[str, object, object], list[str] | None] | None = None


SETTINGS: ContextVar[AssertionSettings] = ContextVar(
    "asynctestrun_assertion_settings",
    default=AssertionSettings(),  # noqa: B039  # frozen dataclass: sharing the default is safe
)


def failure(
    template: Template, values: tuple[object, ...], names: Mapping[str, object], message: object = UNSET
) -> AssertionError:
    """The ``AssertionError`` for a failed rewritten ``assert`` (the caller raises it).

    ``names`` are the asserting frame's locals: a local is always shown by value, a global
    function or module by its name. ``message`` is the ``assert``'s second operand, if any.
    """
    try:
        caller = sys._getframe(1)  # the asserting frame: its globals, for the names it read
        values = _with_names(template, values, names, caller.f_globals)
        text = _Renderer(values, names, SETTINGS.get()).render(template)
    except Exception as exc:  # a broken explanation must not hide the failure itself
        text = f"assert <could not explain the failure: {safe_repr(exc)}>"
    if message is not UNSET:
        text = _format_message(message) + "\n" + text
    return AssertionError(text)


def _with_names(
    template: Template,
    values: tuple[object, ...],
    names: Mapping[str, object],
    globals_: Mapping[str, object],
) -> tuple[object, ...]:
    """``values`` with each evaluated name's slot holding the name's value, read from the frame."""
    resolved = list(values)
    builtins_ = globals_.get("__builtins__", builtins)
    builtin_names = builtins_ if isinstance(builtins_, Mapping) else vars(builtins_)
    pending: list[object] = [template]
    while pending:
        node = pending.pop()
        if not isinstance(node, tuple):
            continue
        if node and node[0] == KIND_NAME and len(node) == 3 and isinstance(node[2], str):
            slot, name = cast(int, node[1]), node[2]
            if resolved[slot] is not UNSET:
                for scope in (names, globals_, builtin_names):
                    if name in scope:
                        resolved[slot] = scope[name]
                        break
            continue
        pending.extend(node)
    return tuple(resolved)


def _format_message(message: object) -> str:
    if isinstance(message, str):
        return message.replace("\n", "\n  ")
    # Escaped newlines in a repr become real line breaks, so a multi-line value stays readable.
    return safe_repr(message).replace("\\n", "\n  ")


@dataclass(slots=True)
class _Where:
    """One ``+ where <value> = <expression>`` line and the lines nested under it."""

    value: str
    expression: str
    wheres: list[_Where] = field(default_factory=list)


@dataclass(slots=True)
class _Shown:
    """How a sub-expression reads inside its parent, plus the ``where`` lines it brings along."""

    text: str
    wheres: list[_Where] = field(default_factory=list)


class _Renderer:
    def __init__(self, values: tuple[object, ...], names: Mapping[str, object], settings: AssertionSettings):
        self._values = values
        self._names = names
        self._settings = settings
        self._maxsize = {0: DEFAULT_MAXSIZE, 1: DEFAULT_MAXSIZE * 10}.get(settings.verbose)

    def render(self, template: Template) -> str:
        shown = self._show(template)
        lines: list[str] = []
        _emit(lines, "assert ", shown.text, 0)
        _emit_wheres(lines, shown.wheres, 1)
        return "\n".join(lines)

    def _display(self, value: object) -> str:
        if isinstance(value, types.MethodType):
            # "where 0 = m(0) / where m = <obj>.m" reads better than the bound-method repr.
            return value.__name__
        return safe_repr(value, self._maxsize).replace("\n", "\\n")

    def _show(self, node: Template) -> _Shown:
        kind, value = node[0], self._values[cast(int, node[1])]
        if kind == KIND_NAME:
            name = cast(str, node[2])
            return _Shown(self._display(value) if self._show_by_value(name, value) else name)
        if kind == KIND_ATTR:
            owner = self._show(cast(Template, node[2]))
            shown = self._display(value)
            return _Shown(shown, [_Where(shown, f"{owner.text}.{node[3]}", owner.wheres)])
        if kind == KIND_CALL:
            return self._show_call(node, value)
        if kind == KIND_COMPARE:
            return self._show_compare(node)
        if kind == KIND_BOOL:
            operands = [
                self._show(operand)
                for operand in cast(tuple[Template, ...], node[3])
                if self._values[cast(int, operand[1])] is not UNSET
            ]
            text = "(" + f" {node[2]} ".join(operand.text for operand in operands) + ")"
            return _Shown(text, [where for operand in operands for where in operand.wheres])
        if kind == KIND_UNARY:
            operand = self._show(cast(Template, node[3]))
            return _Shown(f"{node[2]}{operand.text}", operand.wheres)
        if kind == KIND_BINOP:
            left, right = self._show(cast(Template, node[3])), self._show(cast(Template, node[4]))
            return _Shown(f"({left.text} {node[2]} {right.text})", left.wheres + right.wheres)
        return _Shown(self._display(value))

    def _show_by_value(self, name: str, value: object) -> bool:
        if name in self._names:
            return True
        # Global functions, classes, builtins and modules read better as their name.
        if callable(value):
            return False
        try:
            return not hasattr(value, "__name__")
        except Exception:  # a __getattr__ that raises something other than AttributeError
            return True

    def _show_call(self, node: Template, value: object) -> _Shown:
        function = self._show(cast(Template, node[2]))
        arguments = [(prefix, self._show(argument)) for prefix, argument in cast(_Arguments, node[3])]
        wheres = function.wheres + [where for _, argument in arguments for where in argument.wheres]
        call = f"{function.text}({', '.join(prefix + argument.text for prefix, argument in arguments)})"
        shown = self._display(value)
        return _Shown(shown, [_Where(shown, call, wheres)])

    def _show_compare(self, node: Template) -> _Shown:
        operators = cast(tuple[str, ...], node[2])
        operands = cast(tuple[Template, ...], node[3])
        # A chain stops at its first false link, so the last evaluated pair is the one that failed.
        evaluated = sum(self._values[cast(int, operand[1])] is not UNSET for operand in operands)
        index = max(evaluated - 2, 0)
        left_node, right_node = operands[index], operands[index + 1]
        details = self._compare_details(
            operators[index], self._values[cast(int, left_node[1])], self._values[cast(int, right_node[1])]
        )
        if details is not None:
            return _Shown(details)
        left, right = self._show(left_node), self._show(right_node)
        return _Shown(
            f"{_parenthesised(left_node, left)} {operators[index]} {_parenthesised(right_node, right)}",
            left.wheres + right.wheres,
        )

    def _compare_details(self, operator: str, left: object, right: object) -> str | None:
        from .explain import explain_comparison, truncate_explanation

        verbose = self._settings.verbose
        try:
            lines = self._hooked_details(operator, left, right)
            if lines is None:
                lines = explain_comparison(operator, left, right, verbose)
        except Exception as exc:
            # A user __eq__ or __len__ raised while we compared items: report that, keep going.
            summary = f"{safe_repr(left, 30)} {operator} {safe_repr(right, 30)}"
            return f"{summary}\n\n(could not explain the comparison: {safe_repr(exc)})"
        if lines is None:
            return None
        if self._settings.truncate and verbose < 2:
            lines = truncate_explanation(lines)
        return "\n".join(lines)

    def _hooked_details(self, operator: str, left: object, right: object) -> list[str] | None:
        """The first explanation a ``pytest_assertrepr_compare`` hook gave; a line's own line breaks
        are escaped, as pytest shows them."""
        hook = self._settings.compare_hook
        lines = None if hook is None else hook(operator, left, right)
        return None if lines is None else [str(line).replace("\n", "\\n") for line in lines]


_Arguments = tuple[tuple[str, Template], ...]


def _parenthesised(node: Template, shown: _Shown) -> str:
    # Mirrors pytest: a comparison or boolean operand of a comparison is wrapped once more.
    return f"({shown.text})" if node[0] in (KIND_COMPARE, KIND_BOOL) else shown.text


def _emit(lines: list[str], head: str, text: str, depth: int) -> None:
    """Append ``head + text``; a multi-line ``text`` continues indented under its parent."""
    first, *rest = text.split("\n")
    lines.append(head + first)
    lines.extend("  " * (depth + 1) + line for line in rest)


def _emit_wheres(lines: list[str], wheres: list[_Where], depth: int) -> None:
    for number, where in enumerate(wheres):
        keyword = "where " if number == 0 else "and   "
        _emit(lines, " +" + "  " * depth + keyword, f"{where.value} = {where.expression}", depth)
        _emit_wheres(lines, where.wheres, depth + 1)
