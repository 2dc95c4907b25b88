"""The engine's hottest loops over a scenario's tables, as straight-line functions.

Every turn the engine asks the same questions of the same tables: which orders may each role
give, which consequence rules fire, how much each event of the deck weighs, has an ending come.
Asked by a loop, each question costs a tuple unpacked per row, a few tests and a Python call per
condition. Here each table becomes one generated function whose rows are written out one after
the other with their conditions inlined (``condition_code``), the constant tests folded away
(an order that costs no capital needs no capital test), and the state's lists read into locals
once. Each function answers exactly what the loop it replaces answered, row for row, in the
same order; the engine (``game.engine``) calls them.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from game.scenario.condition_code import STATE, expression, function
from game.scenario.condition_names import BOOL, Namespace
from game.scenario.runtime import CEnding

AG_IN_FORCE = 1  # an agreement's state when in force (``game.engine.log.AG_IN_FORCE``)
# Lists of the state that conditions read and that the engine changes only in place.
LISTS = frozenset(
    {
        "tracks",
        "turn_start",
        "flags",
        "postures",
        "capital",
        "standing",
        "agreements",
        "proposed",
        "broken",
        "used",
        "last_used",
        "exposed",
        "active",
        "drawn",
        "streak",
        "credibility",
        "beats_done",
        "rule_last",
    }
)


@dataclass(frozen=True, slots=True)
class HotCode:
    """The generated functions (each documented where it is built)."""

    legal: tuple[Callable[..., list[int]], ...]  # per role: legal(state, barred) -> action indexes
    fire_rules: Callable[..., None]  # (state, log, fire): fire(state, rule, log) for each rule due, in order
    weights: Callable[[Any], tuple[list[tuple[int, int]], int]]  # state -> ([(event, weight)], total)
    ending: Callable[[Any, bool], int]  # (state, final turn?) -> the ending that comes now, or -1


class _Writer:
    """Statements of one function: conditions inlined over locals, other getters as globals."""

    def __init__(self, names: Namespace) -> None:
        self.names = names
        self.lists: set[str] = set()
        self.globals: dict[str, Any] = {}

    def local(self, attr: str) -> ast.expr | None:
        """The local variable holding the state's list ``attr`` (None for anything else)."""
        if attr not in LISTS:
            return None
        self.lists.add(attr)
        return _name(attr)

    def item(self, attr: str, index: int) -> ast.expr:
        return _sub(self.local(attr) or ast.Attribute(_name(STATE), attr, ast.Load()), index)

    def test(self, getter: Any) -> ast.expr:
        """A condition as an expression: inlined from its tree, else a call of the getter."""
        tree = getattr(getter, "tree", None)
        if tree is not None:
            return expression(tree, self.names, BOOL, lists=self.local)
        key = f"g{len(self.globals)}"
        self.globals[key] = getter
        return ast.Call(_name(key), [_name(STATE)], [])

    def build(self, name: str, args: Sequence[str], body: list[ast.stmt]) -> Callable[..., Any]:
        """The function, its lists read from the state into locals first."""
        head: list[ast.stmt] = [
            _assign(attr, ast.Attribute(_name(STATE), attr, ast.Load())) for attr in sorted(self.lists)
        ]
        made = function(name, args, head + body)
        made.__globals__.update(self.globals)
        return made


def hot_code(
    names: Namespace,
    order_table: Sequence[Sequence[tuple[Any, ...]]],
    action_points: Sequence[int],
    rule_table: Sequence[tuple[Any, ...]],
    event_table: Sequence[tuple[Any, ...]],
    endings: Sequence[CEnding],
) -> HotCode:
    legal = tuple(
        legal_function(names, role, rows, ap)
        for role, (rows, ap) in enumerate(zip(order_table, action_points, strict=True))
    )
    return HotCode(
        legal=legal,
        fire_rules=rules_function(names, rule_table),
        weights=weights_function(names, event_table),
        ending=endings_function(names, endings),
    )


def legal_function(
    names: Namespace, role: int, rows: Sequence[tuple[Any, ...]], ap: int
) -> Callable[..., list[int]]:
    """``legal(state, barred)``: ``engine.orders.legal_action_indexes`` for one role, its phase
    already checked; ``barred(state, action)`` judges a broken agreement proposed again."""
    w = _Writer(names)
    body: list[ast.stmt] = [_assign("out", ast.List([], ast.Load())), _assign("turn", _turn())]
    if any(row[2] > 0 for row in rows):
        body.append(_assign("capital", w.item("capital", role)))
    # Rows in order; a run of rows that cost the same capital shares one test of it.
    runs: list[tuple[int, list[ast.stmt]]] = []
    for index, cost_ap, cost_capital, once, cooldown, requires, term in rows:
        if cost_ap > ap:
            continue  # never affordable by this role
        tests: list[ast.expr] = []
        used = w.item("used", index)
        if once:
            tests.append(_not(used))
        elif cooldown > 0:  # not (used and turn - last_used < cooldown)
            since = ast.BinOp(_name("turn"), ast.Sub(), w.item("last_used", index))
            tests.append(_not(ast.BoolOp(ast.And(), [used, _cmp(since, ast.Lt(), cooldown)])))
        if term >= 0:
            tests.append(_cmp(w.item("agreements", term), ast.NotEq(), AG_IN_FORCE))
            tests.append(_not(w.item("proposed", term)))
            # ``barred`` is False while the agreement was never broken: asked only once it was.
            barred = ast.Call(_name("barred"), [_name(STATE), ast.Constant(index)], [])
            tests.append(_not(ast.BoolOp(ast.And(), [w.item("broken", term), barred])))
        if requires is not None:
            tests.append(w.test(requires))
        append = ast.Call(ast.Attribute(_name("out"), "append", ast.Load()), [ast.Constant(index)], [])
        cost = max(cost_capital, 0)
        if not runs or runs[-1][0] != cost:
            runs.append((cost, []))
        runs[-1][1].extend(_when(tests, [ast.Expr(append)]))
    for cost, statements in runs:
        body.extend(_when([_cmp(_name("capital"), ast.GtE(), cost)], statements) if cost else statements)
    body.append(ast.Return(_name("out")))
    return w.build("legal", [STATE, "barred"], body)


def rules_function(names: Namespace, rule_table: Sequence[tuple[Any, ...]]) -> Callable[..., None]:
    """``fire_rules(state, log, fire)``: each rule in order that may fire now (not once and
    done, not cooling down) and whose condition holds is fired, ``fire(state, rule, log)``,
    before the next one is judged: each condition is read after the rules before it acted (the
    state's lists change in place, so the locals holding them stay true)."""
    w = _Writer(names)
    body: list[ast.stmt] = [_assign("turn", _turn())]
    for index, when, once, cooldown, *_ in rule_table:
        last = w.item("rule_last", index)
        # The condition first: it seldom holds, and it and the test of the rule's last firing
        # both only read the state (a condition cannot raise), so their order changes nothing.
        tests: list[ast.expr] = [w.test(when)]
        if once:
            tests.append(_cmp(last, ast.Lt(), 0))
        elif cooldown > 0:  # never fired, or fired at least ``cooldown`` turns ago
            since = ast.BinOp(_name("turn"), ast.Sub(), last)
            tests.append(ast.BoolOp(ast.Or(), [_cmp(last, ast.Lt(), 0), _cmp(since, ast.GtE(), cooldown)]))
        fire = ast.Call(_name("fire"), [_name(STATE), ast.Constant(index), _name("log")], [])
        body.extend(_when(tests, [ast.Expr(fire)]))
    body.append(ast.Return(ast.Constant(None)))
    return w.build("fire_rules", [STATE, "log", "fire"], body)


def weights_function(names: Namespace, event_table: Sequence[tuple[Any, ...]]) -> Callable[..., Any]:
    """``weights(state)``: the events that may be drawn now with their weights (> 0), in the
    deck's order, and the total; as ``engine.turn.draw_event`` weighs them."""
    w = _Writer(names)
    body: list[ast.stmt] = [_assign("out", ast.List([], ast.Load())), _assign("total", ast.Constant(0))]
    for index, base, once, when, modifiers in event_table:
        if base <= 0 and not any(mod.add > 0 for mod in modifiers):
            continue  # its weight can never be above zero
        tests: list[ast.expr] = [_not(w.item("drawn", index))] if once else []
        if when is not None:
            tests.append(w.test(when))
        if not modifiers:  # its weight is its base (above zero, or it was left out above)
            pair = ast.Tuple([ast.Constant(index), ast.Constant(base)], ast.Load())
            take = ast.Call(ast.Attribute(_name("out"), "append", ast.Load()), [pair], [])
            add = ast.AugAssign(_store("total"), ast.Add(), ast.Constant(base))
            body.extend(_when(tests, [ast.Expr(take), add]))
            continue
        inner: list[ast.stmt] = [_assign("weight", ast.Constant(base))]
        for mod in modifiers:
            add = ast.AugAssign(_store("weight"), ast.Add(), ast.Constant(mod.add))
            inner.append(ast.If(w.test(mod.when), [add], []))
        pair = ast.Tuple([ast.Constant(index), _name("weight")], ast.Load())
        take = [
            ast.Expr(ast.Call(ast.Attribute(_name("out"), "append", ast.Load()), [pair], [])),
            ast.AugAssign(_store("total"), ast.Add(), _name("weight")),
        ]
        inner.append(ast.If(_cmp(_name("weight"), ast.Gt(), 0), take, []))
        body.extend(_when(tests, inner))
    body.append(ast.Return(ast.Tuple([_name("out"), _name("total")], ast.Load())))
    return w.build("weights", [STATE], body)


def endings_function(names: Namespace, endings: Sequence[CEnding]) -> Callable[[Any, bool], int]:
    """``ending(state, final)``: the first ending in the scenario's order whose condition holds
    (a final one only on the final turn), or -1; the fallback is the engine's to apply."""
    w = _Writer(names)
    body: list[ast.stmt] = []
    for ending in endings:
        if ending.when is None:
            continue
        tests = [_name("final")] if ending.timing_final else []
        tests.append(w.test(ending.when))
        body.extend(_when(tests, [ast.Return(ast.Constant(ending.index))]))
    body.append(ast.Return(ast.Constant(-1)))
    return w.build("ending", [STATE, "final"], body)


# ----------------------------------------------------------------------------- small pieces


def _name(name: str) -> ast.expr:
    return ast.Name(name, ast.Load())


def _store(name: str) -> ast.Name:
    return ast.Name(name, ast.Store())


def _assign(name: str, value: ast.expr) -> ast.stmt:
    return ast.Assign([_store(name)], value)


def _sub(value: ast.expr, index: int) -> ast.expr:
    return ast.Subscript(value, ast.Constant(index), ast.Load())


def _cmp(left: ast.expr, op: ast.cmpop, right: int) -> ast.expr:
    return ast.Compare(left, [op], [ast.Constant(right)])


def _not(value: ast.expr) -> ast.expr:
    return ast.UnaryOp(ast.Not(), value)


def _turn() -> ast.expr:
    return ast.Attribute(_name(STATE), "turn", ast.Load())


def _when(tests: list[ast.expr], then: list[ast.stmt]) -> list[ast.stmt]:
    """``if a and b: then`` (just ``then`` with no test)."""
    if not tests:
        return then
    test = tests[0] if len(tests) == 1 else ast.BoolOp(ast.And(), tests)
    return [ast.If(test, then, [])]
