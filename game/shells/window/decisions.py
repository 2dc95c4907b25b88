"""The facilitator's decisions on a session, in words a facilitator reads: no drawing here.

Each function calls the session's own operation (``inject``, ``adjust``, ``set_dice``,
``undo_last``, ``undo_turn``), so every decision becomes a move with its written reason in the
log, the save and the replay. After a decision that changes the game, orders or answers a team
gave earlier in the turn are checked again by the engine: those that no longer fit are handed
back (the team gives them again) rather than failing at the resolution.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from game.engine import IllegalMove
from game.engine.move import ANSWERS, INJECT, NOTE, ORDERS, Move
from game.i18n import text, tr
from game.story.words import action_name, effect_words, role_name

if TYPE_CHECKING:
    from game.session.table import Session


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a decision did, for the panel's status line."""

    ok: bool
    message: str


def _refused(err: IllegalMove) -> Outcome:
    return Outcome(False, tr("ui.fac.refused", why=err.reason))


# ----------------------------------------------------------------------------- decisions


def inject(session: Session, event: int, reason: str) -> Outcome:
    """Play an event from the deck now, with the facilitator's reason."""
    reason = reason.strip()
    if not reason:
        return Outcome(False, tr("ui.w.fac.need_reason"))
    try:
        session.inject(event, reason)
    except IllegalMove as err:
        return _refused(err)
    headline = text(session.scenario.model.events[event].headline)
    return Outcome(True, tr("ui.fac.inject.done", headline=headline) + _handed_back(session))


def custom_inject(session: Session, headline: str, changes: dict[int, int]) -> Outcome:
    """News the facilitator writes: an adjustment whose reason is the headline (so it is logged)."""
    headline = headline.strip()
    if not headline:
        return Outcome(False, tr("ui.w.fac.custom.need_headline"))
    try:
        session.adjust({t: d for t, d in changes.items() if d}, headline)
    except IllegalMove as err:
        return _refused(err)
    return Outcome(True, tr("ui.fac.custom.done", headline=headline) + _handed_back(session))


def adjudicate(session: Session, track: int, delta: int, reason: str) -> Outcome:
    """A ruling, as in a matrix game: one track moved, with the written reason on record."""
    reason = reason.strip()
    if not reason:
        return Outcome(False, tr("ui.w.fac.need_reason"))
    if not delta:
        return Outcome(False, tr("ui.w.fac.adjudicate.need_change"))
    before = session.state.tracks[track]
    try:
        session.adjust({track: delta}, reason)
    except IllegalMove as err:
        return _refused(err)
    name = text(session.scenario.model.tracks[track].name)
    after = session.state.tracks[track]
    return Outcome(
        True,
        tr("ui.fac.adjudicate.done", track=name, before=before, after=after, reason=reason)
        + _handed_back(session),
    )


def set_dice(session: Session, role: int, action: int, d1: int, d2: int, reveal: bool = False) -> Outcome:
    """The dice the table rolled for a given order (used instead of the computer's roll)."""
    try:
        session.set_dice(role, action, d1, d2)
    except IllegalMove as err:
        return _refused(err)
    order = order_label(session, role, action, reveal)
    return Outcome(True, tr("ui.fac.dice.set", order=order, d1=d1, d2=d2, total=d1 + d2))


def clear_dice(session: Session, role: int, action: int) -> Outcome:
    """Back to the computer's roll for this order."""
    session.clear_dice(role, action)
    return Outcome(True, tr("ui.fac.dice.cleared"))


def undo_last(session: Session) -> Outcome:
    what = describe_last_move(session)
    if not session.undo_last():
        return Outcome(False, tr("ui.fac.undo.nothing"))
    return Outcome(True, tr("ui.fac.undo.done", what=what))


def undo_turn(session: Session) -> Outcome:
    turn = last_resolved_turn(session)
    if not session.undo_turn():
        return Outcome(False, tr("ui.fac.undo.no_turn"))
    return Outcome(True, tr("ui.fac.undo.turn_done", turn=turn))


# ----------------------------------------------------------------------------- after a decision


def _handed_back(session: Session) -> str:
    roles = session.recheck_pending()
    if not roles:
        return ""
    names = ", ".join(role_name(session.scenario, r) for r in roles)
    return " " + tr("ui.fac.handed_back", roles=names)


# ----------------------------------------------------------------------------- describing


def describe_last_move(session: Session) -> str:
    """The last move in a facilitator's words ('the resolution of turn 3')."""
    move = session.last_move()
    return "" if move is None else describe_move(session, move)


def describe_move(session: Session, move: Move) -> str:
    sc = session.scenario
    if move.kind == ORDERS:
        return tr("ui.fac.move.orders", turn=move.turn)
    if move.kind == ANSWERS:
        return tr("ui.fac.move.answers", turn=move.turn)
    if move.kind == INJECT:
        headline = text(sc.model.events[move.event].headline)
        return tr("ui.fac.move.inject", headline=headline, turn=move.turn)
    if move.kind == NOTE:
        return tr("ui.fac.move.note", turn=move.turn)
    return tr("ui.fac.move.adjust", reason=move.reason, turn=move.turn)


def last_resolved_turn(session: Session) -> int | None:
    move = session.last_move(ORDERS)
    return None if move is None else move.turn


def given_this_turn(session: Session) -> int:
    """How many roles have given orders or answers not yet applied (an undo takes them back)."""
    return session.given_this_turn()


def event_effects(session: Session, event: int) -> str:
    """Everything an event does, in short ('Bilateral trust -5, Violence +3, Leak: yes')."""
    sc = session.scenario
    parts = [effect_words(sc, effect) for effect in sc.events[event].effects]
    return ", ".join(parts) if parts else tr("text.none")


def order_label(session: Session, role: int, action: int, reveal: bool) -> str:
    """An order for the dice list: a covert one stays 'a secret order of ...' unless revealed."""
    sc = session.scenario
    if sc.actions[action].covert and not reveal:
        return tr("ui.w.fac.dice.secret", role=role_name(sc, role))
    label = f"{role_name(sc, role)}: {action_name(sc, action)}"
    if sc.actions[action].covert:
        label += f" ({tr('ui.covert')})"
    return label


def orders_with_checks(session: Session) -> list[tuple[int, int]]:
    """(role, action) of every order given this turn that has a dice check, in role order."""
    sc = session.scenario
    return [
        (role, action)
        for role in sorted(session.pending_orders)
        for action in session.pending_orders[role]
        if sc.actions[action].check is not None
    ]
