"""The facilitator's decisions from a device: each one the Session's own operation, on the room.

Inject, adjudicate (tracks moved with a written reason), the table's dice, undo, pause, the
deadline and what a late team gets, holding the resolution for the dice, and a new join code
for a team. A decision that changes the game lands in the log with its reason (so in the save,
the replay and the report); orders a team gave earlier that no longer fit are handed back, and
the team is told. Each returns the sentence for the facilitator's status line as a catalog
key and its values, worded later in the facilitator's own language.
"""

from __future__ import annotations

from typing import Any

from game.engine import IllegalMove
from game.shells.host.codes import FACILITATOR_SEAT
from game.shells.host.deadline import POLICIES
from game.shells.host.room import Refused, Room

Outcome = tuple[str, dict[str, Any]]


def _index(ids: tuple[str, ...] | list[str], wanted: str, key: str) -> int:
    if wanted not in ids:
        raise Refused(key)
    return list(ids).index(wanted)


def _engine(call: Any, *args: Any) -> None:
    try:
        call(*args)
    except IllegalMove as err:
        raise Refused("host.refused.engine", reason=err.reason) from None


def _after(room: Room) -> None:
    """After a decision: hand back what no longer fits, let the table move on, tell everyone."""
    for role in room.session.recheck_pending():
        room.notices.append((room.session.state.turn, "host.notice.handed_back", {"role": role}))
    room.settle()
    room.save()
    room.changed()


def inject(room: Room, event_id: str, reason: str) -> Outcome:
    sc = room.session.scenario
    event = _index([e.id for e in sc.model.events], event_id, "host.refused.unknown_event")
    if not reason.strip():
        raise Refused("host.refused.need_reason")
    _engine(room.session.inject, event, reason.strip())
    _after(room)
    return "host.fac.done.inject", {"event": event}


def adjust(room: Room, changes: dict[str, int], reason: str) -> Outcome:
    """Adjudicate, as in a matrix game: tracks moved with the written reason on record."""
    sc = room.session.scenario
    ids = [t.id for t in sc.model.tracks]
    moved = {
        _index(ids, track, "host.refused.unknown_track"): delta for track, delta in changes.items() if delta
    }
    if not reason.strip():
        raise Refused("host.refused.need_reason")
    if not moved:
        raise Refused("host.refused.need_change")
    _engine(room.session.adjust, moved, reason.strip())
    _after(room)
    return "host.fac.done.adjust", {"reason": reason.strip()}


def dice(room: Room, role_id: str, action_id: str, d1: int, d2: int) -> Outcome:
    sc = room.session.scenario
    role = _index(sc.role_ids, role_id, "host.refused.unknown_role")
    action = _index([a.id for a in sc.actions], action_id, "host.refused.unknown_order")
    _engine(room.session.set_dice, role, action, d1, d2)
    room.save()
    room.changed()
    return "host.fac.done.dice", {"d1": d1, "d2": d2, "total": d1 + d2}


def clear_dice(room: Room, role_id: str, action_id: str) -> Outcome:
    sc = room.session.scenario
    role = _index(sc.role_ids, role_id, "host.refused.unknown_role")
    action = _index([a.id for a in sc.actions], action_id, "host.refused.unknown_order")
    room.session.clear_dice(role, action)
    room.save()
    room.changed()
    return "host.fac.done.dice_cleared", {}


def undo(room: Room, what: str) -> Outcome:
    session = room.session
    done = session.undo_turn() if what == "turn" else session.undo_last()
    if not done:
        raise Refused("host.refused.nothing_to_undo")
    _after(room)
    return "host.fac.done.undo", {"turn": session.state.turn}


def pause(room: Room, paused: bool) -> Outcome:
    room.paused = paused
    if not paused:
        room.settle()
    room.save()
    room.changed()
    return ("host.fac.done.paused" if paused else "host.fac.done.resumed"), {}


def set_deadline(room: Room, minutes: int, policy: str) -> Outcome:
    if policy not in POLICIES:
        raise Refused("host.refused.bad_policy")
    room.deadline.set(minutes, policy, room.round())
    room.save()
    room.changed()
    if not room.deadline.on:
        return "host.fac.done.no_deadline", {}
    return "host.fac.done.deadline", {"minutes": room.deadline.minutes}


def late_now(room: Room) -> Outcome:
    """The deadline's choice, now, for every team still deciding (the facilitator calls time)."""
    late = room.missed()
    if not late:
        raise Refused("host.refused.nobody_waiting")
    return "host.fac.done.late", {"roles": late}


def hold(room: Room, held: bool) -> Outcome:
    room.hold = held
    if not held:
        room.settle()
    room.save()
    room.changed()
    return ("host.fac.done.hold" if held else "host.fac.done.release"), {}


def resolve_now(room: Room) -> Outcome:
    """Resolve a turn held for the table's dice (every team has given its orders)."""
    session = room.session
    if session.next_step().kind != "resolve":
        raise Refused("host.refused.not_ready")
    if room.paused:
        raise Refused("host.refused.paused")
    session.advance()
    _after(room)
    return "host.fac.done.resolved", {}


def show_codes(room: Room, shown: bool) -> Outcome:
    room.codes_shown = shown
    room.save()
    room.changed()
    return ("host.fac.done.codes_shown" if shown else "host.fac.done.codes_hidden"), {}


def renew_code(room: Room, seat: str) -> Outcome:
    if seat not in room.seat_ids() or seat == FACILITATOR_SEAT:
        raise Refused("host.refused.unknown_role")
    room.codes.renew(seat)
    room.save()
    room.changed()
    return "host.fac.done.renewed", {"seat": seat}
