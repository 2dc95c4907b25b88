"""The crisis's clock: scheduled beats come with the news of their turn, whatever the draw.

A beat comes at a set turn, or some turns after a flag was first set (the mission started: the
War Powers deadlines follow), once, if its condition holds then. It may carry a check, rolled
with the game's own dice (a vote, a veto and an override): its outcome's effects follow.
"""

from __future__ import annotations

from game.engine import rng
from game.engine.effects import apply_effects
from game.engine.log import L_BEAT, Line
from game.engine.state import State
from game.scenario.runtime import PART_BASE, PART_FAILURE, PART_PARTIAL, PART_SUCCESS, CBeat, CCheck


def fire_beats(s: State, log: list[Line]) -> None:
    """Every beat due this turn, in the scenario's order (a beat set for another turn is never
    due, so only this turn's and those that follow a flag are asked). A beat is due once, on
    its turn or its turns after its flag was first set, if its condition holds then; the test is
    written out here, not called per beat: a turn asks it of about three beats."""
    scenario = s.scenario
    by_turn = scenario.beats_by_turn
    turn, done, flag_since = s.turn, s.beats_done, s.flag_since
    candidates = by_turn[min(turn, len(by_turn) - 1)] if by_turn else scenario.beats
    for beat in candidates:
        if done[beat.index]:
            continue
        if beat.turn >= 0:
            if turn != beat.turn:
                continue
        else:
            since = flag_since[beat.after_flag]
            if since < 0 or turn < since + beat.turns:
                continue
        if beat.when is None or beat.when(s):
            fire(s, beat, log)


def fire(s: State, beat: CBeat, log: list[Line]) -> None:
    s.beats_done[beat.index] += 1
    part = PART_BASE if beat.check is None else roll(s, beat.check)
    log.append((L_BEAT, beat.index, part, beat.causes[PART_BASE]))
    apply_effects(s, beat.effects, beat.causes[PART_BASE], log)
    if beat.check is not None:
        outcome = {PART_SUCCESS: beat.check.success, PART_PARTIAL: beat.check.partial}.get(
            part, beat.check.failure
        )
        apply_effects(s, outcome, beat.causes[part], log)


def roll(s: State, check: CCheck) -> int:
    """The outcome of a beat's check on 2d6 and its modifiers (there is no table to roll it)."""
    modifier = sum(mod.add for mod in check.modifiers if mod.when(s))
    s.rng, d1, d2 = rng.two_dice(s.rng)
    total = d1 + d2 + modifier
    if total >= check.target:
        return PART_SUCCESS
    return PART_PARTIAL if total >= check.partial_from else PART_FAILURE
