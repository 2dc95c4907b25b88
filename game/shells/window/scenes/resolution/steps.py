"""The resolution as steps: each item of the turn's story with the changes it really caused.

Built from the facts of the turn (``game.story.facts``) seen through the viewer's redacted
view, so a covert order appears only once exposed, and its effects meanwhile are a line of their
own, "Undisclosed cause", never pinned on another order or headline. A posture's, an
agreement's or a programme's running effects have their own lines too. Pure: no drawing here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from game.engine.log import L_ORDER, L_PROPOSAL, L_TRACK, Entry
from game.engine.move import Move
from game.engine.state import State
from game.i18n import text
from game.scenario.runtime import ACTION_PROPOSE, C_ACTION, C_INCOME, PART_FAILURE, PART_PARTIAL, PART_SUCCESS
from game.story.facts import UPKEEP, Beat, Dice, Order, tell_turn
from game.story.fatigue import worn_line
from game.story.headlines import Headline, headline
from game.story.words import bands_line, cause_label, risks_of

STEP_SECONDS = 0.75
DICE_SECONDS = 0.8


@dataclass(slots=True)
class Step:
    """One revealed item: a headline, maybe dice, a computer's reason, and the tracks it moved."""

    text: str
    risks: tuple[str, ...] = ()
    major: bool = False
    action: int = -1
    role: int = -1
    dice: Dice | None = None
    check_text: str = ""
    bands: str = ""  # the roll's outcome bands, so a player sees what the dice had to beat
    reason: str = ""
    worn: str = ""  # the order had worn out: said so, since its change is smaller than usual
    apart: bool = False  # a running effect or an undisclosed cause, not an item of news
    moves: list[tuple[int, int]] = field(default_factory=list)  # (track, delta)
    start: float = 0.0
    duration: float = STEP_SECONDS
    y: int = 0
    height: int = 0


def build_steps(
    s: State, moves: Sequence[Move], shown_from: int, computer: Sequence[bool] = ()
) -> tuple[list[Step], list[int]]:
    """The last turn's story from entry ``shown_from`` on, as steps; and the tracks before them.

    ``computer[role]`` says which roles' reasons to show (people give none)."""
    record = s.history[-1]
    turn = tell_turn(s, moves, record.turn)
    steps: list[Step] = []
    if turn is not None:
        orders = {(o.role, o.action): o for o in turn.orders}
        for beat in turn.beats:
            if beat.at >= shown_from or any(c.at >= shown_from for c in beat.changes):
                step = _step(s, beat, orders, computer, shown_from)
                if step is not None:
                    steps.append(step)
    start = list(record.tracks)
    for step in steps:
        for track, delta in step.moves:
            start[track] -= delta
    clock = 0.0
    for step in steps:
        step.start = clock
        step.duration = STEP_SECONDS + (DICE_SECONDS if step.dice else 0.0) + (0.0 if step.text else -0.4)
        clock += step.duration
    return steps, start


def _step(
    s: State, beat: Beat, orders: dict[tuple[int, int], Order], computer: Sequence[bool], shown_from: int
) -> Step | None:
    sc = s.scenario
    moves = [(c.subject, c.value) for c in beat.changes if c.kind == L_TRACK and c.at >= shown_from]
    if beat.kind == UPKEEP:
        if not moves or (beat.cause and beat.cause[0] == C_INCOME):
            return None
        label = cause_label(sc, beat.cause)
        return Step(label, risks_of(sc, beat.cause), False, apart=True, moves=moves)
    if beat.at < shown_from:
        return None
    words = _headline(s, beat)
    if words is None:
        return None
    step = Step(words.text, words.risks, words.major, moves=moves)
    if beat.kind in (L_ORDER, L_PROPOSAL) and beat.cause and beat.cause[0] == C_ACTION:
        action = beat.cause[1]
        order = orders.get((sc.actions[action].role, action))
        step.action, step.role = action, sc.actions[action].role
        if order is not None:
            if 0 <= order.role < len(computer) and computer[order.role]:
                step.reason = order.reason
            step.worn = worn_line(sc, action, order.worn)
            step.dice = order.dice
            if order.dice is not None:
                step.check_text = _check_text(s, action, order.dice)
                dice = order.dice
                step.bands = bands_line(dice.target, dice.partial_from, dice.modifier)
    return step


def _headline(s: State, beat: Beat) -> Headline | None:
    """A beat's sentence; a proposal's order says nothing (its proposal line stands for it)."""
    if beat.kind == L_ORDER and s.scenario.actions[beat.subject].kind == ACTION_PROPOSE:
        return None
    words = headline(s, Entry(beat.kind, beat.subject, beat.value, beat.cause))
    return words if words is not None and words.text else None


def _check_text(s: State, action: int, dice: Dice) -> str:
    """What the check's outcome means, in the scenario's words (the dice are drawn beside it)."""
    check = s.scenario.model.actions[action].check
    outcome = (
        {PART_SUCCESS: check.success, PART_PARTIAL: check.partial, PART_FAILURE: check.failure}.get(dice.part)
        if check
        else None
    )
    return text(outcome.text) if outcome is not None else ""
