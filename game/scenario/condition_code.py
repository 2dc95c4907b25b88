"""Conditions as straight-line Python code, built from the project's own parsed tree.

The closures of ``conditions`` cost a Python call per node of the tree. This module turns the
same tree, once it has been type-checked there, into one Python expression (an ``ast`` tree
whose every leaf is a number, a state list read at a fixed index or an operator: no name of the
scenario and no text of the condition ever becomes code), compiled once with ``compile`` to a
function of the state. It is never given raw text, and nothing here evaluates a string.

The expression computes exactly what the closures compute, operation for operation (the same
constant folding, the same ``int`` of a true/false used as a number), so a game plays the same.
"""

from __future__ import annotations

import ast
import operator
import sys
import types
from collections.abc import Callable, Sequence
from typing import Any

from game.scenario.condition_names import BOOL, NUM, STR, Getter, Namespace, ValueType
from game.scenario.condition_syntax import Node

STATE = "s"  # the one argument of every generated function
_CMP: dict[str, type[ast.cmpop]] = {
    "<": ast.Lt,
    "<=": ast.LtE,
    ">": ast.Gt,
    ">=": ast.GtE,
    "==": ast.Eq,
    "!=": ast.NotEq,
}
_ARITH: dict[str, type[ast.operator]] = {"+": ast.Add, "-": ast.Sub, "*": ast.Mult}
_SWAPPED = {"<": ">", ">": "<", "<=": ">=", ">=": "<="}
_FOLD: dict[str, Callable[[Any, Any], Any]] = {
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
    "==": operator.eq,
    "!=": operator.ne,
    "+": operator.add,
    "-": operator.sub,
    "*": operator.mul,
}
# Flags and other true/false lists read as "is set"; ``active`` counts running programmes.
_POSITIVE = frozenset({"active"})
# Only these builtins are reachable from generated code.
NAMESPACE: dict[str, Any] = {"__builtins__": {}, "int": int}


def expression(
    tree: Node, names: Namespace, expect: ValueType, lists: Callable[[str], ast.expr | None] | None = None
) -> ast.expr:
    """The condition as one expression over the state ``s``.

    ``tree`` must already have been checked by ``conditions.compile_condition``. ``lists(attr)``
    may name a local variable already holding the state's list ``attr`` (None: read it from ``s``).
    """
    emitter = _Emitter(names, lists or (lambda attr: None))
    body, kind, const = emitter.emit(tree)
    if expect == NUM and kind == BOOL:
        body = _const(int(const)) if const is not None else _int(body)
    return body


def function(name: str, args: Sequence[str], body: Sequence[ast.stmt]) -> Callable[..., Any]:
    """A Python function made from statements built here (never from text)."""
    arguments = ast.arguments(
        posonlyargs=[], args=[ast.arg(a) for a in args], kwonlyargs=[], kw_defaults=[], defaults=[]
    )
    extra: dict[str, Any] = {"type_params": []} if sys.version_info >= (3, 12) else {}
    definition = ast.FunctionDef(name, arguments, list(body), [], None, None, **extra)
    module = ast.Module([definition], [])
    ast.fix_missing_locations(module)
    code = compile(module, f"<{name}>", "exec")
    inner = next(c for c in code.co_consts if isinstance(c, types.CodeType))
    return types.FunctionType(inner, dict(NAMESPACE), name)


def condition_function(tree: Node, names: Namespace, expect: ValueType) -> Getter | None:
    """``f(state)`` for one condition, or None when it is too big for Python's compiler."""
    try:
        return function("condition", [STATE], [ast.Return(expression(tree, names, expect))])
    except (RecursionError, MemoryError, SyntaxError, ValueError):
        return None


def _const(value: Any) -> ast.expr:
    return ast.Constant(value)


def _int(body: ast.expr) -> ast.expr:
    return ast.Call(ast.Name("int", ast.Load()), [body], [])


class _Emitter:
    def __init__(self, names: Namespace, lists: Callable[[str], ast.expr | None]) -> None:
        self.names = names
        self.lists = lists

    def read(self, attr: str, index: int | None = None) -> ast.expr:
        if index is None:
            return ast.Attribute(ast.Name(STATE, ast.Load()), attr, ast.Load())
        value = self.lists(attr)
        if value is None:
            value = ast.Attribute(ast.Name(STATE, ast.Load()), attr, ast.Load())
        return ast.Subscript(value, _const(index), ast.Load())

    def emit(self, node: Node) -> tuple[ast.expr, ValueType, Any]:
        """(expression, type, constant or None), following ``conditions._compile`` node for node."""
        kind = node[0]
        if kind == "num":
            return _const(node[2]), NUM, node[2]
        if kind == "bool":
            return _const(node[2]), BOOL, node[2]
        if kind == "name":
            return self.name(node[2])
        if kind == "not":
            inner, _, _ = self.emit(node[2])
            return ast.UnaryOp(ast.Not(), inner), BOOL, None
        if kind in ("and", "or"):
            parts = [self.emit(operand)[0] for operand in _flatten(node, kind)]
            op = ast.And() if kind == "and" else ast.Or()
            return ast.BoolOp(op, parts), BOOL, None
        if kind == "arith":
            return self.arith(node)
        return self.compare(node)

    def name(self, name: str) -> tuple[ast.expr, ValueType, Any]:
        ref = self.names.resolve(name)
        assert ref is not None, "a checked tree names only known things"
        if ref.constant is not None:
            return _const(ref.constant), ref.type, ref.constant
        attr, index = ref.attr, ref.index
        if index is None and ref.equals is not None:
            return _compare(self.read(attr), "==", _const(ref.equals)), ref.type, None
        if index is None:
            return self.read(attr), ref.type, None
        if ref.minus is not None:
            minus = ast.BinOp(self.read(attr, index), ast.Sub(), self.read(ref.minus, index))
            return minus, ref.type, None
        if ref.equals is not None:
            return _compare(self.read(attr, index), "==", _const(ref.equals)), ref.type, None
        if ref.type == BOOL:
            op = ">" if attr in _POSITIVE else "!="
            return _compare(self.read(attr, index), op, _const(0)), BOOL, None
        return self.read(attr, index), ref.type, None

    def arith(self, node: Node) -> tuple[ast.expr, ValueType, Any]:
        left, lt, lc = self.emit(node[3])
        right, rt, rc = self.emit(node[4])
        if lt == BOOL:
            lc = None if lc is None else int(lc)
            left = _int(left) if lc is None else _const(lc)
        if rt == BOOL:
            rc = None if rc is None else int(rc)
            right = _int(right) if rc is None else _const(rc)
        if lc is not None and rc is not None:
            value = _fold(node[2], lc, rc)
            return _const(value), NUM, value
        return ast.BinOp(left, _ARITH[node[2]](), right), NUM, None

    def compare(self, node: Node) -> tuple[ast.expr, ValueType, Any]:
        op_text, left_node, right_node = node[2], node[3], node[4]
        if left_node[0] == "str" and right_node[0] == "name":
            left_node, right_node = right_node, left_node
            op_text = _SWAPPED.get(op_text, op_text)
        if right_node[0] == "str":
            ref = self.names.resolve(left_node[2])
            assert ref is not None and ref.type == STR
            value = ref.choices.index(right_node[2])
            return _compare(self.read(ref.attr, ref.index), op_text, _const(value)), BOOL, None
        left, _, lc = self.emit(left_node)
        right, _, rc = self.emit(right_node)
        if lc is not None and rc is not None:
            value = _fold(op_text, lc, rc)
            return _const(value), BOOL, value
        return _compare(left, op_text, right), BOOL, None


def _compare(left: ast.expr, op: str, right: ast.expr) -> ast.expr:
    return ast.Compare(left, [_CMP[op]()], [right])


def _fold(op: str, left: Any, right: Any) -> Any:
    """A constant part worked out once, as the closures do (with the same operators)."""
    return _FOLD[op](left, right)


def _flatten(node: Node, kind: str) -> list[Node]:
    if node[0] != kind:
        return [node]
    return _flatten(node[2], kind) + _flatten(node[3], kind)
