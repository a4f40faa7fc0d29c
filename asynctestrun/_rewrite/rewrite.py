"""The AST rewrite that makes ``assert`` statements explain their failures.

Worked example. The statement ::

    assert f(x.y) == 3, "context"

becomes (``@`` names cannot be written in source, so they never clash with user names)::

    @t0 = @t1 = @t2 = @t3 = @t4 = @t5 = @runtime.UNSET
    if not (@t5 := (@t3 := ((@t0 := True) and f)((@t2 := ((@t1 := True) and x).y))) == (@t4 := 3)):
        raise @runtime.failure(TEMPLATE, (@t0, @t1, @t2, @t3, @t4, @t5), @builtins.locals(), "context")
    del @t0, @t1, @t2, @t3, @t4, @t5

The expression keeps its shape; each sub-expression is merely captured with ``:=`` as Python
evaluates it. A bare name is not: its temporary only says that it was evaluated, and the failure
reads its value from the frame again, as pytest's rewrite does, so the name's object is not held
by one more reference while the assert runs (``sys.getrefcount`` checks count as under pytest).
So every part runs exactly once, ``and`` / ``or`` still short-circuit, and a comparison chain
still stops at its first false link: Python does the evaluating, not us.
``TEMPLATE`` is a constant tuple describing the expression's shape (its format is documented in
``runtime``); on failure ``runtime.failure`` pairs it with the captured values to produce::

    context
    assert False == 3
     +  where False = f(2)
     +    where 2 = <X object at 0x...>.y

The temporaries start as ``UNSET`` so that the message can tell evaluated parts from skipped
ones, and are deleted after a passing assert so they keep no objects alive (tests that check
garbage collection depend on that). The message operand is evaluated only on failure, as Python
does. Generated statements carry the ``assert``'s position, so tracebacks point at its line.

Left alone: modules whose docstring contains ``PYTEST_DONT_REWRITE``; ``assert (x, "msg")``
(always true, and the compiler already warns about it); everything under ``python -O``, where
Python drops assertions and rewriting would bring them back.
"""

from __future__ import annotations

import ast
import sys
from typing import Final

from . import runtime
from .runtime import (
    KIND_ATTR,
    KIND_BINOP,
    KIND_BOOL,
    KIND_CALL,
    KIND_COMPARE,
    KIND_NAME,
    KIND_UNARY,
    KIND_VALUE,
    Template,
)

REWRITE_VERSION: Final = 2
"""Bump whenever the generated code changes: it is part of the cache key in ``hook``."""

OPT_OUT_MARKER: Final = "PYTEST_DONT_REWRITE"
RUNTIME_ALIAS: Final = "@asynctestrun_rewrite"
BUILTINS_ALIAS: Final = "@asynctestrun_builtins"
TEMPORARY_PREFIX: Final = "@asynctestrun_"

_UNARY: Final[dict[type[ast.unaryop], str]] = {ast.Not: "not ", ast.Invert: "~", ast.UAdd: "+", ast.USub: "-"}
_BINARY: Final[dict[type[ast.operator], str]] = {
    ast.Add: "+",
    ast.Sub: "-",
    ast.Mult: "*",
    ast.MatMult: "@",
    ast.Div: "/",
    ast.FloorDiv: "//",
    ast.Mod: "%",
    ast.Pow: "**",
    ast.LShift: "<<",
    ast.RShift: ">>",
    ast.BitOr: "|",
    ast.BitXor: "^",
    ast.BitAnd: "&",
}
_COMPARE: Final[dict[type[ast.cmpop], str]] = {
    ast.Eq: "==",
    ast.NotEq: "!=",
    ast.Lt: "<",
    ast.LtE: "<=",
    ast.Gt: ">",
    ast.GtE: ">=",
    ast.Is: "is",
    ast.IsNot: "is not",
    ast.In: "in",
    ast.NotIn: "not in",
}


def assertions_enabled() -> bool:
    """False under ``python -O``, where ``assert`` statements are compiled away."""
    return sys.flags.optimize == 0


def rewrite_module(tree: ast.Module, source: bytes, filename: str) -> ast.Module:
    """Rewrite every ``assert`` in ``tree`` (in place) and return it.

    ``source`` is the text ``tree`` was parsed from; a module that never says ``assert`` is
    returned untouched without walking it. ``filename`` is where it came from; the generated code
    needs nothing from it, but callers pass it so that diagnostics can name the file.
    """
    del filename  # part of the signature for diagnostics; nothing to report today
    if not assertions_enabled() or b"assert" not in source or _opted_out(tree):
        return tree
    rewriter = _AssertRewriter()
    rewriter.visit(tree)
    if rewriter.rewrote_any:
        _insert_imports(tree)
    return tree


def _opted_out(tree: ast.Module) -> bool:
    docstring = ast.get_docstring(tree, clean=False)
    return docstring is not None and OPT_OUT_MARKER in docstring


def _insert_imports(tree: ast.Module) -> None:
    """Import the runtime and builtins under ``@`` aliases, after the docstring and futures."""
    body = tree.body
    position = 0
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
        position = 1
    while (
        position < len(body)
        and isinstance(body[position], ast.ImportFrom)
        and getattr(body[position], "module", None) == "__future__"
    ):
        position += 1
    lineno = body[position].lineno if position < len(body) else 1
    imports: list[ast.stmt] = [
        ast.Import(names=[ast.alias(name=runtime.__name__, asname=RUNTIME_ALIAS)]),
        ast.Import(names=[ast.alias(name="builtins", asname=BUILTINS_ALIAS)]),
    ]
    for statement in imports:
        for node in ast.walk(statement):
            node.lineno, node.col_offset = lineno, 0  # type: ignore[attr-defined]
            node.end_lineno, node.end_col_offset = lineno, 0  # type: ignore[attr-defined]
    body[position:position] = imports


def _load(name: str) -> ast.Name:
    return ast.Name(id=name, ctx=ast.Load())


def _runtime(attribute: str) -> ast.Attribute:
    return ast.Attribute(value=_load(RUNTIME_ALIAS), attr=attribute, ctx=ast.Load())


class _AssertRewriter(ast.NodeTransformer):
    """Replaces each ``assert`` with the statements shown in the module docstring."""

    def __init__(self) -> None:
        self.rewrote_any = False
        self._counter = 0  # temporaries are numbered across the module, so names never repeat
        self._temporaries: list[str] = []

    def visit_Assert(self, node: ast.Assert) -> ast.stmt | list[ast.stmt]:
        if isinstance(node.test, ast.Tuple) and node.test.elts:
            return node
        self._temporaries = []
        test, template = self._visit(node.test)
        names = self._temporaries
        self.rewrote_any = True
        arguments: list[ast.expr] = [
            ast.Constant(value=template),  # type: ignore[arg-type]  # compile() accepts tuples of constants
            ast.Tuple(elts=[_load(name) for name in names], ctx=ast.Load()),
            ast.Call(
                func=ast.Attribute(value=_load(BUILTINS_ALIAS), attr="locals", ctx=ast.Load()),
                args=[],
                keywords=[],
            ),
        ]
        if node.msg is not None:
            arguments.append(node.msg)
        statements: list[ast.stmt] = [
            ast.Assign(
                targets=[ast.Name(id=name, ctx=ast.Store()) for name in names], value=_runtime("UNSET")
            ),
            ast.If(
                test=ast.UnaryOp(op=ast.Not(), operand=test),
                body=[ast.Raise(exc=ast.Call(func=_runtime("failure"), args=arguments, keywords=[]))],
                orelse=[],
            ),
            ast.Delete(targets=[ast.Name(id=name, ctx=ast.Del()) for name in names]),
        ]
        for statement in statements:
            _locate_new_nodes(statement, node)
        return statements

    def _capture(self, expression: ast.expr) -> tuple[ast.expr, int]:
        """Wrap ``expression`` as ``(@tN := expression)``; return it and N's slot in the values."""
        name = f"{TEMPORARY_PREFIX}{self._counter}"
        self._counter += 1
        slot = len(self._temporaries)
        self._temporaries.append(name)
        target = ast.copy_location(ast.Name(id=name, ctx=ast.Store()), expression)
        return ast.copy_location(ast.NamedExpr(target=target, value=expression), expression), slot

    def _visit(self, expression: ast.expr) -> tuple[ast.expr, Template]:
        """The capturing version of ``expression`` and its template node."""
        if isinstance(expression, ast.Name):
            # ``((@tN := True) and name)``: the temporary records that the name was evaluated, not
            # its value, which the failure reads from the frame again. As with pytest's rewrite, a
            # name's object gets no extra reference while the assert runs: tests that check
            # ``sys.getrefcount(x)`` count the same.
            flag, slot = self._capture(ast.copy_location(ast.Constant(value=True), expression))
            marked = ast.BoolOp(op=ast.And(), values=[flag, expression])
            return ast.copy_location(marked, expression), (KIND_NAME, slot, expression.id)
        if isinstance(expression, ast.Attribute):
            owner, owner_template = self._visit(expression.value)
            attribute = ast.Attribute(value=owner, attr=expression.attr, ctx=ast.Load())
            captured, slot = self._capture(ast.copy_location(attribute, expression))
            return captured, (KIND_ATTR, slot, owner_template, expression.attr)
        if isinstance(expression, ast.Call):
            return self._visit_call(expression)
        if isinstance(expression, ast.Compare):
            left, left_template = self._visit(expression.left)
            comparators: list[ast.expr] = []
            templates = [left_template]
            for comparator in expression.comparators:
                captured_operand, operand_template = self._visit(comparator)
                comparators.append(captured_operand)
                templates.append(operand_template)
            compare = ast.Compare(left=left, ops=expression.ops, comparators=comparators)
            captured, slot = self._capture(ast.copy_location(compare, expression))
            operators = tuple(_COMPARE[type(op)] for op in expression.ops)
            return captured, (KIND_COMPARE, slot, operators, tuple(templates))
        if isinstance(expression, ast.BoolOp):
            visited = [self._visit(value) for value in expression.values]
            boolean = ast.BoolOp(op=expression.op, values=[value for value, _ in visited])
            captured, slot = self._capture(ast.copy_location(boolean, expression))
            word = "and" if isinstance(expression.op, ast.And) else "or"
            return captured, (KIND_BOOL, slot, word, tuple(template for _, template in visited))
        if isinstance(expression, ast.UnaryOp):
            operand, operand_template = self._visit(expression.operand)
            unary = ast.UnaryOp(op=expression.op, operand=operand)
            captured, slot = self._capture(ast.copy_location(unary, expression))
            return captured, (KIND_UNARY, slot, _UNARY[type(expression.op)], operand_template)
        if isinstance(expression, ast.BinOp):
            left, left_template = self._visit(expression.left)
            right, right_template = self._visit(expression.right)
            binary = ast.BinOp(left=left, op=expression.op, right=right)
            captured, slot = self._capture(ast.copy_location(binary, expression))
            symbol = _BINARY[type(expression.op)]
            return captured, (KIND_BINOP, slot, symbol, left_template, right_template)
        # Anything else (subscripts, literals, comprehensions, lambdas, await, ...) is shown by
        # value only. Not descending also keeps ":=" out of comprehension and lambda scopes.
        captured, slot = self._capture(expression)
        return captured, (KIND_VALUE, slot)

    def _visit_call(self, call: ast.Call) -> tuple[ast.expr, Template]:
        function, function_template = self._visit(call.func)
        arguments: list[ast.expr] = []
        templates: list[tuple[str, Template]] = []
        for argument in call.args:
            if isinstance(argument, ast.Starred):
                value, template = self._visit(argument.value)
                starred = ast.Starred(value=value, ctx=ast.Load())
                arguments.append(ast.copy_location(starred, argument))
                templates.append(("*", template))
            else:
                value, template = self._visit(argument)
                arguments.append(value)
                templates.append(("", template))
        keywords: list[ast.keyword] = []
        for keyword in call.keywords:
            value, template = self._visit(keyword.value)
            keywords.append(ast.copy_location(ast.keyword(arg=keyword.arg, value=value), keyword))
            templates.append(("**" if keyword.arg is None else f"{keyword.arg}=", template))
        new_call = ast.Call(func=function, args=arguments, keywords=keywords)
        captured, slot = self._capture(ast.copy_location(new_call, call))
        return captured, (KIND_CALL, slot, function_template, tuple(templates))


def _locate_new_nodes(statement: ast.stmt, origin: ast.Assert) -> None:
    """Give generated nodes the ``assert``'s position; user sub-expressions keep their own."""
    for node in ast.walk(statement):
        if "lineno" in node._attributes and getattr(node, "lineno", None) is None:
            ast.copy_location(node, origin)
