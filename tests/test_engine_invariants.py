"""Random-play fuzzing of the engine's invariants, with hypothesis (OpenSpiel's random_sim_test idea)."""

from __future__ import annotations

import json
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.ai.random_player import RandomPlayer
from game.engine import (
    FACILITATOR,
    PHASE_ANSWERS,
    PUBLIC,
    State,
    adjust_tracks,
    answer_proposals,
    check_orders,
    legal_action_indexes,
    new_game,
    pending_answers,
    redact,
    resolve_turn,
    result,
)
from game.i18n import text
from game.scenario.load import bundled_scenarios, load_scenario
from game.session.runner import play_game

SCENARIOS = [load_scenario(p) for p in bundled_scenarios()]


def assert_in_bounds(s: State) -> None:
    assert all(0 <= v <= 100 for v in s.tracks)
    assert all(0 <= c <= r.capital_max for c, r in zip(s.capital, s.scenario.roles, strict=True))
    assert all(0 <= v <= 100 for v in s.standing)
    assert all(a >= 0 for a in s.active)
    assert len(s.tracks) == len(s.scenario.track_ids)


def drawn_orders(s: State, data: st.DataObject) -> list[tuple[int, ...]]:
    orders = []
    for role, compiled in enumerate(s.scenario.roles):
        legal = legal_action_indexes(s, role)
        chosen: list[int] = []
        ap, capital = compiled.action_points, s.capital[role]
        for _ in range(compiled.action_points):
            options = [
                a
                for a in legal
                if a not in chosen
                and s.scenario.actions[a].ap <= ap
                and s.scenario.actions[a].capital <= capital
            ]
            if not options or not data.draw(st.booleans(), label="act"):
                break
            pick = data.draw(st.sampled_from(options), label="order")
            chosen.append(pick)
            ap -= s.scenario.actions[pick].ap
            capital -= s.scenario.actions[pick].capital
        assert check_orders(s, role, tuple(chosen)) is None
        orders.append(tuple(chosen))
    return orders


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenario=st.sampled_from(SCENARIOS), seed=st.integers(0, 2**63), data=st.data())
def test_tracks_capital_and_standing_stay_in_bounds(scenario, seed: int, data: st.DataObject) -> None:
    s = new_game(scenario, seed)
    assert_in_bounds(s)
    while not s.terminal:
        if data.draw(st.integers(0, 9), label="facilitator?") == 0:
            track = data.draw(st.integers(0, len(s.tracks) - 1), label="track")
            s = adjust_tracks(s, {track: data.draw(st.integers(-100, 100), label="delta")}, "fuzz")
            assert_in_bounds(s)
        if s.phase == PHASE_ANSWERS:
            answers = {
                role: {term: data.draw(st.booleans(), label="accept") for term, _ in pending_answers(s, role)}
                for role in range(len(scenario.roles))
            }
            s = answer_proposals(s, answers)
        else:
            s = resolve_turn(s, drawn_orders(s, data))
        assert_in_bounds(s)
    assert s.turn <= scenario.turns
    outcome = result(s)
    assert outcome.ending is not None
    assert all(0 <= score.score <= 100 for score in outcome.scores)


def play(scenario, seed: int) -> State:
    players = [RandomPlayer(seed * 7 + r) for r in range(len(scenario.roles))]
    state, _ = play_game(scenario, seed, players)
    return state


@settings(max_examples=25, deadline=None)
@given(scenario=st.sampled_from(SCENARIOS), seed=st.integers(0, 2**63))
def test_same_seed_same_game(scenario, seed: int) -> None:
    first, second = play(scenario, seed), play(scenario, seed)
    assert first.fingerprint() == second.fingerprint()
    assert first.history == second.history


def test_different_seeds_give_different_games() -> None:
    scenario = SCENARIOS[0]
    fingerprints = {play(scenario, seed).fingerprint() for seed in range(20)}
    assert len(fingerprints) > 15


def test_thousands_of_random_legal_games_never_raise() -> None:
    endings: set[str] = set()
    for scenario in SCENARIOS:
        for seed in range(700):  # 2,100 games over the three bundled scenarios
            state = play(scenario, seed)
            assert state.terminal
            assert_in_bounds(state)
            endings.add(result(state).ending or "")
    assert len(endings) >= 3


# ----------------------------------------------------------------------------- secrecy of the scenario


def secret_texts(scenario, role: int) -> set[str]:
    """The words of a role's secrets in every language: objective texts, briefings, persona names
    and descriptions (long sentences: if one shows up in a view's scenario, it leaked)."""
    model = scenario.model.roles[role]
    items = [o.text for o in model.objectives] + [model.briefing.situation, model.briefing.pressures]
    items += (
        [model.briefing.success] + [p.name for p in model.personas] + [p.description for p in model.personas]
    )
    found = set()
    for item in items:
        found.update(item.values() if isinstance(item, dict) else [item])
    return {t for t in found if len(t) >= 12}


_DUMPS: dict[int, tuple[object, str]] = {}
_CHECKED: set[tuple[int, int]] = set()


def assert_view_keeps_the_scenario_secret(state: State, viewer: int) -> int:
    """Checks one view; returns the number of (view, role) pairs checked."""
    full = state.scenario
    sc = redact(state, viewer).scenario
    if id(sc) not in _DUMPS:  # the words are checked once per redacted scenario (it is reused)
        _DUMPS[id(sc)] = (sc, sc.model.model_dump_json())
    dumped = _DUMPS[id(sc)][1]
    for role in range(len(full.roles)):
        compiled, model = sc.roles[role], sc.model.roles[role]
        if role == viewer:
            assert (
                compiled.objectives == full.roles[role].objectives
                and compiled.personas == full.roles[role].personas
            )
            assert (
                model.objectives == full.model.roles[role].objectives
                and model.briefing == full.model.roles[role].briefing
            )
            continue
        assert compiled.objectives == () and compiled.personas == () and compiled.threshold == 0
        assert model.objectives == [] and model.personas == [] and model.threshold == 0
        assert not any(
            text(t) for t in (model.briefing.situation, model.briefing.pressures, model.briefing.success)
        )
        if (id(sc), role) not in _CHECKED:
            own = secret_texts(full, viewer) if viewer >= 0 else set()
            leaked = [t for t in secret_texts(full, role) - own if json.dumps(t)[1:-1] in dumped]
            assert not leaked, (full.role_ids[role], viewer, leaked[:2])
            _CHECKED.add((id(sc), role))
    return len(full.roles)


def random_orders(s: State, rng: random.Random) -> list[tuple[int, ...]]:
    orders = []
    for role, compiled in enumerate(s.scenario.roles):
        chosen: list[int] = []
        ap = compiled.action_points
        for action in rng.sample(legal_action_indexes(s, role), k=len(legal_action_indexes(s, role))):
            cost = s.scenario.actions[action].ap
            if cost <= ap and rng.random() < 0.6 and check_orders(s, role, (*chosen, action)) is None:
                chosen.append(action)
                ap -= cost
        orders.append(tuple(chosen))
    return orders


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[sc.id for sc in SCENARIOS])
def test_no_view_of_a_running_game_holds_another_roles_objectives_or_personas(scenario) -> None:
    """Over many random games, every view (each role and the public) at every step: the other
    roles' objectives, thresholds, personas and briefings are not in the view's scenario."""
    checks = 0
    viewers = [*range(len(scenario.roles)), PUBLIC]
    for seed in range(40):
        rng = random.Random(seed)
        s = new_game(scenario, seed)
        while not s.terminal:
            for viewer in viewers:
                checks += assert_view_keeps_the_scenario_secret(s, viewer)
            if s.phase == PHASE_ANSWERS:
                answers = {
                    role: {term: rng.random() < 0.5 for term, _ in pending_answers(s, role)}
                    for role in range(len(scenario.roles))
                }
                s = answer_proposals(s, answers)
            else:
                s = resolve_turn(s, random_orders(s, rng))
        # the debrief reveals everything: a finished game's views carry the whole scenario
        assert all(redact(s, viewer).scenario is scenario for viewer in viewers)
        assert redact(s, FACILITATOR).scenario is scenario
    assert checks > 40 * len(viewers) * len(scenario.roles) * 4


def test_a_view_cannot_score_the_other_roles_until_the_end() -> None:
    scenario = SCENARIOS[0]
    s = new_game(scenario, 3)
    view = redact(s, 0)
    assert result(redact(s, FACILITATOR)).scores
    with pytest.raises(ZeroDivisionError):  # their objectives are simply not there
        result(view)
    assert redact(s, 0).scenario is view.scenario, "built once per (scenario, viewer)"
    final = play(scenario, 3)
    assert [x.score for x in result(redact(final, PUBLIC)).scores] == [x.score for x in result(final).scores]
