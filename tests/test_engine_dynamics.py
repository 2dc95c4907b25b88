"""Named rule cases for the dynamics: trust remembers, repeated orders wear out, beats keep time.

The fixture is the minimal scenario with a ``credibility`` section, a fatigue on one order and
three beats (at a turn, after a flag, with a check).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from game.engine import IllegalMove, answer_proposals, legal_action_indexes, new_game, resolve_turn, why_not
from game.engine.log import L_BEAT, L_TRUST
from game.engine.trust import pair, resigning_barred
from game.scenario.load import load_scenario_text
from game.scenario.runtime import PART_BASE, CompiledScenario

MINIMAL = (Path(__file__).parent / "fixtures" / "minimal.yaml").read_text(encoding="utf-8")
DYNAMICS = """
credibility: {start: 60, recovery: 5, low: 35, high: 70, breach: -30, exposure: -25, refuse_below: 40, risks: [R2]}
beats:
  - {id: summit, at: {turn: 2}, headline: Summit, text: A summit., risks: [R2], effects: [{track: trust, add: 4}]}
  - id: hearing
    at: {after_flag: leak, turns: 1}
    headline: Hearing
    text: A hearing on the leak.
    risks: [R1]
    effects: [{track: tension, add: 1}]
  - id: vote
    at: {turn: 3}
    when: "tension >= 0"
    headline: Vote
    text: A vote.
    risks: [R1]
    check:
      target: 8
      success: {text: Passed., effects: [{track: trust, add: 5}]}
      failure: {text: Failed., effects: [{track: tension, add: 5}]}
"""


@pytest.fixture(scope="module")
def sc() -> CompiledScenario:
    text = MINIMAL.replace("\nendings:", DYNAMICS + "endings:", 1)
    text = text.replace(
        "    effects: [{track: tension, add: -5}, {track: trust, add: 3, delay: 1}]",
        "    fatigue: {after: 1, keep: 40}\n    effects: [{track: tension, add: -5}, {track: trust, add: 3, delay: 1}]",
        1,
    )
    return load_scenario_text(text, "dynamics.yaml")


def ids(sc: CompiledScenario, *names: str) -> tuple[int, ...]:
    return tuple(sc.action_index[n] for n in names)


def trust_of(s, holder: str, other: str) -> int:  # noqa: ANN001
    sc = s.scenario
    return s.credibility[pair(s, sc.role_index[holder], sc.role_index[other])]


def tension_change_of_talk(s) -> int:  # noqa: ANN001
    record = s.history[-1]
    talk = s.scenario.action_index["talk"]
    return sum(e.value for e in record.entries if e.kind == "track" and e.cause == ("action", talk, 0))


def test_a_scenario_without_dynamics_keeps_its_fingerprint() -> None:
    plain = load_scenario_text(MINIMAL, "minimal.yaml")
    assert not plain.dynamic and not plain.beats and plain.credibility is None
    s = new_game(plain, 3)
    assert len(s.fingerprint()) == 19  # as before trust, fatigue and beats existed


def test_an_order_repeated_turn_after_turn_wears_out(sc: CompiledScenario) -> None:
    s = new_game(sc, 1)
    changes = []
    for _ in range(3):
        s = resolve_turn(s, [ids(sc, "talk"), ()])
        changes.append(tension_change_of_talk(s))
    assert changes[0] == -5 and changes[1] == -2 and changes[2] == -2  # 40% kept, toward zero
    assert s.streak[sc.action_index["talk"]] == 3


def test_a_pause_restores_an_orders_full_effect(sc: CompiledScenario) -> None:
    s = resolve_turn(new_game(sc, 1), [ids(sc, "talk"), ()])
    s = resolve_turn(s, [ids(sc, "talk"), ()])
    s = resolve_turn(s, [(), ()])
    s = resolve_turn(s, [ids(sc, "talk"), ()])
    assert tension_change_of_talk(s) == -5 and s.streak[sc.action_index["talk"]] == 1


def breached_pact(sc: CompiledScenario):  # noqa: ANN201
    """A game where north's secret operation came to light while the pact was in force."""
    secret = sc.action_index["secret_op"]
    for seed in range(300):
        s = resolve_turn(new_game(sc, seed), [(), ids(sc, "propose:pact:south:north")])
        s = answer_proposals(s, {0: {0: True}})
        s = resolve_turn(s, [(secret,), ()])
        if s.exposed[secret] and s.broken[0]:
            return s
    pytest.fail("no seed exposed the programme in its first turn")  # pragma: no cover


def test_a_leak_and_a_breach_cost_the_culprits_trust(sc: CompiledScenario) -> None:
    s = breached_pact(sc)
    entries = [e for e in s.history[-1].entries if e.kind == L_TRUST]
    assert s.breaker[0] == sc.role_index["north"]
    # exposure -25 and breach -30 from 60, then one turn's recovery of 5
    assert trust_of(s, "south", "north") == max(0, 60 - 25 - 30) + 5
    assert trust_of(s, "north", "south") == 60, "the wronged side keeps its own standing"
    assert {e.cause[1] for e in entries} >= {1, 2}  # a breach and an exposure, each on record


def test_trust_comes_back_slowly(sc: CompiledScenario) -> None:
    s = breached_pact(sc)
    before = trust_of(s, "south", "north")
    s = resolve_turn(s if s.phase == "orders" else answer_proposals(s, {}), [(), ()])
    assert trust_of(s, "south", "north") == before + 5


def test_a_broken_agreement_cannot_be_signed_again_while_trust_is_low(sc: CompiledScenario) -> None:
    s = breached_pact(sc)
    if s.phase != "orders":
        s = answer_proposals(s, {})
    again = sc.action_index["propose:pact:south:north"]
    assert resigning_barred(s, 0, sc.role_index["south"], sc.role_index["north"])
    assert again not in legal_action_indexes(s, sc.role_index["south"])
    assert why_not(s, sc.actions[again]).key == "distrust"
    with pytest.raises(IllegalMove):
        resolve_turn(s, [(), (again,)])
    while trust_of(s, "south", "north") < 40 and not s.terminal:
        s = resolve_turn(s, [(), ()])
    if not s.terminal:
        assert again in legal_action_indexes(s, sc.role_index["south"]), "trust regained, it may be signed"


def test_a_beat_comes_at_its_turn_whatever_the_draw(sc: CompiledScenario) -> None:
    for seed in range(5):
        s = resolve_turn(new_game(sc, seed), [(), ()])
        beats = [e for e in s.current if e.kind == L_BEAT]
        assert [e.subject for e in beats] == [0] and beats[0].value == PART_BASE
        assert s.beats_done[0] == 1


def test_a_beat_can_follow_a_flag_and_carry_a_check(sc: CompiledScenario) -> None:
    s = breached_pact(sc)  # the leak set the flag this turn: the hearing comes a turn later
    hearing = [e for r in s.history for e in r.entries if e.kind == L_BEAT and e.subject == 1]
    now = [e for e in s.current if e.kind == L_BEAT and e.subject == 1]
    assert s.flag_since[sc.model.flags.index(next(f for f in sc.model.flags if f.id == "leak"))] >= 0
    assert hearing or now, "the hearing came after the leak"
    votes = [e for r in s.history for e in r.entries if e.kind == L_BEAT and e.subject == 2] + [
        e for e in s.current if e.kind == L_BEAT and e.subject == 2
    ]
    assert len(votes) <= 1 and all(v.value in (1, 3) for v in votes)


def test_dynamics_enter_the_fingerprint(sc: CompiledScenario) -> None:
    s = new_game(sc, 2)
    assert sc.dynamic and len(s.fingerprint()) == 24
