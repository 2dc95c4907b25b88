"""The engine's generated functions answer exactly what the loops they replaced answered.

``game.scenario.compile_code`` writes the scenario's hottest tables out as straight-line code
and ``game.scenario.condition_code`` every condition; here each is checked against the plain
loop or closure it replaced (kept below as the reference), on every state and every view of
random games of each scenario kept for the speed work, and on conditions made up by hypothesis.
"""

from __future__ import annotations

import random
from dataclasses import fields
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from game.ai import orders_space, player
from game.ai.orders_space import order_sets
from game.ai.player import orders_in_sets
from game.ai.random_player import RandomPlayer
from game.engine import PHASE_ORDERS, PUBLIC, State, legal_action_indexes, redact
from game.engine.log import AG_IN_FORCE
from game.engine.orders import barred
from game.scenario import conditions as cond
from game.scenario.crossref import Index, Reporter
from game.scenario.load import load_scenario
from game.scenario.runtime import CompiledScenario
from game.session.runner import play_game

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "speed"
NAMES = ("cartel_mission", "cartel_mission_seminar", "teaching", "cartel_mission_dynamics")


def reference_legal(s: State, role: int) -> list[int]:
    """legal_action_indexes as it was written before it was generated."""
    if s.phase != PHASE_ORDERS:
        return []
    ap = s.scenario.roles[role].action_points
    out = []
    for index, cost_ap, cost_capital, once, cooldown, requires, term in s.scenario.order_table[role]:
        if cost_ap > ap or cost_capital > s.capital[role]:
            continue
        if s.used[index] and (once or s.turn - s.last_used[index] < cooldown):
            continue
        if term >= 0 and (s.agreements[term] == AG_IN_FORCE or s.proposed[term] or barred(s, index)):
            continue
        if requires is not None and not requires(s):
            continue
        out.append(index)
    return out


def reference_rules(s: State) -> list[int]:
    """The rules that may fire now and whose condition holds (judged on this state)."""
    out = []
    for index, when, once, cooldown, *_ in s.scenario.rule_table:
        fired = s.rule_last[index]
        if fired >= 0 and (once or s.turn - fired < cooldown):
            continue
        if when(s):
            out.append(index)
    return out


def reference_weights(s: State) -> tuple[list[tuple[int, int]], int]:
    candidates, total = [], 0
    for index, base, once, when, modifiers in s.scenario.event_table:
        if once and s.drawn[index]:
            continue
        if when is not None and not when(s):
            continue
        weight = base + sum(mod.add for mod in modifiers if mod.when(s))
        if weight > 0:
            candidates.append((index, weight))
            total += weight
    return candidates, total


def reference_ending(s: State, final: bool) -> int:
    for ending in s.scenario.endings:
        if ending.timing_final and not final:
            continue
        if ending.when is not None and ending.when(s):
            return ending.index
    return -1


def states_of(sc: CompiledScenario, games: int) -> list[State]:
    """Every state of some random games, and every seat's view of each."""
    out: list[State] = []
    for seed in range(games):
        players = [RandomPlayer(seed * 5 + r) for r in range(len(sc.roles))]
        play_game(sc, seed, players, on_step=lambda s, _move: out.append(s))
    views = [redact(s, v, 0) for s in out for v in (*range(len(sc.roles)), PUBLIC)]
    return out + views


@pytest.mark.parametrize("name", NAMES)
def test_generated_tables_agree_with_the_loops(name: str) -> None:
    sc = load_scenario(FIXTURES / f"{name}.yaml")
    code = sc.code
    states = states_of(sc, 12)
    assert len(states) > 300
    for s in states:
        for role in range(len(sc.roles)):
            got = code.legal[role](s, barred) if s.phase == PHASE_ORDERS else []
            assert got == reference_legal(s, role)
        fired: list[int] = []
        code.fire_rules(s, [], lambda _s, rule, _log, fired=fired: fired.append(rule))
        assert fired == reference_rules(s)
        assert code.weights(s) == reference_weights(s)
        for final in (False, True):
            assert code.ending(s, final) == reference_ending(s, final)


@pytest.mark.parametrize("name", NAMES)
def test_straight_line_conditions_agree_with_the_closures(name: str) -> None:
    """Every condition of the scenario, compiled both ways, on every state and view."""
    sc = load_scenario(FIXTURES / f"{name}.yaml")
    states = states_of(sc, 4)
    names = _namespace(sc)
    sources = _conditions(sc)
    assert len(sources) > 20
    for source, expect in sources:
        compiled = cond.compile_condition(source, names, expect)
        closure = _closure(source, names, expect)
        assert compiled.fn is not closure
        for s in states:
            assert compiled.fn(s) == closure(s) and type(compiled.fn(s)) is type(closure(s)), source


@pytest.mark.parametrize("name", NAMES)
def test_the_easy_levels_orders_are_those_of_the_sets(name: str) -> None:
    """orders_in_sets gives the orders of order_sets without listing them, capped sets included."""
    sc = load_scenario(FIXTURES / f"{name}.yaml")
    checked = 0
    for s in states_of(sc, 6):
        if s.phase != PHASE_ORDERS:
            continue
        for role in range(len(sc.roles)):
            assert orders_in_sets(s, role) == sorted({a for o in order_sets(s, role) for a in o})
            checked += 1
    assert checked > 100


def test_orders_in_sets_lists_the_sets_when_they_may_be_capped(monkeypatch: pytest.MonkeyPatch) -> None:
    sc = load_scenario(FIXTURES / "cartel_mission.yaml")
    s = next(s for s in states_of(sc, 1) if s.phase == PHASE_ORDERS and len(order_sets(s, 0)) > 6)
    monkeypatch.setattr(orders_space, "MAX_SETS", 4)
    monkeypatch.setattr(player, "MAX_SETS", 4)
    capped = sorted({a for o in order_sets(s, 0) for a in o})
    assert capped != sorted(legal_action_indexes(s, 0)) and orders_in_sets(s, 0) == capped


def test_clone_copies_every_field() -> None:
    sc = load_scenario(FIXTURES / "cartel_mission_dynamics.yaml")
    s = states_of(sc, 1)[5]
    copy = s.clone()
    for f in fields(State):
        mine, theirs = getattr(s, f.name), getattr(copy, f.name)
        assert mine == theirs, f.name
        if isinstance(mine, list):
            assert mine is not theirs, f"{f.name} must be the copy's own list"
    assert copy.fingerprint() == s.fingerprint()


_ATOMS = st.sampled_from(
    [
        "trust",
        "sovereignty_tension",
        "delta.trust",
        "turn",
        "turns",
        "flag.finding_signed",
        "capital.us",
        "3",
        "2.5",
    ]
    + [
        "agreement.consent_requirement",
        "used.us_covert_mission",
        "active.us_covert_mission",
        "true",
        "ending.rupture",
    ]
)


def _expressions() -> st.SearchStrategy[str]:
    ops = st.sampled_from([" + ", " - ", " * ", " >= ", " < ", " == ", " != ", " and ", " or "])
    return st.recursive(
        _ATOMS,
        lambda inner: st.one_of(
            st.tuples(inner, ops, inner).map(lambda t: f"({t[0]}{t[1]}{t[2]})"),
            inner.map(lambda e: f"not {e}"),
            st.just('posture.us_posture == "joint"'),
        ),
        max_leaves=8,
    )


@settings(max_examples=300, deadline=None)
@given(_expressions(), st.sampled_from([cond.BOOL, cond.NUM]))
@example("turn", cond.NUM)  # a bare name's closure is an attrgetter, which holds no attributes
def test_made_up_conditions_compute_the_same_both_ways(source: str, expect: cond.ValueType) -> None:
    sc = _default()
    names = _namespace(sc)
    try:
        compiled = cond.compile_condition(source, names, expect)
    except cond.ConditionError:
        return
    closure = _closure(source, names, expect)
    for s in _default_states():
        assert compiled.fn(s) == closure(s) and type(compiled.fn(s)) is type(closure(s)), source


# ----------------------------------------------------------------------------- helpers

_CACHE: dict[str, object] = {}


def _default() -> CompiledScenario:
    if "sc" not in _CACHE:
        _CACHE["sc"] = load_scenario(FIXTURES / "cartel_mission.yaml")
    return _CACHE["sc"]  # type: ignore[return-value]


def _default_states() -> list[State]:
    if "states" not in _CACHE:
        states = states_of(_default(), 2)
        _CACHE["states"] = random.Random(1).sample(states, 40)
    return _CACHE["states"]  # type: ignore[return-value]


def _namespace(sc: CompiledScenario) -> cond.Namespace:
    return Index(sc.model, Reporter()).names


def _closure(source: str, names: cond.Namespace, expect: cond.ValueType):  # noqa: ANN202
    """The condition as the closures alone compile it (the straight-line step turned off)."""
    original = cond.condition_function
    cond.condition_function = lambda *args: None  # type: ignore[assignment]
    try:
        return cond.compile_condition(source, names, expect).fn
    finally:
        cond.condition_function = original


def _conditions(sc: CompiledScenario) -> list[tuple[str, cond.ValueType]]:
    """Every condition and measure written in the scenario's model."""
    found: list[tuple[str, cond.ValueType]] = []

    def walk(value: object) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                if key in ("when", "requires", "breach_when") and isinstance(item, str):
                    found.append((item, cond.BOOL))
                elif key == "measure" and isinstance(item, str):
                    found.append((item, cond.NUM))
                else:
                    walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(sc.model.model_dump())
    return found
