"""The export's change rows: everything that moved, with its true cause, in the order it happened.

One row per change of the log (``TurnStory.changes``): a track, capital or standing with its
delta and the value after it, a flag, posture or agreement with its new value; the cause by kind,
id and part, worded by ``game.story.words.cause_label``; the article risks it draws on; whether
it was secret during play, and from which turn a delayed effect came.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from game.engine.log import (
    AG_BREACHED,
    AG_ENDED,
    AG_IN_FORCE,
    AG_NONE,
    L_AGREEMENT,
    L_CAPITAL,
    L_FLAG,
    L_POSTURE,
    L_STANDING,
    L_TRACK,
    L_TRUST,
)
from game.i18n import text, tr
from game.scenario.runtime import (
    C_ACTION,
    C_EVENT,
    C_FACILITATOR,
    C_INCOME,
    C_POSTURE,
    C_PROGRAMME,
    C_ROLE,
    C_RULE,
    C_TERM,
    OUTCOME_NAMES,
    Cause,
    CompiledScenario,
)
from game.story.facts import Change, Story
from game.story.words import cause_label, role_name

AGREEMENT_STATES = {AG_NONE: "none", AG_IN_FORCE: "in_force", AG_ENDED: "ended", AG_BREACHED: "breached"}
TERM_PARTS = ("accept", "reject", "ongoing", "breach", "sunset")
PROGRAMME_PARTS = ("ongoing", "exposed")
COUNTED = (L_TRACK, L_CAPITAL, L_STANDING, L_TRUST)

Row = dict[str, Any]


def change_rows(story: Story) -> Iterator[Row]:
    """Every change of the game once, turn by turn, in the log's order."""
    sc = story.scenario
    running = {
        L_TRACK: list(sc.track_start),
        L_CAPITAL: [r.capital_start for r in sc.roles],
        L_STANDING: [r.standing for r in sc.roles],
        L_TRUST: [sc.credibility.start if sc.credibility else 0] * len(sc.roles) ** 2,
    }
    for turn in story.turns:
        for change in turn.changes:
            row = change_row(sc, story, turn.turn, change)
            if change.kind in COUNTED:
                running[change.kind][change.subject] += change.value
                row["after"] = running[change.kind][change.subject]
            yield row


def change_row(sc: CompiledScenario, story: Story, turn: int, change: Change) -> Row:
    ident, name, value = subject_of(sc, change)
    kind, cause_id, part, role = cause_parts(sc, change.origin)
    return {
        "record": "change",
        "turn": turn,
        "position": change.at,
        "kind": change.kind,
        "id": ident,
        "name": name,
        "delta": change.value if change.kind in COUNTED else None,
        "value": value,
        "after": None,
        "cause_kind": kind,
        "cause_id": cause_id,
        "cause_part": part,
        "cause_role": role,
        "cause_label": cause_label(sc, change.cause, story.notes),
        "risks": list(sc.risks_of(change.cause)),
        "secret_during_play": change.secret_owner >= 0,
        "secret_role": sc.role_ids[change.secret_owner] if change.secret_owner >= 0 else None,
        "delayed_from": change.delayed_from,
    }


def subject_of(sc: CompiledScenario, change: Change) -> tuple[str, str, Any]:
    """(id, name, new value) of what changed; the value only for flags, postures and agreements."""
    m = sc.model
    index = change.subject
    if change.kind == L_TRACK:
        return m.tracks[index].id, text(m.tracks[index].name), None
    if change.kind in (L_CAPITAL, L_STANDING):
        return m.roles[index].id, role_name(sc, index), None
    if change.kind == L_FLAG:
        return m.flags[index].id, text(m.flags[index].name), bool(change.value)
    if change.kind == L_POSTURE:
        posture = m.postures[index]
        return posture.id, text(posture.name), posture.options[change.value].id
    if change.kind == L_AGREEMENT:
        return (
            m.terms[index].id,
            text(m.terms[index].name),
            AGREEMENT_STATES.get(change.value, str(change.value)),
        )
    if change.kind == L_TRUST:  # one role's trust in another's promises
        holder, other = divmod(index, len(sc.roles))
        ident = f"{m.roles[holder].id}.{m.roles[other].id}"
        return ident, tr("export.trust", holder=role_name(sc, holder), other=role_name(sc, other)), None
    raise ValueError(f"not a change: {change.kind!r}")  # pragma: no cover - facts hold changes only


def cause_parts(sc: CompiledScenario, cause: Cause) -> tuple[str, str | None, str | None, str | None]:
    """(kind, id, part, role) of an original cause, in the scenario's ids."""
    if not cause:
        return "", None, None, None
    kind = str(cause[0])
    m = sc.model
    if kind == C_ACTION:
        action = sc.actions[cause[1]]
        return kind, action.id, OUTCOME_NAMES[cause[2]], sc.role_ids[action.role]
    if kind == C_PROGRAMME:
        action = sc.actions[cause[1]]
        return kind, action.id, PROGRAMME_PARTS[cause[2]], sc.role_ids[action.role]
    if kind == C_TERM:
        return kind, m.terms[cause[1]].id, TERM_PARTS[cause[2]], None
    if kind == C_POSTURE:
        posture = m.postures[cause[1]]
        return kind, posture.id, posture.options[cause[2]].id, posture.owner
    if kind == C_RULE:
        return kind, m.rules[cause[1]].id, None, None
    if kind == C_EVENT:
        return kind, m.events[cause[1]].id, None, None
    if kind in (C_INCOME, C_ROLE):
        return kind, sc.role_ids[cause[1]], None, sc.role_ids[cause[1]]
    if kind == C_FACILITATOR:
        return kind, str(cause[1]), None, None
    return kind, str(cause[1]) if len(cause) > 1 else None, None, None
