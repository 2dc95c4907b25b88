"""Worth of states and orders to a stance, beyond the bare tracks of the moment.

Two estimates, both read only the (redacted) view and the scenario's public rules:

* ``outlook`` - a state's worth once what is already in motion lands: effects scheduled for
  later turns, proposals waiting for an answer, and a few turns of ongoing effects of postures,
  agreements and one's own programmes. Search uses it at the end of its lookahead.
* ``expected_deltas`` - what an order tends to do to each track, from its effects, the odds of
  its check, the chance a covert programme is exposed and the postures it sets. The easy level
  plays on this alone; rollouts use it as their habit; reasons quote it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from operator import mul
from typing import Any

from game.ai.stance import Stance
from game.engine import State, check_odds
from game.engine.log import AG_IN_FORCE
from game.scenario.runtime import ACTION_PROPOSE, E_POSTURE, E_TRACK, CAction, CEffect

Deltas = list[float]


def remaining_upkeeps(state: State) -> int:
    """Upkeeps still to come, this turn's included."""
    return max(state.turns - state.turn + 1, 0)


def add_effects(
    state: State, effects: Iterable[CEffect], scale: float, into: Deltas, tail: float = 0.0
) -> None:
    """Add ``scale`` times the track changes of ``effects`` to ``into``.

    Conditions are tested on ``state``; a posture change adds the difference in ongoing effects
    over ``tail`` turns. Flags, capital and standing are left out: no measure of a stance is
    expected to hinge on them directly.
    """
    tracks = state.tracks
    for effect in effects:
        if effect.plain:  # a track moved by a number, now (``CEffect.plain``): the same product
            into[effect.index] += scale * effect.value
            continue
        kind, index, value, is_set, when = effect.kind, effect.index, effect.value, effect.is_set, effect.when
        if when is not None and not when(state):
            continue
        if kind == E_TRACK:
            into[index] += scale * ((value - tracks[index]) if is_set else value)
        elif kind == E_POSTURE and tail:
            posture = state.scenario.postures[index]
            current = state.postures[index]
            if current != value:
                add_effects(state, posture.options[value].ongoing, scale * tail, into)
                add_effects(state, posture.options[current].ongoing, -scale * tail, into)


def exposure_chance(state: State, action: CAction) -> float:
    """The chance a covert programme started now comes to light before it ends or the game does."""
    exposure = action.exposure
    if exposure is None:
        return 0.0
    modifier = sum(m.add for m in exposure.modifiers if m.when(state))
    hidden = 1.0
    for k in range(min(exposure.turns, remaining_upkeeps(state))):
        chance = min(max(exposure.chance + exposure.growth * k + modifier, 0), 100) / 100
        hidden *= 1.0 - chance
    return 1.0 - hidden


def expected_deltas(state: State, action: CAction, accept_chance: float, tail: int) -> Deltas:
    """Expected change of every track if ``action`` is ordered now (others doing nothing)."""
    return effective(state, raw_deltas(state, action, accept_chance, tail))


def raw_deltas(state: State, action: CAction, accept_chance: float, tail: int) -> Deltas:
    """The expected changes of ``expected_deltas`` before the tracks' bounds (``effective``)."""
    scenario = state.scenario
    out = [0.0] * len(scenario.track_ids)
    horizon = min(tail, remaining_upkeeps(state))
    if action.kind == ACTION_PROPOSE:
        term = scenario.terms[action.term]
        add_effects(state, term.on_accept, accept_chance, out)
        add_effects(state, term.on_reject, 1.0 - accept_chance, out)
        span = min(horizon, term.sunset) if term.sunset else horizon
        add_effects(state, term.ongoing, accept_chance * span, out)
        return out
    add_effects(state, action.effects, 1.0, out, horizon)
    if action.check is not None:
        success, partial, failure, _ = check_odds(state, action.check)
        add_effects(state, action.check.success, success, out, horizon)
        add_effects(state, action.check.partial, partial, out, horizon)
        add_effects(state, action.check.failure, failure, out, horizon)
    exposed = 0.0
    if action.covert and action.exposure is not None:
        exposed = exposure_chance(state, action)
        add_effects(state, action.exposure.ongoing, min(action.exposure.turns, horizon), out)
        add_effects(state, action.exposure.effects, exposed, out)
    for term in action.breaks:
        if state.agreements[term] == AG_IN_FORCE:
            add_effects(state, scenario.terms[term].breach_effects, exposed if action.covert else 1.0, out)
    return out


def effective(state: State, deltas: Deltas) -> Deltas:
    """The changes as they would land: a track cannot go below 0 or above 100.

    A track an order does not touch (most of them) lands where it is: 0.0, as the clamp gives
    for a whole-number track in 0..100, without the clamp (the easy level's hottest line)."""
    return [min(max(v + d, 0.0), 100.0) - v if d else 0.0 for v, d in zip(state.tracks, deltas, strict=True)]


def worth(stance: Stance, deltas: Deltas) -> float:
    """A linear reading of track changes in value points (the stance's slope per track)."""
    return sum(map(mul, deltas, stance.track_weight))


def landed_worth(stance: Stance, state: State, deltas: Deltas) -> float:
    """``worth(stance, effective(state, deltas))``, reading only the tracks that move: the same
    sum to the last bit, since a track left alone adds a zero, which changes no sum (the easy
    level judges every legal order this way at every decision)."""
    tracks, weights = state.tracks, stance.track_weight
    moved = [  # clamped by comparisons: the floats of ``effective``'s min(max()), without its calls
        ((0.0 if (x := tracks[i] + d) < 0.0 else 100.0 if x > 100.0 else x) - tracks[i]) * weights[i]
        for i, d in enumerate(deltas)
        if d
    ]
    return sum(moved, 0.0)


def even_odds(to: int, term: int) -> float:
    return 0.5


def outlook(
    stance: Stance, state: State, tail: int, accept_chance: Callable[[int, int], float] = even_odds
) -> float:
    """The state's worth to the stance once what is already set in motion has landed.

    ``accept_chance(to, term)`` is how likely a proposal on the table is to be accepted.
    """
    if state.terminal:
        return stance.value(state)
    pending = in_motion(state, tail, accept_chance)
    if not any(pending):
        return stance.value(state)
    # Each track kept within 0-100 by comparisons: the same floats as min(max(v + d, 0.0), 100.0),
    # without two builtin calls per track of every state the search judges.
    landed = [
        0.0 if (x := v + d) < 0.0 else 100.0 if x > 100.0 else x
        for v, d in zip(state.tracks, pending, strict=True)
    ]
    return stance.value(Landed(landed, state))


def in_motion(state: State, tail: int, accept_chance: Callable[[int, int], float]) -> Deltas:
    """The track changes already set in motion (see ``outlook``), in one fixed order: the same
    sums, to the last bit, whichever effects are left out for having none."""
    scenario = state.scenario
    pending = [0.0] * len(scenario.track_ids)
    turns = state.turns
    for due, effect, _, _ in state.scheduled:
        if due <= turns and effect.kind == E_TRACK:
            add_effects(state, (effect,), 1.0, pending)
    for term_index, _, to, _ in state.proposals:
        term = scenario.terms[term_index]
        chance = accept_chance(to, term_index)
        add_effects(state, term.on_accept, chance, pending)
        add_effects(state, term.on_reject, 1.0 - chance, pending)
    horizon = min(tail, remaining_upkeeps(state))
    if not horizon:
        return pending
    postures = state.postures
    for posture in scenario.postures:
        ongoing = posture.options[postures[posture.index]].ongoing
        if ongoing:
            add_effects(state, ongoing, horizon, pending)
    agreements = state.agreements
    for term in scenario.terms:
        if term.ongoing and agreements[term.index] == AG_IN_FORCE:
            span = horizon
            if term.sunset:
                span = min(span, max(term.sunset - (state.turn - state.agreement_since[term.index]), 0))
            add_effects(state, term.ongoing, span, pending)
    actions = scenario.actions
    for index, _, left in state.programmes:
        exposure = actions[index].exposure
        if exposure is not None and exposure.ongoing:
            add_effects(state, exposure.ongoing, min(left, horizon), pending)
    return pending


class Landed:
    """A state as it reads once ``tracks`` have landed: its own tracks, everything else read
    through to the state. A measure only reads a state, so this stands in for a full copy
    (which a search made for every state it judged)."""

    __slots__ = ("_state", "tracks")

    def __init__(self, tracks: list[float], state: State) -> None:
        self.tracks = tracks
        self._state = state

    def __getattr__(self, name: str) -> Any:
        return getattr(self._state, name)
