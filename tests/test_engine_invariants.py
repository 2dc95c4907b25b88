"""Random-play fuzzing of the engine's invariants, with hypothesis (OpenSpiel's random_sim_test idea)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.ai.random_player import RandomPlayer
from game.engine import (
    PHASE_ANSWERS,
    State,
    adjust_tracks,
    answer_proposals,
    check_orders,
    legal_action_indexes,
    new_game,
    pending_answers,
    resolve_turn,
    result,
)
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
        for seed in range(1500):
            state = play(scenario, seed)
            assert state.terminal
            assert_in_bounds(state)
            endings.add(result(state).ending or "")
    assert len(endings) >= 3
