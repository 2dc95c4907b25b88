"""The parts every page shows, built from a redacted view only: tracks, news, the situation, the
last turn's resolution, who has decided, and the ending.

Each function takes the view a seat may see (``redact(state, seat)``) and returns plain JSON
data in the current language. Nothing here reads the raw state: what a device receives is what
the engine's view for that seat holds, and what ``game.story`` derives from it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from game.engine import PHASE_ANSWERS, State, pending_answers, result
from game.engine.log import AG_IN_FORCE, L_CAPITAL, L_STANDING, L_TRACK, Entry
from game.engine.move import Move
from game.i18n import text, tr
from game.scenario.runtime import CompiledScenario
from game.session.table import Session
from game.shells.host import outlookparts
from game.story.calendar import coming_beats, coming_line
from game.story.facts import UPKEEP, Beat, TurnStory, tell_turn
from game.story.fatigue import worn_line
from game.story.headlines import headline_of, headlines
from game.story.why import last_change, track_changes
from game.story.words import (
    action_name,
    cause_label,
    facilitator_notes,
    phase_name,
    role_name,
)
from game.story.words import risks_of as cause_risks

CONSEQUENCE_KINDS = ("rule", "exposed", "agreement", "ending")


def heading(view: State) -> dict[str, Any]:
    return {
        "turn": view.turn,
        "turns": view.turns,
        "phase": phase_name(view.phase),
        "over": view.terminal,
        "title": text(view.scenario.model.title),
    }


def tracks(view: State, why_turns: int = 2) -> list[dict[str, Any]]:
    """Every track the seat may see, with its change and every cause of its recent moves."""
    notes = facilitator_notes(view)
    out = []
    for index, model in enumerate(view.scenario.model.tracks):
        if model.hidden:
            continue
        out.append(
            {
                "id": model.id,
                "name": text(model.name),
                "description": text(model.description),
                "value": view.tracks[index],
                "change": last_change(view, index),
                "good": model.good,
                "marks": outlookparts.marks(view.scenario, index),
                "why": [
                    {
                        "turn": c.turn,
                        "delta": c.delta,
                        "label": c.label,
                        "risks": outlookparts.risk_names(view.scenario, c.risks),
                    }
                    for c in track_changes(view, index, turns=why_turns, notes=notes)
                ],
            }
        )
    return out


def situation(view: State) -> dict[str, Any]:
    """Postures (as this seat sees them), agreements in force, proposals on the table, capital."""
    sc = view.scenario
    m = sc.model
    postures = [
        {
            "name": text(m.postures[p.index].name),
            "option": text(m.postures[p.index].options[view.postures[p.index]].name),
        }
        for p in sc.postures
    ]
    agreements = [text(m.terms[t].name) for t in range(len(sc.terms)) if view.agreements[t] == AG_IN_FORCE]
    proposals = [
        tr("text.on_table", sender=role_name(sc, sender), term=text(m.terms[term].name), to=role_name(sc, to))
        for term, sender, to, _ in view.proposals
    ]
    capital = [{"role": role_name(sc, r), "capital": view.capital[r]} for r in range(len(sc.roles))]
    return {
        "postures": postures,
        "agreements": agreements,
        "running": outlookparts.ongoing(view),
        "near": outlookparts.near(view),
        "proposals": proposals,
        "capital": capital,
    }


def news(view: State) -> list[dict[str, Any]]:
    """What the table has to react to: last turn's big consequences, then this turn's news."""
    items = []
    if view.history:
        items.extend(
            h for h in headlines(view, view.history[-1].entries) if h.major and h.kind in CONSEQUENCE_KINDS
        )
    if not view.terminal:
        items.extend(headlines(view, view.current))
    sc = view.scenario
    return [{"text": h.text, "risks": outlookparts.risk_names(sc, h.risks), "major": h.major} for h in items]


def coming(view: State, viewer: int) -> list[dict[str, Any]]:
    """The scheduled beats still to come, as this viewer may know them (``game.story.calendar``)."""
    sc = view.scenario
    return [
        {"text": coming_line(c), "risks": outlookparts.risk_names(sc, c.risks)}
        for c in coming_beats(view, viewer)
    ]


def _change_name(sc: CompiledScenario, kind: str, subject: int) -> str:
    if kind == L_TRACK:
        return text(sc.model.tracks[subject].name)
    key = "host.change.capital" if kind == L_CAPITAL else "host.change.standing"
    return tr(key, role=role_name(sc, subject))


def _beat_item(view: State, beat: Beat, notes: dict[int, str]) -> dict[str, Any] | None:
    sc = view.scenario
    if beat.kind == UPKEEP:
        words, risks, major = cause_label(sc, beat.cause, notes), cause_risks(sc, beat.cause), False
    else:
        line = headline_of(sc, Entry(beat.kind, beat.subject, beat.value, beat.cause))
        if line is None or not line.text:
            return None
        words, risks, major = line.text, line.risks, line.major
    changes = [
        {"name": _change_name(sc, c.kind, c.subject), "delta": c.value}
        for c in beat.changes
        if c.kind in (L_TRACK, L_CAPITAL, L_STANDING)
        and not (c.kind == L_TRACK and sc.model.tracks[c.subject].hidden)
        and c.value
    ]
    if beat.kind == UPKEEP and not changes:
        return None
    return {"text": words, "risks": outlookparts.risk_names(sc, risks), "major": major, "changes": changes}


def resolution(view: State, moves: Sequence[Move], session: Session) -> dict[str, Any] | None:
    """The last resolved turn as this seat may see it: the orders revealed (with dice and the
    computer players' reasons), then each item of the turn's story with the changes it made."""
    if not view.history:
        return None
    number = view.history[-1].turn
    story: TurnStory | None = tell_turn(view, moves, number)
    if story is None:
        return None
    sc = view.scenario
    notes = facilitator_notes(view)
    orders = []
    for order in story.orders:
        dice = order.dice
        orders.append(
            {
                "role": role_name(sc, order.role),
                "action": action_name(sc, order.action),
                "covert": order.covert,
                "reason": order.reason if order.reason and not session.seats[order.role].human else "",
                "worn": worn_line(sc, order.action, order.worn),
                "dice": None
                if dice is None
                else tr(
                    "headline.roll",
                    d1=dice.d1,
                    d2=dice.d2,
                    modifier=f"{dice.modifier:+d}" if dice.modifier else "",
                    total=dice.total,
                ),
            }
        )
    items = [item for beat in story.beats for item in [_beat_item(view, beat, notes)] if item is not None]
    return {"turn": number, "orders": orders, "beats": items}


def teams(
    session: Session, waiting: Sequence[int], devices: dict[str, int] | None = None
) -> list[dict[str, Any]]:
    """Each role: people or computer, and whether it has decided this round (never what). A team
    with no proposal to answer is shown so, not as having decided (proposals are public)."""
    sc = session.scenario
    answering = session.phase == PHASE_ANSWERS
    out = []
    for role, seat in enumerate(session.seats):
        entry = {
            "id": sc.role_ids[role],
            "name": role_name(sc, role, short=False),
            "short": role_name(sc, role),
            "computer": not seat.human,
            "done": role not in waiting,
            "idle": answering and not pending_answers(session.state, role),
        }
        if devices is not None:
            entry["devices"] = devices.get(sc.role_ids[role], 0)
        out.append(entry)
    return out


def ending(view: State, own_role: int | None) -> dict[str, Any] | None:
    """The ending everyone sees; a team's own score only (others' objectives stay theirs)."""
    if not view.terminal or view.ending < 0:
        return None
    m = view.scenario.model
    outcome = result(view)
    data: dict[str, Any] = {
        "name": text(m.endings[view.ending].name),
        "narrative": text(m.endings[view.ending].narrative),
        "common_ground": outcome.common_ground,
        "questions": [
            {"text": text(q.text), "risks": outlookparts.risk_names(view.scenario, q.risks)}
            for q in m.debrief.questions
        ],
        "risks": risks_felt(view),
    }
    if own_role is not None:
        score = outcome.scores[own_role]
        data["score"] = {"score": score.score, "threshold": score.threshold, "cleared": score.cleared}
    return data


def risks_felt(view: State) -> list[dict[str, Any]]:
    """The article's risks that came true in big headlines this seat saw, most often first."""
    counts: dict[str, int] = {}
    for record in view.history:
        for item in headlines(view, record.entries):
            if item.major:
                for risk in item.risks:
                    counts[risk] = counts.get(risk, 0) + 1
    names = {risk.id: text(risk.name) for risk in view.scenario.model.risks}
    order = sorted(counts, key=lambda r: (-counts[r], int(r[1:]) if r[1:].isdigit() else 0))
    return [{"id": r, "name": names.get(r, r), "count": counts[r]} for r in order]


def notices(session: Session, items: Sequence[tuple[int, str, dict[str, Any]]]) -> list[str]:
    """The host's public notices of this turn ('time ran out: Congress passed')."""
    sc = session.scenario
    turn = session.state.turn
    out = []
    for when, key, values in items:
        if when < turn - 1:  # this turn's and the last one's
            continue
        words = {k: role_name(sc, v) if k == "role" else v for k, v in values.items()}
        out.append(tr(key, **words))
    return out
