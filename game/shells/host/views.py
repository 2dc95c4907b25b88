"""One message per viewer: the seat's view data, the page's main part rendered from it, and a
short sentence for screen readers - all in the device's language, built under the room's lock.

Seats are a team's role id, ``facilitator`` or ``board`` (the projector). A team's message is
built from ``redact(state, role)`` only, the board's from the public view; only a facilitator
code ever receives the facilitator's. Messages are cached per seat and language until the
room's version (or the team's draft) changes, so forty devices cost a handful of builds.
"""

from __future__ import annotations

import json
from typing import Any

from game.i18n import text, tr, trn
from game.shells.host import viewparts
from game.shells.host.boardview import board_view, facilitator_view
from game.shells.host.codes import FACILITATOR_SEAT
from game.shells.host.render import render_main, render_part, speaking
from game.shells.host.room import Room
from game.shells.host.teamview import team_view
from game.story.words import role_name

BOARD_SEAT = "board"


def seat_kind(seat: str) -> str:
    if seat == BOARD_SEAT:
        return "board"
    return "facilitator" if seat == FACILITATOR_SEAT else "team"


def stamp(room: Room, seat: str) -> tuple[int, int, int]:
    """What a seat's message depends on: the room's version, a team's own draft and orders,
    and who has decided (the facilitator's whole view depends on that too, so it counts as
    part of its version)."""
    role = room.role_of(seat)
    own = room.draft_versions[role] if role is not None else 0
    if seat_kind(seat) == "facilitator":
        own = room.status_version
    return (room.version, own, room.status_version)


def view_data(room: Room, seat: str, base_url: str) -> dict[str, Any]:
    """The seat's view as JSON data, in the current language (the caller holds the lock)."""
    kind = seat_kind(seat)
    if kind == "board":
        return board_view(room, base_url)
    if kind == "facilitator":
        status = None
        if room.fac_status is not None:
            ok, key, values = room.fac_status
            status = (ok, tr(key, **_worded(room, values)))
        return facilitator_view(room, base_url, status)
    role = room.role_of(seat)
    assert role is not None
    return team_view(room, role)


def _worded(room: Room, values: dict[str, Any]) -> dict[str, Any]:
    """The values of a facilitator's status line, names in words."""
    sc = room.session.scenario
    out = dict(values)
    if "roles" in out:
        out["roles"] = ", ".join(role_name(sc, r) for r in out["roles"])
    if out.get("seat") in sc.role_ids:
        out["seat"] = role_name(sc, sc.role_ids.index(out["seat"]), short=False)
    if "event" in out:
        out["event"] = text(sc.model.events[out["event"]].headline)
    return out


def announcement(kind: str, data: dict[str, Any]) -> str:
    """A sentence a screen reader says when the view changes ('Your orders are given')."""
    if data.get("over"):
        ending = data.get("ending") or {}
        return tr("host.announce.over", ending=ending.get("name", ""))
    deciding = sum(1 for team in data["teams"] if not team["done"] and not team["computer"])
    if kind != "team":
        return trn("host.announce.board", deciding, turn=data["turn"])
    step = data["step"]
    if step == "answer":
        return tr("host.announce.answer", turn=data["turn"])
    if step == "order":
        return tr("host.announce.order", turn=data["turn"])
    return trn("host.announce.given", deciding, turn=data["turn"])


def message(room: Room, seat: str, lang: str, base_url: str) -> dict[str, Any]:
    """The whole message for one seat in one language (the caller holds the room's lock)."""
    kind = seat_kind(seat)
    with speaking(lang):
        data = view_data(room, seat, base_url)
        html = render_main(kind, data)
        said = announcement(kind, data)
    return {
        "type": "view",
        "version": room.version,
        "stamp": [room.version, room.status_version],
        "kind": kind,
        "lang": lang,
        "announce": said,
        "data": data,
        "html": html,
    }


def status_message(room: Room, kind: str, lang: str) -> dict[str, Any]:
    """Only who has decided, for a seat whose view is otherwise unchanged (a team gave its
    orders and the turn goes on): a few hundred bytes instead of the whole view."""
    session = room.session
    waiting = room.waiting()
    with speaking(lang):
        teams = viewparts.teams(session, waiting)
        data = {"teams": teams, "over": session.terminal, "turn": session.state.turn, "step": ""}
        html = render_part("_teams.html", {"teams": teams, "over": session.terminal})
        said = announcement("board", data)
    return {
        "type": "status",
        "version": room.version,
        "stamp": [room.version, room.status_version],
        "teams": teams,
        "announce": said,
        "html": html,
    }


FORMATS = ("html", "data")  # a browser's page takes the rendered view, a scripted device the data


class MessageCache:
    """Messages by seat, language and format, kept until what they depend on changes."""

    def __init__(self, room: Room, base_url: str) -> None:
        self.room = room
        self.base_url = base_url
        self.full: dict[tuple[str, str], tuple[tuple[int, int, int], dict[str, Any], dict[str, str]]] = {}
        self.status: dict[tuple[str, str], tuple[int, str]] = {}

    def text(
        self, seat: str, lang: str, sent: tuple[int, int, int] | None, fmt: str = "html"
    ) -> tuple[tuple[int, int, int], str]:
        """(stamp, JSON text) of what a device that was last sent ``sent`` needs now: the whole
        view, only who has decided, or '' (nothing new). The caller holds the room's lock."""
        now = stamp(self.room, seat)
        if sent == now:
            return now, ""
        if sent is not None and sent[:2] == now[:2]:
            return now, self._status(seat_kind(seat), lang)
        kept = self.full.get((seat, lang))
        if kept is None or kept[0] != now:
            kept = (now, message(self.room, seat, lang, self.base_url), {})
            self.full[(seat, lang)] = kept
        encoded = kept[2].get(fmt)
        if encoded is None:
            left_out = "html" if fmt == "data" else "data"
            encoded = kept[2][fmt] = _encode({k: v for k, v in kept[1].items() if k != left_out})
        return now, encoded

    def _status(self, kind: str, lang: str) -> str:
        key = ("board" if kind == "board" else "team", lang)
        kept = self.status.get(key)
        if kept is None or kept[0] != self.room.status_version:
            kept = (self.room.status_version, _encode(status_message(self.room, kind, lang)))
            self.status[key] = kept
        return kept[1]


def _encode(value: dict[str, Any]) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
