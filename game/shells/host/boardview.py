"""The projector's view (``redact(state, PUBLIC)``: the public board, who has decided - never
what - the deadline and the join codes while shown) and the facilitator's (the whole game, the
codes, the devices, and what the panel needs: the event deck, the tracks, the orders with a
check whose table dice may be entered)."""

from __future__ import annotations

from typing import Any

from game.engine import FACILITATOR, PUBLIC
from game.i18n import text, tr
from game.report.observe import facilitator_extras
from game.shells.host import viewparts
from game.shells.host.codes import FACILITATOR_SEAT, shown
from game.shells.host.room import Room
from game.story.words import action_name, role_name


def join_links(room: Room, base_url: str, facilitator: bool) -> list[dict[str, Any]]:
    """One join address per team (and the facilitator's, for the facilitator only)."""
    sc = room.session.scenario
    out = []
    for seat, code in room.codes.by_seat.items():
        if seat == FACILITATOR_SEAT and not facilitator:
            continue
        role = room.role_of(seat)
        name = tr("host.facilitator") if role is None else role_name(sc, role, short=False)
        path = f"/f/{code}" if role is None else f"/t/{code}"
        out.append(
            {
                "seat": seat,
                "name": name,
                "code": shown(code),
                "path": path,
                "url": base_url + path,
                "devices": room.devices.get(seat, 0),
            }
        )
    return out


def board_view(room: Room, base_url: str) -> dict[str, Any]:
    session = room.session
    view = session.view(PUBLIC)
    waiting = room.waiting()
    return {
        "kind": "board",
        **viewparts.heading(view),
        "paused": room.paused,
        "deadline": room.deadline.seconds_left() if waiting else None,
        "teams": viewparts.teams(session, waiting),
        "tracks": viewparts.tracks(view, why_turns=1),
        "situation": viewparts.situation(view),
        "news": viewparts.news(view),
        "coming": viewparts.coming(view, PUBLIC),
        "last_turn": viewparts.resolution(view, session.moves, session),
        "notices": viewparts.notices(session, room.notices),
        "codes": join_links(room, base_url, facilitator=False) if room.codes_shown else [],
        "join_url": base_url + "/",
        "ending": viewparts.ending(view, None),
    }


def facilitator_view(room: Room, base_url: str, status: tuple[bool, str] | None) -> dict[str, Any]:
    session = room.session
    view = session.view(FACILITATOR)
    sc = session.scenario
    waiting = room.waiting()
    devices = dict(room.devices)
    return {
        "kind": "facilitator",
        **viewparts.heading(view),
        "paused": room.paused,
        "hold": room.hold,
        "codes_shown": room.codes_shown,
        "deadline": room.deadline.seconds_left() if waiting else None,
        "deadline_minutes": room.deadline.minutes,
        "deadline_policy": room.deadline.policy,
        "teams": viewparts.teams(session, waiting, devices),
        "codes": join_links(room, base_url, facilitator=True),
        "board_url": base_url + "/board",
        "step": session.next_step().kind,
        "tracks": viewparts.tracks(view, why_turns=1),
        "situation": viewparts.situation(view),
        "news": viewparts.news(view),
        "coming": viewparts.coming(view, FACILITATOR),
        "last_turn": viewparts.resolution(view, session.moves, session),
        "notices": viewparts.notices(session, room.notices),
        "events": [{"id": e.id, "headline": text(e.headline)} for e in sc.model.events],
        "dice_orders": _dice_orders(room),
        "given": _given(room),
        "moves": len(session.moves),
        "save_error": room.save_error,
        "status": None if status is None else {"ok": status[0], "text": status[1]},
        "ending": viewparts.ending(view, None),
    } | facilitator_extras(session)


def _dice_orders(room: Room) -> list[dict[str, Any]]:
    """Orders given this turn that carry a check: the table may roll real dice for them."""
    session = room.session
    sc = session.scenario
    out = []
    for role in sorted(session.pending_orders):
        for action in session.pending_orders[role]:
            if sc.actions[action].check is None:
                continue
            out.append(
                {
                    "role": sc.role_ids[role],
                    "action": sc.actions[action].id,
                    "label": f"{role_name(sc, role)}: {action_name(sc, action)}",
                    "covert": sc.actions[action].covert,
                    "dice": list(session.pending_dice.get((role, action), ())),
                }
            )
    return out


def _given(room: Room) -> list[dict[str, Any]]:
    """What each team has given this round (the facilitator sees everything)."""
    session = room.session
    sc = session.scenario
    out = []
    for role, actions in sorted(session.pending_orders.items()):
        names = [action_name(sc, a) for a in actions] or [tr("text.pass")]
        out.append({"role": role_name(sc, role), "what": ", ".join(names)})
    for role, terms in sorted(session.pending_answers.items()):
        words = [
            f"{text(sc.model.terms[t].name)}: {tr('ui.answers.accept') if yes else tr('ui.answers.reject')}"
            for t, yes in terms.items()
        ]
        out.append({"role": role_name(sc, role), "what": "; ".join(words) or tr("text.none")})
    return out
