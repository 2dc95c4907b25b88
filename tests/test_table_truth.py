"""Truth at the table: every change shown under its real cause, and no secret given away.

Over hundreds of random games of every bundled scenario, at every step, for every role's view
and the public view: the changes the story shows under each cause add up to the log's for that
cause; a change whose cause the viewer may not know sits only under an undisclosed cause, never
under a visible order or headline; and every track's changes add up to its move that turn.
And a covert order leaves no trace in another viewer's capital, orders or record until it is
exposed: the same turn played with and without it looks the same to the others.
"""

from __future__ import annotations

import functools
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.engine import PUBLIC, redact
from game.engine.log import L_CAPITAL, L_TRACK
from game.engine.state import PHASE_ORDERS, State
from game.engine.turn import new_game, resolve_turn
from game.engine.view import HIDDEN_CAUSE, secret_owner
from game.scenario.load import bundled_scenarios, load_scenario
from game.scenario.runtime import C_ACTION, CompiledScenario
from game.session.seats import Seat
from game.session.table import Session
from game.story.facts import UPKEEP, _key, tell, tell_turn
from game.story.outlook import baseline, changes_since_seen

SCENARIOS = [path.stem for path in bundled_scenarios()]
GAMES_EACH = 100


def _viewers(s: State) -> list[int]:
    return [PUBLIC, *range(len(s.scenario.roles))]


def _truth_sums(truth: State, entries, viewer: int) -> Counter:  # noqa: ANN001
    """Per (track, cause) the log's changes, a cause the viewer may not know counted as hidden."""
    sums: Counter = Counter()
    for kind, subject, value, cause in entries:
        if kind != L_TRACK or subject in truth.scenario.secrets.hidden_tracks:
            continue
        shown = cause if secret_owner(truth, cause) in (-1, viewer) else HIDDEN_CAUSE
        sums[(subject, _key(shown))] += value
    return Counter({k: v for k, v in sums.items() if v})


def _check_view(truth: State, viewer: int, whole: bool) -> None:
    """The whole game's story (``whole``), or only the turn just resolved (while play goes on)."""
    view = redact(truth, viewer)
    if whole:
        turns = list(tell(view).turns)
    else:
        last = tell_turn(view, (), len(view.history)) if view.history else None
        turns = [last] if last is not None else []
    hidden_tracks = truth.scenario.secrets.hidden_tracks
    for turn in turns:
        number = turn.turn - 1
        record = truth.history[number] if number < len(truth.history) else None
        entries = record.entries if record is not None else truth.current
        shown: Counter = Counter()
        for beat in turn.beats:
            for change in beat.changes:
                if change.kind == L_CAPITAL and change.cause == HIDDEN_CAUSE:
                    assert change.subject == viewer, "another role's secret spending was shown"
                if change.kind != L_TRACK:
                    continue
                if beat.kind != UPKEEP:  # an order's or headline's beat holds only its own changes
                    assert change.cause != HIDDEN_CAUSE, "an undisclosed change under a visible entry"
                shown[(change.subject, _key(change.cause))] += change.value
        shown = Counter({k: v for k, v in shown.items() if v})
        assert shown == _truth_sums(truth, entries, viewer), (viewer, turn.turn)
        for track in range(len(truth.tracks)):
            if track in hidden_tracks:
                continue
            moved = sum(v for (t, _), v in shown.items() if t == track)
            assert moved == turn.track_delta(track), (viewer, turn.turn, track)


@functools.cache
def _scenario(name: str) -> CompiledScenario:
    return load_scenario(name)


def _random_game_steps(name: str, seed: int):  # noqa: ANN202
    scenario = _scenario(name)
    session = Session.new(scenario, seed, [Seat("random") for _ in scenario.roles])
    while not session.terminal:
        session.advance()
        yield session.state


@pytest.mark.parametrize("name", SCENARIOS)
def test_every_change_is_shown_under_its_true_cause_in_every_view(name: str) -> None:
    covert_games = 0
    for seed in range(GAMES_EACH):
        for step, state in enumerate(_random_game_steps(name, seed)):
            if state.phase != PHASE_ORDERS and not state.terminal:
                continue
            viewers = _viewers(state)
            # every viewer at the end; while play goes on, one viewer a step, in turn
            for viewer in viewers if state.terminal else [viewers[(seed + step) % len(viewers)]]:
                _check_view(state, viewer, whole=state.terminal)
        covert_games += any(state.used[a] for a in state.scenario.secrets.covert_actions)
    assert covert_games >= GAMES_EACH // 10, "too few games with a covert order to test secrecy"


@pytest.mark.parametrize("name", SCENARIOS)
def test_one_baseline_the_board_the_roles_last_saw(name: str) -> None:
    for seed in range(5):
        seen_at_orders: tuple[int, ...] | None = None
        for state in _random_game_steps(name, seed):
            if state.phase != PHASE_ORDERS:
                continue
            if seen_at_orders is not None:
                assert baseline(state) == seen_at_orders
                assert changes_since_seen(state) == tuple(
                    a - b for a, b in zip(state.tracks, seen_at_orders, strict=True)
                )
            seen_at_orders = tuple(state.tracks)


def _branch(name: str, seed: int, pick: int, dice: tuple[int, int]) -> tuple[State, State, int, int] | None:
    """The first turn played twice from the start: once with a covert order, once without."""
    scenario = _scenario(name)
    covert = scenario.secrets.covert_actions
    if not covert:
        return None
    action = scenario.actions[covert[pick % len(covert)]]
    start = new_game(scenario, seed)
    if start.phase != PHASE_ORDERS:
        return None
    empty = [[] for _ in scenario.roles]
    with_it = [[] for _ in scenario.roles]
    with_it[action.role] = [action.index]
    try:
        secret = resolve_turn(start, with_it, {(action.role, action.index): dice} if action.check else None)
    except Exception:  # the order is not possible at the start (requirements): nothing to compare
        return None
    return secret, resolve_turn(start, empty), action.role, action.index


def _what_others_see(view: State) -> tuple:
    """The resolved turn as another viewer sees it. The next turn's news is left out: the covert
    order's dice move the shared random stream, so the two branches draw different news."""
    capital = list(view.capital)
    for kind, subject, value, _ in view.current:
        if kind == L_CAPITAL:
            capital[subject] -= value
    return (
        tuple(capital),
        tuple(view.used),
        tuple(view.last_used),
        tuple(view.streak),
        tuple(view.active),
        view.programmes,
        tuple(record.orders for record in view.history),
        tuple(e for record in view.history for e in record.entries if e.kind == L_CAPITAL),
    )


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(SCENARIOS),
    st.integers(0, 10_000),
    st.integers(0, 7),
    st.tuples(st.integers(1, 6), st.integers(1, 6)),
)
def test_a_covert_order_leaves_no_trace_in_the_others_capital_or_record(
    name: str, seed: int, pick: int, dice: tuple[int, int]
) -> None:
    branched = _branch(name, seed, pick, dice)
    if branched is None:
        return
    secret, plain, owner, action = branched
    if secret.exposed[action]:
        return  # exposed at once: the others are meant to know
    for viewer in _viewers(secret):
        if viewer == owner:
            continue
        assert _what_others_see(redact(secret, viewer)) == _what_others_see(redact(plain, viewer)), viewer
    spent = [
        e for e in secret.history[-1].entries if e.kind == L_CAPITAL and e.cause[:2] == (C_ACTION, action)
    ]
    assert spent or not secret.scenario.actions[action].capital, "the covert order was really paid for"
