"""What a table needs in sight at the point of decision, in the window's words.

Read from the story layer (``game.story.outlook``, ``facts``): endings coming near, what runs
every turn (postures, agreements in force), a facilitator's ruling with the tracks it moved,
a roll against its target, and - on a covert role's own private screen only - what its secret
orders did last turn. Each is a ``NewsLine`` for the news column, which every mode of the play
screen shows, so none of it hides in a tooltip.
"""

from __future__ import annotations

from collections.abc import Sequence

from game.engine import State
from game.engine.log import AG_IN_FORCE, L_NOTE, L_TRACK
from game.engine.move import Move
from game.i18n import text, tr, trn
from game.scenario.runtime import PART_FAILURE, PART_PARTIAL, PART_SUCCESS, CompiledScenario
from game.shells.window.board import NewsLine
from game.story.facts import Change, Dice, tell_turn
from game.story.outlook import answer_preview, near_endings, risk_label, running
from game.story.thresholds import Threshold
from game.story.words import action_name, cause_label

MARK_KEYS = {
    ">=": "ui.w.mark.ge",
    "<=": "ui.w.mark.le",
    ">": "ui.w.mark.gt",
    "<": "ui.w.mark.lt",
    "==": "ui.w.mark.eq",
    "!=": "ui.w.mark.ne",
}
OUTCOME_KEYS = {
    PART_SUCCESS: "ui.check.success",
    PART_PARTIAL: "ui.check.partial",
    PART_FAILURE: "ui.check.failure",
}


def risk_names(sc: CompiledScenario, codes: Sequence[str]) -> tuple[str, ...]:
    """'R7 Balloon effect' for each code: no bare code during play."""
    return tuple(risk_label(sc, code) for code in codes)


def mark_words(sc: CompiledScenario, mark: Threshold) -> str:
    return tr(MARK_KEYS[mark.op], track=text(sc.model.tracks[mark.track].name), value=mark.value)


def warnings(s: State) -> list[NewsLine]:
    """An ending one typical turn away: which, and where each of its tracks stands."""
    sc = s.scenario
    out = []
    for near in near_endings(s):
        marks = "; ".join(
            tr("ui.w.near.mark", mark=mark_words(sc, mark), now=now) for mark, now in near.marks
        )
        ending = text(sc.model.endings[near.ending].name)
        out.append(NewsLine(tr("ui.w.near", ending=ending, marks=marks), (), True, "warning"))
    return out


def running_lines(s: State) -> list[NewsLine]:
    """Every posture (as this view knows it) and every agreement in force, with what it does
    each turn; the same lines on every screen, so an ongoing cost is never out of sight."""
    out = []
    for item in running(s):
        if item.kind == "agreement" and s.agreements[item.index] != AG_IN_FORCE:
            continue
        effects = ", ".join(item.effects) if item.effects else tr("ui.w.running.nothing")
        if item.kind == "posture":
            line = tr("ui.w.running.posture", name=item.name, effects=effects)
        elif item.sunset:
            line = tr(
                "ui.w.running.agreement_until",
                name=item.name,
                since=item.since,
                sunset=item.sunset,
                effects=effects,
            )
        else:
            line = tr("ui.w.running.agreement", name=item.name, since=item.since, effects=effects)
        out.append(NewsLine(line, (), False, "running"))
    return out


def change_words(sc: CompiledScenario, changes: Sequence[Change]) -> str:
    """'Sovereignty tension +6, Bilateral trust -2': the tracks a beat moved."""
    merged: dict[int, int] = {}
    for change in changes:
        if change.kind == L_TRACK and not sc.model.tracks[change.subject].hidden:
            merged[change.subject] = merged.get(change.subject, 0) + change.value
    return ", ".join(f"{text(sc.model.tracks[t].name)} {d:+d}" for t, d in merged.items() if d)


def rulings(s: State, moves: Sequence[Move]) -> dict[int, str]:
    """Position in this turn's log of each facilitator decision -> the tracks it moved, in words."""
    story = tell_turn(s, moves, s.turn)
    if story is None:
        return {}
    return {
        beat.at: words
        for beat in story.beats
        if beat.kind == L_NOTE and (words := change_words(s.scenario, beat.changes))
    }


def dice_words(dice: Dice) -> str:
    """'4 + 3 = 7 against 8: partial' - the roll, what it had to reach, and what it made."""
    modifier = f" {dice.modifier:+d}" if dice.modifier else ""
    return tr(
        "ui.w.dice",
        d1=dice.d1,
        d2=dice.d2,
        modifier=modifier,
        total=dice.total,
        target=dice.target,
        outcome=tr(OUTCOME_KEYS.get(dice.part, "ui.check.failure")),
    )


def preview_text(sc: CompiledScenario, term: int, own: bool) -> str:
    """What answering a proposal does, one line each: at once if accepted, every turn after (and
    for how long), at once if rejected. ``own``: the answering role reads it ('If you accept')."""
    preview = answer_preview(sc, term)
    nothing = tr("ui.w.preview.nothing")
    accept = ", ".join(preview.accept) or nothing
    lines = [tr("ui.w.preview.accept" if own else "ui.w.preview.they_accept", effects=accept)]
    if preview.each_turn:
        each = ", ".join(preview.each_turn)
        if preview.sunset:
            each += " (" + trn("ui.w.preview.sunset", preview.sunset) + ")"
        lines.append(tr("ui.w.preview.each_turn", effects=each))
    reject = ", ".join(preview.reject) or nothing
    lines.append(tr("ui.w.preview.reject" if own else "ui.w.preview.they_reject", effects=reject))
    return "\n".join(lines)


def secret_result(view: State, moves: Sequence[Move], role: int) -> list[NewsLine]:
    """What ``role``'s secret orders did last turn, from its own view: for its private screen only.

    At a shared screen the resolution is public, so a covert order's dice and effects stood
    there as an undisclosed cause; the team that gave it learns them here, after the hand-off."""
    if not view.history:
        return []
    sc = view.scenario
    story = tell_turn(view, moves, view.history[-1].turn)
    if story is None:
        return []
    out = []
    for order in story.orders:
        if order.role != role or order.secret_owner != role:
            continue
        line = action_name(sc, order.action)
        if order.dice is not None:
            line += ": " + dice_words(order.dice)
        out.append(NewsLine(tr("ui.w.secret.order", order=line), (), True, "secret"))
    for beat in story.beats:
        words = change_words(sc, beat.changes)
        if beat.secret_owner == role and words:
            label = cause_label(sc, beat.cause)
            out.append(NewsLine(tr("ui.w.secret.effects", cause=label, changes=words), (), False, "secret"))
    if out:
        out.insert(0, NewsLine(tr("ui.w.secret.title", turn=story.turn), (), True, "secret"))
    return out
