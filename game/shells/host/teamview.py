"""A team's view: everything its page shows, from ``redact(state, role)`` and nothing else.

Its own briefing and secret objectives come from ``scenario.model.roles[role]`` only (never
another role's); its orders with odds, costs and the engine's refusals; the proposals put to
it; its draft and what it has given; the public board; and the last turn's resolution as this
role may see it (its own covert orders included, the others' kept out by the view).
"""

from __future__ import annotations

from typing import Any

from game.engine import legal_action_indexes, pending_answers, role_score, why_not
from game.engine.state import PHASE_ANSWERS, PHASE_ORDERS, State
from game.i18n import text, tr, trn
from game.scenario.runtime import ACTION_PROPOSE
from game.session.table import ANSWER
from game.shells.host import outlookparts, viewparts
from game.shells.host.room import Room
from game.story.fatigue import wear_now, wear_rule
from game.story.words import (
    action_description,
    action_name,
    action_tends,
    category_name,
    cost_line,
    odds_line,
    reason_text,
    role_name,
)

# What the team is asked to do now (the page's main panel).
STEP_ANSWER, STEP_ORDER, STEP_GIVEN, STEP_WAIT, STEP_OVER = "answer", "order", "given", "wait", "over"


def team_view(room: Room, role: int) -> dict[str, Any]:
    session = room.session
    view = session.view(role)
    sc = session.scenario
    waiting = room.waiting()
    data: dict[str, Any] = {
        "seat": sc.role_ids[role],
        "kind": "team",
        "role": {"name": role_name(sc, role, short=False), "short": role_name(sc, role)},
        **viewparts.heading(view),
        "step": _step(room, role, waiting),
        "answers_phase": view.phase == PHASE_ANSWERS,
        "paused": room.paused,
        "deadline": room.deadline.seconds_left() if waiting else None,
        "teams": viewparts.teams(session, waiting),
        "briefing": _briefing(view, role),
        "objectives": _objectives(view, role),
        "resources": {
            "ap": sc.roles[role].action_points,
            "capital": view.capital[role],
            "standing": view.standing[role],
        },
        "programmes": _programmes(view, role),
        "tracks": viewparts.tracks(view),
        "situation": viewparts.situation(view),
        "news": viewparts.news(view),
        "coming": viewparts.coming(view, role),
        "last_turn": viewparts.resolution(view, session.moves, session),
        "proposals": _proposals(room, view, role),
        "orders": _orders(room, view, role),
        "ending": viewparts.ending(view, role),
        "notices": viewparts.notices(session, room.notices),
    }
    return data


def _step(room: Room, role: int, waiting: tuple[int, ...]) -> str:
    session = room.session
    if session.terminal:
        return STEP_OVER
    kind = session.next_step().kind
    if role in waiting:
        return STEP_ANSWER if kind == ANSWER else STEP_ORDER
    if role in session.pending_orders or role in session.pending_answers:
        return STEP_GIVEN
    return STEP_WAIT


def _briefing(view: State, role: int) -> dict[str, str]:
    model = view.scenario.model.roles[role]
    return {
        "situation": text(model.briefing.situation),
        "pressures": text(model.briefing.pressures),
        "success": text(model.briefing.success),
    }


def _objectives(view: State, role: int) -> dict[str, Any]:
    model = view.scenario.model.roles[role]
    score = role_score(view, role)
    return {
        "score": score.score,
        "threshold": score.threshold,
        "list": [
            {"text": text(objective.text), "weight": objective.weight, "now": value}
            for objective, value in zip(model.objectives, score.objectives, strict=True)
        ],
    }


def _programmes(view: State, role: int) -> list[str]:
    sc = view.scenario
    return [
        tr("host.programme", action=action_name(sc, a), left=trn("host.turns_left", left))
        for a, _, left in view.programmes
        if sc.actions[a].role == role
    ]


def _proposals(room: Room, view: State, role: int) -> list[dict[str, Any]]:
    """The proposals put to this role this turn, with its draft or given answer to each."""
    if view.phase != PHASE_ANSWERS:
        return []
    sc = view.scenario
    session = room.session
    given = session.pending_answers.get(role)
    chosen = given if given is not None else room.answer_drafts.get(role, {})
    return [
        {
            "id": sc.terms[term].id,
            "name": text(sc.model.terms[term].name),
            "text": text(sc.model.terms[term].text),
            "from": role_name(sc, sender),
            "answer": chosen.get(term),
            "preview": outlookparts.preview(sc, term),
        }
        for term, sender in pending_answers(view, role)
    ]


def _orders(room: Room, view: State, role: int) -> dict[str, Any]:
    """Every order of the role by category: odds, costs, and why an unavailable one is not."""
    sc = view.scenario
    session = room.session
    given = session.pending_orders.get(role)
    chosen = given if given is not None else room.drafts.get(role, ())
    legal = set(legal_action_indexes(view, role)) if view.phase == PHASE_ORDERS else set()
    groups = []
    for category in range(4):
        indexes = [a for a in sc.actions_by_role[role] if sc.actions[a].category == category]
        indexes.sort(key=lambda a: sc.actions[a].kind == ACTION_PROPOSE)
        if not indexes:
            continue
        actions = []
        for index in indexes:
            action = sc.actions[index]
            refusal = why_not(view, action) if index not in legal else None
            actions.append(
                {
                    "id": action.id,
                    "name": action_name(sc, index),
                    "description": action_description(sc, index),
                    "tends": action_tends(sc, index),
                    "cost": cost_line(action),
                    "ap": action.ap,
                    "capital": action.capital,
                    "odds": odds_line(view, action),
                    "wear_rule": wear_rule(sc, index),
                    "wear_now": wear_now(view, index),
                    "covert": action.covert,
                    "available": index in legal,
                    "why_not": reason_text(sc, refusal)
                    if refusal
                    else ("" if index in legal else tr("text.not_now")),
                    "chosen": index in chosen,
                }
            )
        groups.append({"category": category_name(category), "actions": actions})
    return {
        "given": given is not None,
        "chosen": [sc.actions[a].id for a in chosen],
        "chosen_names": [action_name(sc, a) for a in chosen],
        "groups": groups,
        "ap": sc.roles[role].action_points,
        "capital": view.capital[role],
    }
