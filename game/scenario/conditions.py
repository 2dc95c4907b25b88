"""The condition language compiled to closures over the runtime state - never ``eval``.

The syntax (tokens, grammar, the tuple tree) is in ``condition_syntax``; what names mean is in
``condition_names``. Compiling type-checks the tree, refuses arithmetic that could grow beyond
``MAX_MAGNITUDE`` (numbers are small, but a product of them can still reach a float's infinity,
and infinity times zero is NaN, which crashed scoring), and yields a plain closure
``f(state) -> value`` over the state's lists, so the engine's hot path pays a couple of list
lookups per condition. This module is the public face: the names other layers import from
``game.scenario.conditions`` are all here.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from game.scenario.condition_code import condition_function
from game.scenario.condition_names import BOOL, NUM, STR, Getter, Namespace, Ref, ValueType
from game.scenario.condition_syntax import (
    MAX_DEPTH,
    MAX_LENGTH,
    MAX_NUMBER,
    ConditionError,
    Node,
    Token,
    parse,
    tokenize,
)

__all__ = [
    "BOOL",
    "MAX_DEPTH",
    "MAX_LENGTH",
    "MAX_MAGNITUDE",
    "MAX_NUMBER",
    "NUM",
    "STR",
    "Compiled",
    "ConditionError",
    "Getter",
    "Namespace",
    "Node",
    "Ref",
    "Token",
    "ValueType",
    "compile_condition",
    "compile_node",
    "parse",
    "tokenize",
]

# No number a condition computes may exceed this. Every name is within ±NAME_BOUND at run time
# (tracks and standing 0-100, capital at most 50, turns at most 40, counts of orders and draws
# far below it), so the bound is checked once, on the tree, instead of on every evaluation.
MAX_MAGNITUDE = 1_000_000_000
NAME_BOUND = 1_000


def check_growth(node: Node) -> float:
    """The largest magnitude the number ``node`` gives can reach; refused beyond MAX_MAGNITUDE."""
    kind = node[0]
    if kind == "num":
        return abs(node[2])
    if kind == "name":
        return NAME_BOUND
    if kind in ("bool", "str"):
        return 1
    if kind == "not":
        check_growth(node[2])
        return 1
    if kind in ("and", "or"):
        check_growth(node[2])
        check_growth(node[3])
        return 1
    left, right = check_growth(node[3]), check_growth(node[4])  # cmp and arith
    if kind == "cmp":
        return 1
    size = left * right if node[2] == "*" else left + right
    if size > MAX_MAGNITUDE:
        raise ConditionError(
            f"this arithmetic can grow too large (beyond {MAX_MAGNITUDE:,}); use smaller numbers", node[1]
        )
    return size


_COMPARE: dict[str, Callable[[Any, Any], bool]] = {
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
    "==": operator.eq,
    "!=": operator.ne,
}
_ARITH: dict[str, Callable[[Any, Any], Any]] = {
    "+": operator.add,
    "-": operator.sub,
    "*": operator.mul,
}


@dataclass(frozen=True, slots=True)
class Compiled:
    """A compiled condition: the callable, its result type and the names it reads."""

    fn: Getter
    type: ValueType
    names: frozenset[str]
    source: str
    tree: Node | None = None  # the checked tree, for code that inlines the condition


def compile_condition(source: str, names: Namespace, expect: ValueType = BOOL) -> Compiled:
    """Parse, type-check and compile; ``expect`` is BOOL for conditions, NUM for measures.

    A chain of 250 operators is walked a few frames per operator: called from deep inside a
    program, that can pass Python's recursion limit, which is then a refusal, not a crash.
    """
    tree = parse(source)
    used: set[str] = set()
    try:
        check_growth(tree)
        fn, kind, const = _compile(tree, names, used)
    except RecursionError:
        raise ConditionError("the condition has too many operators in a row to compile") from None
    if expect == NUM and kind == BOOL:
        fn, kind = _as_number(fn, const), NUM
    if kind != expect:
        raise ConditionError(f"this must give {expect}, but it gives {kind}")
    # The same computation as one straight-line function (a call per condition, not per node);
    # the closures stay for a condition too large for Python's own compiler.
    fast = condition_function(tree, names, expect)
    if fast is None:
        if not hasattr(fn, "__dict__"):  # a bare name's closure is an attrgetter: no attributes
            fn = _with_attributes(fn)
        fn.reads = cells_read(names, used)  # type: ignore[attr-defined]
        return Compiled(fn, kind, frozenset(used), source, tree)
    fast.tree = tree  # type: ignore[attr-defined]  # for tables that inline it (compile_code)
    fast.reads = cells_read(names, used)  # type: ignore[attr-defined]
    return Compiled(fast, kind, frozenset(used), source, tree)


def _with_attributes(fn: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """The same function, as one that can carry what the compiler notes on it (``reads``)."""
    return lambda state: fn(state)


def cells_read(names: Namespace, used: set[str]) -> frozenset[tuple[str, int | None]]:
    """The state's cells a condition reads, as (attribute, index or None): the engine asks
    whether a role's view could change any of them (``engine.orders.check_orders``)."""
    cells: set[tuple[str, int | None]] = set()
    for name in used:
        ref = names.resolve(name)
        if ref is None or ref.constant is not None:
            continue
        cells.add((ref.attr, ref.index))
        if ref.minus is not None:
            cells.add((ref.minus, ref.index))
    return frozenset(cells)


def compile_node(node: Node, names: Namespace) -> Getter:
    """One part of an already parsed condition, compiled on its own (to ask whether just that
    part holds now: the distance of a state to an ending reads the parts it cannot measure)."""
    fn, _, _ = _compile(node, names, set())
    return fn


def _as_number(fn: Getter, const: Any) -> Getter:
    return (lambda s: int(fn(s))) if const is None else (lambda s: int(const))


def _compile(node: Node, names: Namespace, used: set[str]) -> tuple[Getter, ValueType, Any]:
    """Returns (getter, type, constant-or-None); constants let comparisons specialise."""
    kind = node[0]
    if kind == "num":
        value = node[2]
        return (lambda s: value), NUM, value
    if kind == "bool":
        value = node[2]
        return (lambda s: value), BOOL, value
    if kind == "str":
        raise ConditionError('text can only be compared with a posture, e.g. posture.x == "y"', node[1])
    if kind == "name":
        return _compile_name(node, names, used)
    if kind == "not":
        inner, inner_type, _ = _compile(node[2], names, used)
        _require(inner_type, BOOL, "'not'", node[1])
        return (lambda s: not inner(s)), BOOL, None
    if kind in ("and", "or"):
        parts = []
        for operand in _flatten(node, kind):
            fn, operand_type, _ = _compile(operand, names, used)
            _require(operand_type, BOOL, f"'{kind}'", node[1])
            parts.append(fn)
        return (_all_of(parts) if kind == "and" else _any_of(parts)), BOOL, None
    if kind == "arith":
        return _compile_arith(node, names, used)
    if kind == "cmp":
        return _compile_cmp(node, names, used)
    raise ConditionError(f"unknown expression {kind!r}", node[1])  # pragma: no cover


def _flatten(node: Node, kind: str) -> list[Node]:
    """``a and b and c`` parses as ((a and b) and c): one closure for all three is faster."""
    if node[0] != kind:
        return [node]
    return _flatten(node[2], kind) + _flatten(node[3], kind)


def _all_of(parts: list[Getter]) -> Getter:
    if len(parts) == 2:
        a, b = parts
        return lambda s: a(s) and b(s)
    if len(parts) == 3:
        a, b, c = parts
        return lambda s: a(s) and b(s) and c(s)
    every = tuple(parts)
    return lambda s: all(f(s) for f in every)


def _any_of(parts: list[Getter]) -> Getter:
    if len(parts) == 2:
        a, b = parts
        return lambda s: a(s) or b(s)
    if len(parts) == 3:
        a, b, c = parts
        return lambda s: a(s) or b(s) or c(s)
    every = tuple(parts)
    return lambda s: any(f(s) for f in every)


def _require(actual: ValueType, wanted: ValueType, where: str, offset: int) -> None:
    if actual != wanted:
        raise ConditionError(f"{where} needs {wanted}, not {actual}", offset)


def _compile_name(node: Node, names: Namespace, used: set[str]) -> tuple[Getter, ValueType, Any]:
    name = node[2]
    ref = names.resolve(name)
    if ref is None:
        raise ConditionError(f"unknown name {name!r}{names.suggest(name)}", node[1])
    used.add(name)
    if ref.constant is not None:
        value = ref.constant
        return (lambda s: value), ref.type, value
    attr, index = ref.attr, ref.index
    get: Getter
    if index is None and ref.equals is not None:
        equals = ref.equals
        get = lambda s: getattr(s, attr) == equals  # noqa: E731
    elif index is None:
        get = operator.attrgetter(attr)
    elif ref.minus is None and ref.equals is None and ref.type != BOOL and attr in _LIST_GETTERS:
        get = _LIST_GETTERS[attr](index)
    elif ref.minus == "turn_start" and attr == "tracks":
        get = lambda s: s.tracks[index] - s.turn_start[index]  # noqa: E731
    elif ref.minus is not None:
        minus = ref.minus
        get = lambda s: getattr(s, attr)[index] - getattr(s, minus)[index]  # noqa: E731
    elif ref.equals is not None and attr == "agreements":
        equals = ref.equals
        get = lambda s: s.agreements[index] == equals  # noqa: E731
    elif ref.equals is not None:
        equals = ref.equals
        get = lambda s: getattr(s, attr)[index] == equals  # noqa: E731
    elif ref.type == BOOL and attr in _FLAG_GETTERS:
        get = _FLAG_GETTERS[attr](index)
    elif ref.type == BOOL:
        get = lambda s: getattr(s, attr)[index] != 0  # noqa: E731
    else:
        get = lambda s: getattr(s, attr)[index]  # noqa: E731
    return get, ref.type, None


# Direct attribute access is markedly faster than getattr() on the hot path.
_LIST_GETTERS: dict[str, Callable[[int], Getter]] = {
    "tracks": lambda i: lambda s: s.tracks[i],
    "capital": lambda i: lambda s: s.capital[i],
    "standing": lambda i: lambda s: s.standing[i],
    "used": lambda i: lambda s: s.used[i],
    "drawn": lambda i: lambda s: s.drawn[i],
    "streak": lambda i: lambda s: s.streak[i],
    "credibility": lambda i: lambda s: s.credibility[i],
    "beats_done": lambda i: lambda s: s.beats_done[i],
}
_FLAG_GETTERS: dict[str, Callable[[int], Getter]] = {
    "flags": lambda i: lambda s: s.flags[i] != 0,
    "proposed": lambda i: lambda s: s.proposed[i] != 0,
    "broken": lambda i: lambda s: s.broken[i] != 0,
    "exposed": lambda i: lambda s: s.exposed[i] != 0,
    "active": lambda i: lambda s: s.active[i] > 0,
}
_TRACK_COMPARE: dict[str, Callable[[int, Any], Getter]] = {
    ">=": lambda i, k: lambda s: s.tracks[i] >= k,
    "<=": lambda i, k: lambda s: s.tracks[i] <= k,
    ">": lambda i, k: lambda s: s.tracks[i] > k,
    "<": lambda i, k: lambda s: s.tracks[i] < k,
    "==": lambda i, k: lambda s: s.tracks[i] == k,
    "!=": lambda i, k: lambda s: s.tracks[i] != k,
}


def _compile_arith(node: Node, names: Namespace, used: set[str]) -> tuple[Getter, ValueType, Any]:
    op_text = node[2]
    left, lt, lc = _compile(node[3], names, used)
    right, rt, rc = _compile(node[4], names, used)
    for side_type in (lt, rt):
        if side_type == STR:
            raise ConditionError(f"'{op_text}' needs numbers, not text", node[1])
    if lt == BOOL:
        left = _as_number(left, lc)
        lc = None if lc is None else int(lc)
    if rt == BOOL:
        right = _as_number(right, rc)
        rc = None if rc is None else int(rc)
    op = _ARITH[op_text]
    if lc is not None and rc is not None:
        value = op(lc, rc)
        return (lambda s: value), NUM, value
    if rc is not None:
        return (lambda s: op(left(s), rc)), NUM, None
    if lc is not None:
        return (lambda s: op(lc, right(s))), NUM, None
    return (lambda s: op(left(s), right(s))), NUM, None


def _compile_cmp(node: Node, names: Namespace, used: set[str]) -> tuple[Getter, ValueType, Any]:
    op_text, left_node, right_node = node[2], node[3], node[4]
    if left_node[0] == "str" and right_node[0] == "name":
        left_node, right_node = right_node, left_node
        op_text = {"<": ">", ">": "<", "<=": ">=", ">=": "<="}.get(op_text, op_text)
    if right_node[0] == "str":
        return _compile_choice(op_text, left_node, right_node, names, used, node[1])
    left, lt, lc = _compile(left_node, names, used)
    right, rt, rc = _compile(right_node, names, used)
    if STR in (lt, rt):
        raise ConditionError("a posture can only be compared with text in quotes", node[1])
    if lt != rt and op_text in ("==", "!="):
        raise ConditionError(f"cannot compare {lt} with {rt}", node[1])
    if (lt == BOOL or rt == BOOL) and op_text not in ("==", "!="):
        raise ConditionError(f"'{op_text}' needs numbers, not true/false", node[1])
    op = _COMPARE[op_text]
    if rc is not None and lc is None:
        if left_node[0] == "name":
            ref = names.resolve(left_node[2])
            if ref is not None and ref.attr == "tracks" and ref.minus is None and ref.index is not None:
                return _TRACK_COMPARE[op_text](ref.index, rc), BOOL, None
        return _specialised(op_text, left, rc), BOOL, None
    if lc is not None and rc is not None:
        value = op(lc, rc)
        return (lambda s: value), BOOL, value
    return (lambda s: op(left(s), right(s))), BOOL, None


def _specialised(op_text: str, left: Getter, k: Any) -> Getter:
    """Comparisons against a constant are the commonest node: avoid a second call for them."""
    if op_text == ">=":
        return lambda s: left(s) >= k
    if op_text == "<=":
        return lambda s: left(s) <= k
    if op_text == ">":
        return lambda s: left(s) > k
    if op_text == "<":
        return lambda s: left(s) < k
    if op_text == "==":
        return lambda s: left(s) == k
    return lambda s: left(s) != k


def _compile_choice(
    op_text: str, name_node: Node, str_node: Node, names: Namespace, used: set[str], at: int
) -> tuple[Getter, ValueType, Any]:
    if name_node[0] != "name":
        raise ConditionError('text can only be compared with a posture, e.g. posture.x == "y"', at)
    ref = names.resolve(name_node[2])
    if ref is None:
        raise ConditionError(f"unknown name {name_node[2]!r}{names.suggest(name_node[2])}", name_node[1])
    if ref.type != STR:
        raise ConditionError(f"{name_node[2]!r} is a {ref.type}, not text", name_node[1])
    if op_text not in ("==", "!="):
        raise ConditionError(f"'{op_text}' cannot compare text; use == or !=", at)
    choice = str_node[2]
    if choice not in ref.choices:
        known = ", ".join(repr(c) for c in ref.choices)
        raise ConditionError(f"{name_node[2]!r} is never {choice!r} (it can be {known})", str_node[1])
    used.add(name_node[2])
    attr, index, value = ref.attr, ref.index, ref.choices.index(choice)
    if attr == "postures":
        if op_text == "==":
            return (lambda s: s.postures[index] == value), BOOL, None
        return (lambda s: s.postures[index] != value), BOOL, None
    if op_text == "==":
        return (lambda s: getattr(s, attr)[index] == value), BOOL, None
    return (lambda s: getattr(s, attr)[index] != value), BOOL, None
